// Runs the TypeScript unit tests: bundles each tests/unit/*.test.ts with esbuild into dist/tests/*.test.mjs
// (esbuild does not typecheck; `npm run typecheck` covers src/) and imports the bundles here, so their
// node:test tests register in this process and `node --test tests/` reports every one of them.
// A file that fails to bundle or to load is reported as a failing test named after it.
//
// Environment: MOONRISE_UNIT_ONLY=<substring> runs only the matching files.
import { test } from 'node:test';
import { readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { REPO } from './support/corpus.mjs';

const UNIT_DIR = join(REPO, 'tests/unit');
const OUT_DIR = join(REPO, 'dist/tests');
const only = process.env.MOONRISE_UNIT_ONLY;

const files = existsSync(UNIT_DIR)
  ? readdirSync(UNIT_DIR)
      .filter((f) => f.endsWith('.test.ts') && (!only || f.includes(only)))
      .sort()
  : [];

if (files.length === 0) {
  test('unit tests', { skip: 'no tests/unit/*.test.ts files' }, () => {});
} else {
  mkdirSync(OUT_DIR, { recursive: true });
  // One esbuild call for all entries: shared work (parsing src/) is done once.
  let buildError;
  try {
    await build({
      entryPoints: files.map((f) => join(UNIT_DIR, f)),
      outdir: OUT_DIR,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'esm',
      sourcemap: 'inline',
      logLevel: 'silent',
      // node:test and friends stay imports; everything of ours is bundled.
      packages: 'external',
    });
  } catch (e) {
    buildError = e;
  }
  if (buildError) {
    // Bundle files one by one so a broken file only fails itself.
    for (const f of files) {
      let err;
      try {
        await build({
          entryPoints: [join(UNIT_DIR, f)],
          outdir: OUT_DIR,
          outExtension: { '.js': '.mjs' },
          bundle: true,
          platform: 'node',
          target: 'node18',
          format: 'esm',
          sourcemap: 'inline',
          logLevel: 'silent',
          packages: 'external',
        });
      } catch (e) {
        err = e;
      }
      if (err) test(`bundle tests/unit/${f}`, () => { throw new Error(String(err.message ?? err)); });
      else await importBundle(f);
    }
  } else {
    for (const f of files) await importBundle(f);
  }
}

async function importBundle(f) {
  const out = join(OUT_DIR, f.replace(/\.ts$/, '.mjs'));
  try {
    await import(pathToFileURL(out).href);
  } catch (e) {
    test(`load tests/unit/${f}`, () => {
      throw e;
    });
  }
}
