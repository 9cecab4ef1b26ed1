// Runs the TypeScript unit tests: bundles tests/unit/*.test.ts with esbuild into dist/tests/ (esbuild does not
// typecheck; `npm run typecheck` covers src/) and imports the bundle here, so their node:test tests register
// in this process and `node --test tests/` reports every one of them.
//
// All files go into ONE bundle (one entry importing each file in order), so every test is registered in a
// single synchronous module evaluation before any starts — exactly as when a file runs alone. (Importing
// files one by one would start the first file's tests while later files are still evaluating, and a test
// that reads a module-level constant declared below it would see it uninitialised.)
// A file that fails to bundle is reported as a failing test and left out; if the combined bundle throws
// while loading, the files are loaded one by one instead so the broken one is named.
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

const common = { bundle: true, platform: 'node', target: 'node18', format: 'esm', sourcemap: 'inline', logLevel: 'silent', packages: 'external' };

/** Bundles one file or the combined entry; returns the error instead of throwing. */
async function bundle(names, outfile) {
  try {
    await build({
      ...common,
      stdin: { contents: names.map((f) => `import ${JSON.stringify('./' + f)};`).join('\n'), resolveDir: UNIT_DIR, sourcefile: 'unit-tests-entry.ts', loader: 'ts' },
      outfile,
    });
    return undefined;
  } catch (e) {
    return e;
  }
}

const failingTest = (name, err) => test(name, () => { throw err instanceof Error ? err : new Error(String(err)); });

if (files.length === 0) {
  test('unit tests', { skip: 'no tests/unit/*.test.ts files' }, () => {});
} else {
  mkdirSync(OUT_DIR, { recursive: true });
  let good = files;
  if (await bundle(files, join(OUT_DIR, 'all.test.mjs'))) {
    // Find the files that do not bundle; keep the rest together.
    good = [];
    for (const f of files) {
      const err = await bundle([f], join(OUT_DIR, f.replace(/\.ts$/, '.mjs')));
      if (err) failingTest(`bundle tests/unit/${f}`, new Error(String(err.message ?? err)));
      else good.push(f);
    }
    if (good.length) await bundle(good, join(OUT_DIR, 'all.test.mjs'));
  }
  if (good.length) {
    try {
      await import(pathToFileURL(join(OUT_DIR, 'all.test.mjs')).href);
    } catch (e) {
      // Something threw at load time: load the files separately to name the culprit.
      failingTest('load tests/unit (combined bundle)', e);
      for (const f of good) {
        const out = join(OUT_DIR, f.replace(/\.ts$/, '.mjs'));
        if (await bundle([f], out)) continue;
        try {
          await import(pathToFileURL(out).href);
        } catch (err) {
          failingTest(`load tests/unit/${f}`, err);
        }
      }
    }
  }
}
