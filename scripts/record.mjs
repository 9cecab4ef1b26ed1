#!/usr/bin/env node
// Records the expected behaviour of every corpus program from the reference `lua5.4` (never by hand):
// for tests/lua/<k>.lua it writes tests/expected/<k>.out (stdout, always), <k>.err (stderr, only when
// non-empty) and <k>.code (exit status, only when non-zero), and removes expectation files that no longer
// belong to a test or a result. Programs run from the repo root with their relative path, empty stdin,
// TZ=UTC, LC_ALL=C — exactly how tests/run.test.mjs runs Moonrise.
//
//   node scripts/record.mjs                 record everything into tests/expected/
//   node scripts/record.mjs --out DIR       record into DIR instead (used by check-recordings.mjs)
//   node scripts/record.mjs FILE...         record only these test files (no orphan cleanup)
import { mkdirSync, writeFileSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join, isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, EXPECTED_DIR, REFERENCE, listTests, testKey, runProgram, pool, defaultJobs } from '../tests/support/corpus.mjs';

export async function record({ outDir = join(REPO, EXPECTED_DIR), files, quiet = false } = {}) {
  const all = !files || files.length === 0;
  const tests = all ? listTests() : files.map((f) => relative(REPO, isAbsolute(f) ? f : join(process.cwd(), f)).split('\\').join('/'));
  const problems = [];
  await Promise.all(
    pool(tests, defaultJobs(), async (path) => {
      const r = await runProgram(REFERENCE, [path]);
      if (r.timedOut) problems.push(`${path}: timed out under ${REFERENCE}`);
      if (/^cannot run /.test(r.stderr.toString())) throw new Error(r.stderr.toString());
      const base = join(outDir, testKey(path));
      mkdirSync(dirname(base), { recursive: true });
      writeFileSync(base + '.out', r.stdout);
      writeOrRemove(base + '.err', r.stderr.length ? r.stderr : undefined);
      writeOrRemove(base + '.code', r.code !== 0 ? `${r.code}\n` : undefined);
      if (!quiet) process.stdout.write(`${r.code === 0 ? ' ' : r.code} ${path} (${Math.round(r.ms)} ms)\n`);
    }),
  );
  if (all) removeOrphans(outDir, new Set(tests.map(testKey)));
  return { count: tests.length, problems };
}

function writeOrRemove(file, data) {
  if (data !== undefined) writeFileSync(file, data);
  else if (existsSync(file)) rmSync(file);
}

/** Deletes expectation files whose test is gone, and folders left empty. */
function removeOrphans(outDir, keys) {
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const ent of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, ent.name);
      if (ent.isDirectory()) {
        walk(p);
        if (readdirSync(p).length === 0) rmSync(p, { recursive: true });
      } else {
        const key = relative(outDir, p).split('\\').join('/').replace(/\.(out|err|code)$/, '');
        if (!keys.has(key)) rmSync(p);
      }
    }
  };
  walk(outDir);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  let outDir;
  const files = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') outDir = args[++i];
    else files.push(args[i]);
  }
  const { count, problems } = await record({ outDir: outDir && join(process.cwd(), outDir), files });
  for (const p of problems) console.error(p);
  console.log(`recorded ${count} test(s) with ${REFERENCE}`);
  process.exit(problems.length ? 1 : 0);
}
