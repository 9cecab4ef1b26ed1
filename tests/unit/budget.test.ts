// Execution budgets (src/interp/budget.ts): a step is a loop back edge or a call made by Lua code, charged at
// the same instructions by the interpreter (trapped code copy) and by compiled code (inline checks), so both
// tiers stop at the same instruction with the same message, and report the same remaining steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lua, LuaError } from '../../src/api/index.js';

const TIERS = [
  { tier: 'interp' },
  { tier: 'jit', jitThreshold: 0 },
  { tier: 'jit', jitThreshold: 3 },
];

/** Runs src with a step budget on every tier; returns [outcome, remaining] per tier. */
function runAll(src: string, steps: number): Array<[string, number]> {
  return TIERS.map((t) => {
    const lua = new Lua({ ...t, stdout: null, budget: { steps } });
    let outcome: string;
    try {
      outcome = 'ok ' + JSON.stringify(lua.doString(src), (_k, v) => (typeof v === 'bigint' ? String(v) : v));
    } catch (e) {
      outcome = 'error ' + (e instanceof LuaError ? String(e.value) : String(e));
    }
    return [outcome, lua.budgetRemaining];
  });
}

const FINITE: Array<[string, string, number]> = [
  // [source, what, steps used]
  ['local x = 0 while x < 10 do x = x + 1 end return x', 'while: one step per backward jump', 10],
  ['local x = 0 repeat x = x + 1 until x == 7 return x', 'repeat: taken backward jumps of the test', 6],
  ['local s = 0 for i = 1, 5 do s = s + i end return s', 'numeric for: one step per FORLOOP', 5],
  ['local s = 0 for i = 1, 3 do for j = 1, 4 do s = s + j end end return s', 'nested for', 3 + 12],
  ['local t = {1, 2, 3} local s = 0 for _, v in ipairs(t) do s = s + v end return s', 'generic for: CALL ipairs + TFORLOOP each', 1 + 4],
  ['local function f(n) if n == 0 then return 0 end return 1 + f(n - 1) end return f(20)', 'calls', 21],
  ['local function f(n) if n == 0 then return 0 end return f(n - 1) end return f(30)', 'tail calls', 31],
  ['local n = 0 ::top:: n = n + 1 if n < 5 then goto top end return n', 'goto backward', 4],
  ['local s = 0.0 for x = 0.5, 3 do s = s + x end return s', 'float for (typed): one step per FORLOOP', 3],
  ['local x = 0.5 repeat x = x + 1.0 until x > 6.0 return x', 'repeat on a typed float comparison', 5],
  ['return (select("#", pcall(print)))', 'natives called by Lua are steps', 2],
  ['local co = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end) return co() + co() + co()', 'coroutines: wrap and 3 resumes, 3 yields, 2 FORLOOPs before the last yield', 1 + 3 + 3 + 2],
];

test('budget: every tier charges the same steps', () => {
  for (const [src, what] of FINITE) {
    const rs = runAll(src, 1000);
    for (const r of rs) assert.deepEqual(r, rs[0], `${what}: tiers differ: ${JSON.stringify(rs)}`);
    assert.match(rs[0][0], /^ok /, `${what}: ${rs[0][0]}`);
  }
});

test('budget: the step counts are the documented ones', () => {
  for (const [src, what, used] of FINITE) {
    const [[outcome, left]] = runAll(src, 1000);
    assert.match(outcome, /^ok /, what);
    assert.equal(1000 - left, used, what);
  }
});

test('budget: endless code stops with a positioned error on every tier', () => {
  const endless = [
    'local n = 0 while true do n = n + 1 end',
    'local n = 0\nrepeat n = n + 1 until false',
    'for i = 1, math.maxinteger do end',
    'for i = 1, math.huge do end',
    'for x = 0.5, math.huge do end',
    'local x = 0.5 repeat x = x * 1.0 until x > 1.0',
    'local function f() return f() end f()',
    'local function f() f() end f()',
    '::a:: goto a',
    'for k in function() return 1 end do end',
    'local t = setmetatable({}, {__index = function(t, k) while true do end end}) return t.x',
    'local co = coroutine.wrap(function() while true do coroutine.yield() end end) while true do co() end',
  ];
  for (const src of endless) {
    const rs = runAll(src, 5000);
    for (const r of rs) {
      assert.match(r[0], /^error \[string ".*"\]:\d+: step budget exhausted$/, `${src}: ${r[0]}`);
      assert.equal(r[1], 0, src);
    }
    assert.deepEqual(rs[1], rs[0], src);
  }
});

test('budget: exhaustion is sticky (pcall catches it, but no further step runs)', () => {
  for (const t of TIERS) {
    const lua = new Lua({ ...t, budget: { steps: 100 } });
    const r = lua.doString('local ok, e = pcall(function() while true do end end) return ok, e');
    assert.equal(r[0], false);
    assert.match(String(r[1]), /step budget exhausted$/);
    assert.throws(() => lua.doString('for i = 1, 2 do end'), /step budget exhausted/);
    lua.setBudget({ steps: 10 });
    assert.deepEqual(lua.doString('local s = 0 for i = 1, 3 do s = s + i end return s'), [6]);
    assert.equal(lua.budgetRemaining, 7);
  }
});

test('budget: time limit', () => {
  for (const t of TIERS) {
    const lua = new Lua({ ...t, budget: {} });
    // the time counts from setBudget (the constructor may take longer than the limit on a loaded machine)
    const t0 = Date.now();
    lua.setBudget({ timeMs: 30 });
    assert.throws(() => lua.doString('local n = 0 while true do n = n + 1 end'), /time budget exhausted/);
    const ms = Date.now() - t0;
    assert.ok(ms >= 25 && ms < 5000, `stopped after ${ms} ms`);
    lua.setBudget({});
    assert.deepEqual(lua.doString('local n = 0 while n < 100000 do n = n + 1 end return n'), [100000]);
  }
});

test('budget: with debug hooks active the budget still applies', () => {
  for (const t of TIERS) {
    const lua = new Lua({ ...t, budget: { steps: 1000 } });
    assert.throws(() => lua.doString(`
      lines = 0
      debug.sethook(function() lines = lines + 1 end, "l")
      while true do end`), /:4: step budget exhausted$/);
    lua.setBudget({});
    assert.ok((lua.get('lines') as number) > 900);
  }
});

test('budget: off unless enabled; setBudget then throws', () => {
  const lua = new Lua();
  assert.equal(lua.budgetRemaining, Infinity);
  assert.throws(() => lua.setBudget({ steps: 1 }), /not enabled/);
  assert.throws(() => new Lua({ budget: { steps: -1 } }), RangeError);
});
