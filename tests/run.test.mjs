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
// fails the run, so the list stays honest. A folder prefix (`tests/lua/@dump`) only allows failures.
// MOONRISE_UPDATE_KNOWN_FAILURES=1 rewrites the list from the run's actual failures (a deliberate baseline).
//
// Environment: MOONRISE_TEST_ENGINE="lua5.4" runs the harness against another command instead of Moonrise
// (to validate the harness itself; its single mode is named "ref"); MOONRISE_TEST_ONLY=<substring> filters
// files; MOONRISE_TEST_TIERS=interp,jit,jit2,default overrides TIERS; MOONRISE_TEST_JOBS=<n> sets the pool size.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, listTests, readExpected, runProgram, pool, defaultJobs } from './support/corpus.mjs';

/** The modes that each run the whole corpus: every execution tier the CLI offers, the JIT at threshold 0
 * (every function compiled at its first call) and at threshold 2 (functions start interpreted, then switch:
 * interpreted and compiled frames mix), and the CLI's default settings (no option at all). */
const TIERS = ['interp', 'jit', 'jit2', 'default'];
const TIER_FLAGS = {
  interp: ['--tier=interp'],
  jit: ['--tier=jit', '--jit-threshold=0'],
  jit2: ['--tier=jit', '--jit-threshold=2'],
  default: [],
};
/** Tiers that also run the corpus through string.dump + load (tests/support/dumprun.lua). */
const DUMP_TIERS = ['interp'];
const DUMP_WRAPPER = 'tests/support/dumprun.lua';

/**
 * Dump mode differences, found by running the dump mode on lua5.4 itself (MOONRISE_TEST_ENGINE=lua5.4): every
 * program not listed here gives byte-identical results through the wrapper.
 * - DUMP_SKIP: not run in dump mode, because their output shows how the chunk was loaded: debug.traceback()
 *   lists the wrapper's frames, and `arg` describes the wrapper's command line.
 * - DUMP_NO_STDERR: stdout and exit status are compared but not stderr, because an uncaught error's traceback
 *   (or a syntax error reported through the wrapper's assert) names the wrapper.
 * Entries ending in '/' match a whole folder.
 */
const DUMP_SKIP = [
  'tests/lua/base/arg-table.lua',
  'tests/lua/pcall/traceback-basic.lua',
  'tests/lua/pcall/xpcall-traceback.lua',
  'tests/lua/recursion/traceback-deep.lua',
];
const DUMP_NO_STDERR = ['tests/lua/uncaught/'];

const engineOverride = process.env.MOONRISE_TEST_ENGINE?.trim();
const tiers = engineOverride ? ['ref'] : (process.env.MOONRISE_TEST_TIERS?.split(',').filter(Boolean) ?? TIERS);
const dumpTiers = engineOverride ? ['ref'] : DUMP_TIERS.filter((t) => tiers.includes(t));
const only = process.env.MOONRISE_TEST_ONLY;

function command(tier) {
  if (engineOverride) {
    const [cmd, ...args] = engineOverride.split(/\s+/);
    return { cmd, args };
  }
  return { cmd: process.execPath, args: ['bin/moonrise.js', ...TIER_FLAGS[tier]] };
}

/** The program's name in uncaught-error messages is argv[0] (`lua5.4: ...`); compare without it. */
function normaliseStderr(buf) {
  return buf.toString('latin1').replace(/^(?:lua5\.4|lua|moonrise|moonrise\.js|node): /gm, 'lua: ');
}

/**
 * tests/known-failures.txt entries: `path # why` (every mode), `path@mode # why` (mode = a tier, `dump`, or a
 * full mode name such as `dump-interp`). An exact path is expected to fail (a pass fails the run, so the list
 * stays honest); a folder prefix ending in '/' (e.g. `tests/lua/@dump # string.dump not implemented yet`)
 * only allows failures, for blanket exclusions while a feature is missing.
 */
function loadKnownFailures() {
  const file = join(REPO, 'tests/known-failures.txt');
  const entries = [];
  if (!existsSync(file)) return entries;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [path, mode] = line.split('@');
    const why = raw.includes('#') ? raw.slice(raw.indexOf('#') + 1).trim() : '';
    entries.push({ path, mode: mode || undefined, why, prefix: path.endsWith('/'), key: line });
  }
  return entries;
}

function knownEntry(entries, job) {
  const modeOk = (e) => !e.mode || e.mode === job.mode || e.mode === (job.dump ? 'dump' : job.tier);
  return (
    entries.find((e) => !e.prefix && e.path === job.file && modeOk(e)) ??
    entries.find((e) => e.prefix && job.file.startsWith(e.path) && modeOk(e))
  );
}

/** MOONRISE_UPDATE_KNOWN_FAILURES=1: rewrite the list from this run (keeping reasons, prefix entries and
 * entries of files this run did not execute), so a deliberate baseline is one command. */
function rewriteKnownFailures(entries, outcomes) {
  const file = join(REPO, 'tests/known-failures.txt');
  const old = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const header = [];
  for (const l of old) {
    if (l.startsWith('#')) header.push(l);
    else break;
  }
  const ran = new Set(outcomes.map((o) => o.job.file));
  const keep = entries.filter((e) => e.prefix || !ran.has(e.path)).map((e) => `${e.key}${e.why ? `  # ${e.why}` : ''}`);
  const failing = new Map(); // file -> [{mode, why}]
  for (const { job, failure, entry } of outcomes) {
    if (!failure || (entry && entry.prefix)) continue;
    const why = entry?.why || failure.summary;
    if (!failing.has(job.file)) failing.set(job.file, []);
    failing.get(job.file).push({ mode: job.mode, why });
  }
  const modesRun = new Set(outcomes.map((o) => o.job.mode));
  const lines = [];
  for (const [f, list] of [...failing].sort()) {
    if (list.length === modesRun.size) lines.push(`${f}  # ${list[0].why}`);
    else for (const { mode, why } of list) lines.push(`${f}@${mode}  # ${why}`);
  }
  writeFileSync(file, [...header, ...keep, ...lines].join('\n') + '\n');
}

/** A readable line diff: unified-style hunks (2 lines of context) from an LCS of the lines; falls back to
 * "first difference onwards" for very long outputs. Lines are shown JSON-escaped so invisible bytes show. */
export function diffText(expected, actual, maxLines = 60) {
  const e = expected.split('\n');
  const a = actual.split('\n');
  const show = (l) => JSON.stringify(l).slice(1, -1);
  if (e.length * a.length > 4_000_000) {
    let i = 0;
    while (i < e.length && i < a.length && e[i] === a[i]) i++;
    const out = [`  first difference at line ${i + 1}:`];
    for (const l of e.slice(i, i + 20)) out.push(`  - ${show(l)}`);
    for (const l of a.slice(i, i + 20)) out.push(`  + ${show(l)}`);
    return out.join('\n');
  }
  // lcs[i][j] = length of the LCS of e[i..] and a[j..]
  const lcs = Array.from({ length: e.length + 1 }, () => new Uint32Array(a.length + 1));
  for (let i = e.length - 1; i >= 0; i--)
    for (let j = a.length - 1; j >= 0; j--) lcs[i][j] = e[i] === a[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops = []; // [' ' | '-' | '+', line, expectedLineNo]
  let i = 0, j = 0;
  while (i < e.length || j < a.length) {
    if (i < e.length && j < a.length && e[i] === a[j]) ops.push([' ', e[i++], i]), j++;
    else if (j < a.length && (i >= e.length || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push(['+', a[j++], i + 1]);
    else ops.push(['-', e[i++], i]);
  }
  const out = [];
  let last = -1;
  for (let k = 0; k < ops.length && out.length < maxLines; k++) {
    if (ops[k][0] === ' ') continue;
    const from = Math.max(last + 1, k - 2);
    if (from > last + 1) out.push(`  @@ expected line ${ops[from][2]} @@`);
    for (let m = from; m < k; m++) out.push(`    ${show(ops[m][1])}`);
    let end = k;
    while (end < ops.length && (ops[end][0] !== ' ' || ops.slice(end, end + 5).some((o) => o[0] !== ' '))) end++;
    end = Math.min(ops.length, end + 2);
    for (let m = k; m < end; m++) out.push(`  ${ops[m][0] === ' ' ? ' ' : ops[m][0]} ${show(ops[m][1])}`);
    last = end - 1;
    k = end - 1;
  }
  if (out.length >= maxLines) out.push('  ... (diff truncated)');
  return out.join('\n');
}

/** The first differing line of two texts, for one-line summaries. */
function firstDifference(label, expected, actual) {
  const e = expected.split('\n');
  const a = actual.split('\n');
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const q = (l) => (l === undefined ? '<end>' : JSON.stringify(l.length > 40 ? l.slice(0, 40) + '...' : l));
  return `${label} line ${i + 1}: expected ${q(e[i])}, got ${q(a[i])}`;
}

/** Compares a run with its recording; undefined when equal, else { text (full report), summary (one line) }. */
function compare(path, expected, r, { noStderr = false } = {}) {
  const problems = [];
  const summaries = [];
  if (r.timedOut) problems.push(`timed out after ${Math.round(r.ms / 1000)} s`), summaries.push('timeout');
  const out = r.stdout.toString('latin1');
  const expOut = expected.stdout.toString('latin1');
  if (out !== expOut) {
    problems.push(`stdout differs (- expected lua5.4, + actual):\n${diffText(expOut, out)}`);
    summaries.push(firstDifference('stdout', expOut, out));
  }
  const err = normaliseStderr(r.stderr);
  const expErr = normaliseStderr(expected.stderr);
  if (!noStderr && err !== expErr) {
    problems.push(`stderr differs (- expected, + actual):\n${diffText(expErr, err)}`);
    summaries.push(firstDifference('stderr', expErr, err));
  }
  if (r.code !== expected.code) problems.push(`exit status ${r.code}, expected ${expected.code}`), summaries.push(`exit status ${r.code}`);
  return problems.length ? { text: `${path}: ${problems.join('\n')}`, summary: summaries[0] } : undefined;
}

const files = listTests().filter((f) => !only || f.includes(only));
const known = loadKnownFailures();
const built = engineOverride || existsSync(join(REPO, 'dist/cli.js'));

const jobs = [];
for (const tier of tiers) for (const f of files) jobs.push({ mode: tier, tier, file: f, dump: false });
const listed = (list, f) => list.some((s) => (s.endsWith('/') ? f.startsWith(s) : f === s));
for (const tier of dumpTiers)
  for (const f of files)
    if (!listed(DUMP_SKIP, f)) jobs.push({ mode: `dump-${tier}`, tier, file: f, dump: true, noStderr: listed(DUMP_NO_STDERR, f) });

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

const outcomes = [];
jobs.forEach((job, i) => {
  const name = `${job.mode} ${job.file}`;
  const entry = knownEntry(known, job);
  test(name, { skip: !built && 'engine not built' }, async () => {
    const expected = readExpected(job.file);
    assert.ok(expected, `${job.file} has no recording: run \`npm run record\``);
    const r = await results[i];
    const failure = compare(job.file, expected, r, job);
    outcomes.push({ job, failure, entry });
    if (entry && !entry.prefix) {
      assert.ok(failure, `${job.file} is listed in tests/known-failures.txt (${entry.why || 'no reason given'}) but now passes in mode ${job.mode}: remove it from the list`);
      return;
    }
    if (entry?.prefix && failure) return; // allowed by a folder entry
    if (failure) assert.fail(failure.text);
  });
});

test('known-failures.txt names only existing programs', () => {
  const missing = known.map((e) => e.path).filter((p) => !existsSync(join(REPO, p)));
  assert.deepEqual(missing, [], 'tests/known-failures.txt lists files that do not exist');
});

if (process.env.MOONRISE_UPDATE_KNOWN_FAILURES === '1') after(() => rewriteKnownFailures(known, outcomes));
