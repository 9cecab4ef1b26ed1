#!/usr/bin/env node
// Differential fuzzer: generates random Lua programs made of many small checks — random expressions over
// integers, floats, strings and edge values, with arithmetic, bitwise, comparison, concatenation and
// common library calls — runs each program on lua5.4 and on Moonrise, and reports every check whose
// printed result differs (value, subtype, %.17g digits, or error message). Deterministic per seed.
// Exploratory, not part of `npm test`: exit status 1 when a difference is found.
//
//   node scripts/difffuzz.mjs [--programs N] [--checks N] [--seed S] [--tier interp] [--engine "cmd args"] [--keep]
//
// Differing programs are saved in dist/difffuzz/ (always, with --keep every program).
import { mkdirSync, writeFileSync, rmSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { REPO, REFERENCE, runProgram, pool, defaultJobs } from '../tests/support/corpus.mjs';
import { rng } from '../tests/support/fuzz-cases.mjs';

const opts = { programs: 20, checks: 300, seed: 1, tier: 'interp', engine: undefined, keep: false };
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const val = () => process.argv[++i];
  if (a === '--programs') opts.programs = Number(val());
  else if (a === '--checks') opts.checks = Number(val());
  else if (a === '--seed') opts.seed = Number(val());
  else if (a === '--tier') opts.tier = val();
  else if (a === '--engine') opts.engine = val();
  else if (a === '--keep') opts.keep = true;
  else throw new Error(`unknown option ${a}`);
}

const INTS = ['0', '1', '-1', '2', '3', '7', '10', '255', '1000', '2147483648', '4294967296', 'math.maxinteger',
  'math.mininteger', '9007199254740993', '0x7fffffffffffffff', '(1 << 62)', '-(2^53 // 1 | 0)'];
const FLOATS = ['0.5', '-0.0', '0.0', '1.5', '-2.5', '1e15', '1e16', '3.14159', '1e308', '2.0^53', 'math.huge',
  '-math.huge', '0.1', '1/3', '2^63', '-2^63', '1e-300', '123456.789'];
const STRINGS = ['"10"', '"0x10"', '" 5 "', '"1e2"', '"abc"', '""', '"3.5"', '"-7"', '"0x1p4"', '"9223372036854775808"'];
const OTHERS = ['true', 'false', 'nil', '{}'];
const VARS = ['a', 'b', 'c', 'd', 'e'];
const BINOPS = ['+', '-', '*', '/', '//', '%', '^', '&', '|', '~', '<<', '>>', '..', '==', '~=', '<', '<=', '>', '>=', 'and', 'or'];
const CALLS = [
  (x) => `math.floor(${x()})`, (x) => `math.ceil(${x()})`, (x) => `math.abs(${x()})`, (x) => `math.tointeger(${x()})`,
  (x) => `math.fmod(${x()}, ${x()})`, (x) => `math.max(${x()}, ${x()})`, (x) => `math.min(${x()}, ${x()})`,
  (x) => `math.ult(${x()}, ${x()})`, (x) => `tostring(${x()})`, (x) => `tonumber(${x()})`, (x) => `math.type(${x()})`,
  (x, r) => `tonumber(${['"ff"', '"777"', '"zz"', '"10"', '"-11"', '" 1e "'][Math.floor(r() * 6)]}, ${x()})`,
  (x, r) => `string.format(${['"%d"', '"%5.2f"', '"%g"', '"%x"', '"%q"', '"%.3e"', '"%s"', '"%i"'][Math.floor(r() * 8)]}, ${x()})`,
  (x) => `("hello world"):sub(${x()}, ${x()})`, (x) => `#tostring(${x()})`, (x) => `select("#", ${x()}, ${x()})`,
  (x) => `math.modf(${x()})`, (x) => `(${x()}) // 1`, (x) => `string.char(${x()} % 256)`,
];

function expr(r, depth) {
  const k = r();
  if (depth <= 0 || k < 0.3) {
    const pick = (arr) => arr[Math.floor(r() * arr.length)];
    const l = r();
    return l < 0.35 ? pick(INTS) : l < 0.6 ? pick(FLOATS) : l < 0.75 ? pick(STRINGS) : l < 0.8 ? pick(OTHERS) : pick(VARS);
  }
  if (k < 0.75) return `(${expr(r, depth - 1)} ${BINOPS[Math.floor(r() * BINOPS.length)]} ${expr(r, depth - 1)})`;
  if (k < 0.85) return `(${['-', '~', 'not', '#'][Math.floor(r() * 4)]} ${expr(r, depth - 1)})`;
  return CALLS[Math.floor(r() * CALLS.length)](() => expr(r, depth - 1), r);
}

const PRELUDE = `local a, b, c, d, e = 6, -3.5, "12", math.mininteger, 2^40
local function show(...)
  local t = table.pack(...)
  local out = {}
  for i = 1, t.n do
    local v = t[i]
    if type(v) == "number" then
      if v ~= v then out[i] = "nan"
      else out[i] = math.type(v) .. ":" .. tostring(v) .. (math.type(v) == "float" and ("/" .. string.format("%.17g", v)) or "") end
    elseif type(v) == "string" then out[i] = string.format("%q", v)
    elseif type(v) == "table" then out[i] = "table"
    else out[i] = tostring(v) end
  end
  return table.concat(out, " ")
end
local function check(id, f) print(id, show(pcall(f))) end
`;

function program(seed, n) {
  const r = rng(seed);
  const exprs = [];
  const lines = [PRELUDE];
  for (let i = 1; i <= n; i++) {
    const e = expr(r, 1 + Math.floor(r() * 3));
    exprs.push(e);
    lines.push(`check(${i}, function() return ${e} end)`);
  }
  return { source: lines.join('\n') + '\n', exprs };
}

const engine = opts.engine ? opts.engine.split(/\s+/) : [process.execPath, join(REPO, 'bin/moonrise.js'), `--tier=${opts.tier}`];
const work = mkdtempSync(join(tmpdir(), 'moonrise-difffuzz-'));
const saveDir = join(REPO, 'dist/difffuzz');
let diffs = 0;
let checks = 0;
try {
  const seeds = Array.from({ length: opts.programs }, (_, i) => (opts.seed * 1000003 + i) >>> 0);
  await Promise.all(
    pool(seeds, defaultJobs(), async (seed) => {
      const { source, exprs } = program(seed, opts.checks);
      const file = join(work, `p${seed}.lua`);
      writeFileSync(file, source);
      const [ref, got] = [await runProgram(REFERENCE, [file]), await runProgram(engine[0], [...engine.slice(1), file])];
      const refLines = ref.stdout.toString('latin1').split('\n');
      const gotLines = got.stdout.toString('latin1').split('\n');
      const bad = [];
      for (let i = 0; i < Math.max(refLines.length, gotLines.length); i++) {
        if (refLines[i] !== gotLines[i]) bad.push(i);
      }
      checks += exprs.length;
      if (bad.length || ref.code !== got.code || opts.keep) {
        mkdirSync(saveDir, { recursive: true });
        writeFileSync(join(saveDir, `p${seed}.lua`), source);
      }
      if (ref.code !== got.code) console.log(`program p${seed}: exit status ${got.code}, lua5.4 ${ref.code}: ${got.stderr.toString().split('\n')[0]}`);
      for (const i of bad.slice(0, 10)) {
        const id = Number((refLines[i] ?? gotLines[i] ?? '').split('\t')[0]);
        console.log(`p${seed} check ${id}: ${exprs[id - 1] ?? '?'}\n  lua5.4:   ${refLines[i]}\n  moonrise: ${gotLines[i]}`);
      }
      if (bad.length > 10) console.log(`p${seed}: ... and ${bad.length - 10} more differing lines`);
      diffs += bad.length;
    }),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`difffuzz: ${opts.programs} programs, ${checks} checks, ${diffs} differing line(s)${diffs ? ` (programs saved in dist/difffuzz/)` : ''}`);
process.exitCode = diffs ? 1 : 0;
