// Speculation stress test: seeded random Lua programs (tests/support/stress-gen.mjs) that warm the JIT's
// sites up with one type profile and then flip value types at the same sites, run through the CLI bundle on
// every tier mix — `--tier=interp`, `--tier=jit --jit-threshold=0` (compiled at the first call) and
// `--tier=jit --jit-threshold=2` (compiled mid-warm-up, so interpreted and compiled state mix) — and compared
// (stdout, stderr, exit status) with the real lua5.4; without lua5.4 the tiers are compared with the
// interpreter instead. A differing program is saved to dist/stress-failures/ and the failure names the first
// differing line and the replay command.
//
// Environment: MOONRISE_STRESS_COUNT (programs, default 32), MOONRISE_STRESS_SEED (default 4),
// MOONRISE_STRESS_SCENARIOS (scenarios per program, default 24), MOONRISE_STRESS_TIERS (e.g. `jit0,jit2`),
// MOONRISE_STRESS_STRICT=1 (also check what shows known bugs: see STRICT).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, REFERENCE, runProgram, pool, defaultJobs } from './support/corpus.mjs';
import { generateStressProgram } from './support/stress-gen.mjs';

const COUNT = Number(process.env.MOONRISE_STRESS_COUNT ?? 32);
const SEED = Number(process.env.MOONRISE_STRESS_SEED ?? 4) >>> 0;
const SCENARIOS = Number(process.env.MOONRISE_STRESS_SCENARIOS ?? 24);
const CLI = 'dist/cli.js';
/** This run's programs (one folder per process, so that concurrent runs do not clash); removed at the end. */
const WORK_DIR = `dist/stress/${process.pid}`;
const FAIL_DIR = 'dist/stress-failures';

const ALL_TIERS = {
  interp: ['--tier=interp'],
  jit0: ['--tier=jit', '--jit-threshold=0'],
  jit2: ['--tier=jit', '--jit-threshold=2'],
};
const tierNames = process.env.MOONRISE_STRESS_TIERS?.split(',').filter(Boolean) ?? Object.keys(ALL_TIERS);
/** The sign of a NaN is not kept by V8 once it optimises hot code (it may fold or canonicalise NaNs, in the
 * interpreter as in compiled code), so "-nan" and "nan" compare equal unless MOONRISE_STRESS_STRICT=1. */
const STRICT = process.env.MOONRISE_STRESS_STRICT === '1';
const MASK_NAN_SIGN = !STRICT;
const maskNan = (s) => (MASK_NAN_SIGN ? s.replace(/-nan/g, 'nan') : s);

/** Whether the reference interpreter runs at all here (it is installed in CI). */
async function haveReference() {
  const r = await runProgram(REFERENCE, ['-e', 'io.write(_VERSION)']);
  return r.code === 0 && r.stdout.toString() === 'Lua 5.4';
}

/** Uncaught errors start with argv[0] (`lua5.4: `); compare without it. */
const normErr = (b) => b.toString('latin1').replace(/^(?:lua5\.4|lua|moonrise|moonrise\.js|node): /gm, 'lua: ');

function firstDifference(expected, actual) {
  const e = expected.split('\n');
  const a = actual.split('\n');
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const show = (l) => (l === undefined ? '<end of output>' : JSON.stringify(l));
  return `line ${i + 1}:\n      expected ${show(e[i])}\n      actual   ${show(a[i])}`;
}

/** undefined when equal, else a readable description of the first difference. */
function compare(ref, r) {
  if (r.timedOut) return `timed out after ${Math.round(r.ms / 1000)} s`;
  const parts = [];
  const eo = maskNan(ref.stdout.toString('latin1')), ao = maskNan(r.stdout.toString('latin1'));
  if (eo !== ao) parts.push(`stdout differs at ${firstDifference(eo, ao)}`);
  const ee = maskNan(normErr(ref.stderr)), ae = maskNan(normErr(r.stderr));
  if (ee !== ae) parts.push(`stderr differs at ${firstDifference(ee, ae)}`);
  if (ref.code !== r.code) parts.push(`exit status ${r.code}, expected ${ref.code}`);
  return parts.length ? parts.join('\n    ') : undefined;
}

const built = existsSync(join(REPO, CLI));
test('stress: engine is built (dist/cli.js)', () => assert.ok(built, `${CLI} is missing: run \`npm run build\` first`));

if (built) {
  const useRef = await haveReference();
  mkdirSync(join(REPO, WORK_DIR), { recursive: true });
  after(() => rmSync(join(REPO, WORK_DIR), { recursive: true, force: true }));
  const programs = [];
  for (let i = 0; i < COUNT; i++) {
    const path = `${WORK_DIR}/stress-${SEED}-${i}.lua`;
    writeFileSync(join(REPO, path), generateStressProgram(SEED, i, { scenarios: SCENARIOS, strict: STRICT }), 'latin1');
    programs.push(path);
  }
  // one job per program and engine; the reference (or the interpreter when there is none) comes first
  const engines = [
    ...(useRef ? [{ name: REFERENCE, cmd: REFERENCE, args: [] }] : []),
    ...tierNames.map((t) => ({ name: t, cmd: process.execPath, args: [CLI, ...ALL_TIERS[t]] })),
  ];
  const jobs = programs.flatMap((path) => engines.map((engine) => ({ path, engine })));
  const results = pool(jobs, defaultJobs(), ({ path, engine }) => runProgram(engine.cmd, [...engine.args, path], { timeout: 20_000 }));

  programs.forEach((path, i) => {
    test(`stress: program ${i} (seed ${SEED})`, async (t) => {
      const runs = await Promise.all(engines.map((_, k) => results[i * engines.length + k]));
      const [ref, ...rest] = runs;
      const refName = engines[0].name;
      if (ref.timedOut) assert.fail(`${path} timed out on ${refName}: the generator made a program that runs too long`);
      const problems = [];
      rest.forEach((r, k) => {
        const engine = engines[k + 1];
        const d = compare(ref, r);
        if (d) problems.push({ engine, d });
      });
      if (problems.length === 0) return;
      mkdirSync(join(REPO, FAIL_DIR), { recursive: true });
      const saved = `${FAIL_DIR}/stress-${SEED}-${i}.lua`;
      writeFileSync(join(REPO, saved), generateStressProgram(SEED, i, { scenarios: SCENARIOS, strict: STRICT }), 'latin1');
      const lines = problems.map(({ engine, d }) =>
        `  ${engine.name} differs from ${refName}: ${d}\n    replay: diff <(${refName === REFERENCE ? REFERENCE : `node ${CLI} ${ALL_TIERS[refName].join(' ')}`} ${saved} 2>&1) <(node ${CLI} ${ALL_TIERS[engine.name].join(' ')} ${saved} 2>&1)`);
      assert.fail(`${saved} (seed ${SEED}, program ${i}; messages name ${path}):\n${lines.join('\n')}`);
    });
  });
}
