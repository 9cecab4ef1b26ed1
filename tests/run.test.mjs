// The Lua corpus runner: every tests/lua/**/*.lua runs on Moonrise once per tier in TIERS (and once more
// "through string.dump + load" on DUMP_TIERS), and its stdout, stderr and exit status must equal what
// `lua5.4` recorded in tests/expected/ (scripts/record.mjs). One node:test test per file per mode.
//
// Programs run as `node bin/moonrise.js --tier=<tier> tests/lua/<topic>/<name>.lua` from the repo root,
// with empty stdin and TZ=UTC LC_ALL=C — exactly as they were recorded. They run in a worker pool (one job
// per core) while the tests await their results in order.
//
// tests/known-failures.txt lists programs expected to fail (one path per line, `# why` comment; append
// `@<mode>` to the path to limit it to one mode, e.g. `tests/lua/x/y.lua@dump`). A listed program that passes
// fails the run, so the list stays honest.
//
// Environment: MOONRISE_TEST_ENGINE="lua5.4" runs the harness against another command instead of Moonrise
// (to validate the harness itself; its single mode is named "ref"); MOONRISE_TEST_ONLY=<substring> filters
// files; MOONRISE_TEST_TIERS=interp,jit overrides TIERS; MOONRISE_TEST_JOBS=<n> sets the pool size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, listTests, readExpected, runProgram, pool, defaultJobs } from './support/corpus.mjs';

/** Every execution tier the CLI offers (`--tier=<name>`); each one runs the whole corpus. */
const TIERS = ['interp'];
/** Tiers that also run the corpus through string.dump + load (tests/support/dumprun.lua). */
const DUMP_TIERS = ['interp'];
const DUMP_WRAPPER = 'tests/support/dumprun.lua';

/**
 * Programs skipped in dump mode because their expected output depends on how the chunk was loaded: an
 * uncaught error's traceback or debug.traceback() shows the wrapper's frames, `arg`/`...` of the main
 * chunk or load/loadfile behaviour observed from the main chunk itself, or debug info of the main chunk.
 * (Checked by running the dump mode on lua5.4 itself: every other program gives identical results.)
 */
const DUMP_SKIP = [
  'tests/lua/uncaught/', // whole folder: uncaught errors print a traceback that includes the wrapper
  'tests/lua/pcall/traceback-basic.lua',
  'tests/lua/pcall/xpcall-traceback.lua',
  'tests/lua/recursion/traceback-deep.lua',
  'tests/lua/base/arg-table.lua',
  'tests/lua/coroutines/traceback.lua',
];

const engineOverride = process.env.MOONRISE_TEST_ENGINE?.trim();
const tiers = engineOverride ? ['ref'] : (process.env.MOONRISE_TEST_TIERS?.split(',').filter(Boolean) ?? TIERS);
const dumpTiers = engineOverride ? ['ref'] : DUMP_TIERS.filter((t) => tiers.includes(t));
const only = process.env.MOONRISE_TEST_ONLY;

function command(tier) {
  if (engineOverride) {
    const [cmd, ...args] = engineOverride.split(/\s+/);
    return { cmd, args };
  }
  return { cmd: process.execPath, args: ['bin/moonrise.js', `--tier=${tier}`] };
}

/** The program's name in uncaught-error messages is argv[0] (`lua5.4: ...`); compare without it. */
function normaliseStderr(buf) {
  return buf.toString('latin1').replace(/^(?:lua5\.4|lua|moonrise|moonrise\.js|node): /gm, 'lua: ');
}

function loadKnownFailures() {
  const file = join(REPO, 'tests/known-failures.txt');
  const map = new Map();
  if (!existsSync(file)) return map;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [path, mode] = line.split('@');
    map.set(mode ? `${path}@${mode}` : path, raw.includes('#') ? raw.slice(raw.indexOf('#') + 1).trim() : '');
  }
  return map;
}

/** A readable diff: the first differing line with 3 lines of context, then up to 25 lines of each side. */
export function diffText(expected, actual) {
  const e = expected.split('\n');
  const a = actual.split('\n');
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const lines = [`  first difference at line ${i + 1}:`];
  for (let k = Math.max(0, i - 3); k < i; k++) lines.push(`    ${e[k]}`);
  const show = (arr, sign) => {
    const part = arr.slice(i, i + 25);
    for (const l of part) lines.push(`  ${sign} ${JSON.stringify(l).slice(1, -1)}`);
    if (arr.length > i + 25) lines.push(`  ${sign} ... (${arr.length - i - 25} more lines)`);
  };
  show(e, '-');
  show(a, '+');
  return lines.join('\n');
}

function compare(path, expected, r) {
  const problems = [];
  if (r.timedOut) problems.push(`timed out after ${Math.round(r.ms / 1000)} s`);
  const out = r.stdout.toString('latin1');
  const expOut = expected.stdout.toString('latin1');
  if (out !== expOut) problems.push(`stdout differs (- expected lua5.4, + actual):\n${diffText(expOut, out)}`);
  const err = normaliseStderr(r.stderr);
  const expErr = normaliseStderr(expected.stderr);
  if (expected.skipStderr !== true && err !== expErr) problems.push(`stderr differs (- expected, + actual):\n${diffText(expErr, err)}`);
  if (r.code !== expected.code) problems.push(`exit status ${r.code}, expected ${expected.code}`);
  return problems.length ? `${path}: ${problems.join('\n')}` : undefined;
}

const files = listTests().filter((f) => !only || f.includes(only));
const known = loadKnownFailures();
const built = engineOverride || existsSync(join(REPO, 'dist/cli.js'));

const jobs = [];
for (const tier of tiers) for (const f of files) jobs.push({ mode: tier, tier, file: f, dump: false });
for (const tier of dumpTiers)
  for (const f of files)
    if (!DUMP_SKIP.some((s) => (s.endsWith('/') ? f.startsWith(s) : f === s))) jobs.push({ mode: `dump-${tier}`, tier, file: f, dump: true });

test('engine is built (dist/cli.js)', () => {
  assert.ok(built, 'dist/cli.js is missing: run `npm run build` first');
});

const results = built
  ? pool(jobs, defaultJobs(), async (job) => {
      const { cmd, args } = command(job.tier);
      const target = job.dump ? [DUMP_WRAPPER, job.file] : [job.file];
      return runProgram(cmd, [...args, ...target]);
    })
  : [];

jobs.forEach((job, i) => {
  const name = `${job.mode} ${job.file}`;
  const knownWhy = known.get(`${job.file}@${job.mode}`) ?? known.get(`${job.file}@${job.dump ? 'dump' : job.tier}`) ?? known.get(job.file);
  test(name, { skip: !built && 'engine not built' }, async () => {
    const expected = readExpected(job.file);
    assert.ok(expected, `${job.file} has no recording: run \`npm run record\``);
    const r = await results[i];
    const failure = compare(job.file, expected, r);
    if (knownWhy !== undefined) {
      assert.ok(failure, `${job.file} is listed in tests/known-failures.txt (${knownWhy || 'no reason given'}) but now passes in mode ${job.mode}: remove it from the list`);
      return;
    }
    if (failure) assert.fail(failure);
  });
});

test('known-failures.txt names only existing programs', () => {
  const missing = [...known.keys()].map((k) => k.split('@')[0]).filter((p) => !existsSync(join(REPO, p)));
  assert.deepEqual(missing, [], 'tests/known-failures.txt lists files that do not exist');
});
