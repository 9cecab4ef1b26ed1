// Unit tests of runtime/gc.ts seen from the embedding API: closing runs finalizers, NativeFunction.gcRefs,
// values held only by the host, "count" accounting and its host hook, when automatic collections are armed,
// the interpreter's debt counter staying a small integer, and independence of states. (Lua-visible semantics
// are in tests/lua/gc/, recorded from lua5.4.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lua, NativeFunction, LuaTable } from '../../src/api/index.js';
import { CollectingOutput, State } from '../../src/interp/state.js';
import { openLibs } from '../../src/lib/init.js';
import type { LuaValue } from '../../src/runtime/value.js';

function newLua(): { lua: Lua; out: CollectingOutput; err: CollectingOutput } {
  const out = new CollectingOutput();
  const err = new CollectingOutput();
  return { lua: new Lua({ stdout: out, stderr: err }), out, err };
}

test('close() runs pending finalizers newest first, once; none for objects made while closing', () => {
  const { lua, out } = newLua();
  lua.doString(`
    local mt = {}
    mt.__gc = function(o) print("gc " .. o[1]); setmetatable({"late"}, mt) end
    setmetatable({"a"}, mt)
    Keep = setmetatable({"b"}, mt)
    setmetatable({"c"}, mt)
  `);
  lua.close();
  assert.equal(out.text, 'gc c\ngc b\ngc a\n');
  lua.close();
  assert.equal(out.text, 'gc c\ngc b\ngc a\n');
});

test('errors in finalizers are warnings (when warnings are on), and the other finalizers still run', () => {
  const { lua, out, err } = newLua();
  lua.doString(`
    warn("@on")
    setmetatable({}, {__gc = function() print("second") end})
    setmetatable({}, {__gc = function() error("boom", 0) end})
    collectgarbage()
  `);
  assert.equal(err.text, 'Lua warning: error in __gc (boom)\n');
  assert.equal(out.text, 'second\n');
});

test('NativeFunction.gcRefs keeps the values a JS closure captured', () => {
  const { lua } = newLua();
  const captured = new LuaTable();
  const fn = new NativeFunction('getter', () => [captured]);
  fn.gcRefs = [captured];
  lua.setGlobal('getter', fn);
  lua.setGlobal('captured', captured);
  lua.doString('W = setmetatable({}, {__mode = "k"}); W[captured] = true; captured = nil; collectgarbage()');
  assert.equal(lua.doString('return next(W) ~= nil')[0], true);
  // without the reference the table is unreachable for the collector (the JS closure is opaque)
  fn.gcRefs = undefined;
  lua.doString('collectgarbage()');
  assert.equal(lua.doString('return next(W)')[0], undefined);
});

test('values held only by host JS code are invisible to the collector (documented deviation)', () => {
  const { lua } = newLua();
  lua.doString('T = {}; W = setmetatable({[T] = true}, {__mode = "k"})');
  const held = lua.getGlobal('T');
  lua.doString('T = nil; collectgarbage()');
  assert.ok(held instanceof LuaTable);
  assert.equal(lua.doString('return next(W)')[0], undefined);
  // kept reachable from Lua (e.g. the registry), it stays
  lua.doString('T2 = {}; W[T2] = true');
  lua.state.registry.setStr('hostref', lua.getGlobal('T2'));
  lua.doString('T2 = nil; collectgarbage()');
  assert.notEqual(lua.doString('return next(W)')[0], undefined);
});

test('a finalizer receives its object and can resurrect it into host-visible globals', () => {
  const { lua } = newLua();
  lua.doString('setmetatable({tag = "x"}, {__gc = function(o) Saved = o end}); collectgarbage()');
  const saved = lua.getGlobal('Saved');
  assert.ok(saved instanceof LuaTable);
  assert.equal(saved.getStr('tag'), 'x');
});

test('"count" is the collector\'s own deterministic accounting', () => {
  const run = (): number[] => {
    const { lua } = newLua();
    return lua.doString(`
      collectgarbage()
      local a = collectgarbage("count")
      collectgarbage("stop")
      local t = {}
      for i = 1, 1000 do t[i] = {} end
      local b = collectgarbage("count")
      t = nil
      collectgarbage()
      local c = collectgarbage("count")
      return a, b, c
    `) as number[];
  };
  const [a, b, c] = run();
  assert.ok(b > a + 50, `grows while allocating (${a} -> ${b})`);
  assert.ok(c < b && Math.abs(c - a) < 2, `drops back after a collection (${b} -> ${c}, started at ${a})`);
  assert.deepEqual(run(), [a, b, c]);
});

test('a host heapUsed hook replaces the accounting for "count"', () => {
  const L = new State({ heapUsed: () => 2048 * 1024 });
  openLibs(L, undefined);
  const f = L.load('return collectgarbage("count")', '=t') as LuaValue;
  const r = L.call(f, []);
  assert.equal((r[0] as { n: number }).n, 2048);
});

test('automatic collections run only when weak tables or finalizers exist', () => {
  const { lua } = newLua();
  const loop = 'for i = 1, 100000 do local t = {} end';
  lua.doString(loop);
  assert.equal(lua.state.gc.cycles, 0);
  lua.doString('W = setmetatable({}, {__mode = "v"})');
  lua.doString(loop);
  const n = lua.state.gc.cycles;
  assert.ok(n > 0, 'collections once a weak table exists');
  lua.doString('W = nil; collectgarbage()'); // the weak table is gone: disarmed again
  const after = lua.state.gc.cycles;
  lua.doString(loop);
  assert.equal(lua.state.gc.cycles, after);
  assert.equal(lua.state.gc.armed, false);
});

test('without weak tables or finalizers the debt check stays false for long, and "count" keeps its accounting', () => {
  for (const tier of ['jit', 'interp']) {
    const out = new CollectingOutput();
    const lua = new Lua({ stdout: out, stderr: out, tier, jitThreshold: 0 });
    const g = lua.state.gc;
    // whole virtual cycles are paid in advance: no gcStep (whose first run deoptimises V8's optimised code)
    // for hundreds of MB of allocation
    assert.ok(-g.debt > 2 ** 28, `${tier}: room before the first step (${g.debt})`);
    const d0 = g.debt;
    lua.doString('for i = 1, 100000 do local t = {} end');
    assert.equal(g.debt, d0 + 100000 * 64, `${tier}: no step ran`);
    const [a, b, c, d, e] = lua.doString(`
      local a = collectgarbage("count")
      for i = 1, 100000 do local t = {} end
      local b = collectgarbage("count")
      collectgarbage("stop")
      local c = collectgarbage("count")
      for i = 1, 100000 do local t = {} end
      local d = collectgarbage("count")
      collectgarbage("restart")
      for i = 1, 100000 do local t = {} end
      return a, b, c, d, collectgarbage("count")
    `) as number[];
    // unarmed, a cycle ends every 64 KB ("as if what was allocated was garbage"): the count stays below
    // estimate + threshold; stopped, it grows by what was allocated (6250 KB)
    assert.ok(b >= a - 64 && b < a + 64, `${tier}: bounded while running (${a} -> ${b})`);
    assert.ok(Math.abs(d - c - 6250) < 1, `${tier}: grows while stopped (${c} -> ${d})`);
    assert.ok(e < a + 64, `${tier}: bounded again after restart (${e})`);
    // arming folds the pre-paid cycles: collections start within a threshold's worth of allocation
    lua.doString('W = setmetatable({}, {__mode = "v"}); for i = 1, 2000 do local t = {} end');
    assert.ok(g.cycles > 0, `${tier}: collected once armed`);
  }
});

test('the debt counter stays a small integer whatever collectgarbage is given', () => {
  const { lua } = newLua();
  lua.doString(`
    setmetatable({}, {__gc = function() end})
    collectgarbage("step", 2^31 - 1); collectgarbage("step", -2^31)
    collectgarbage("incremental"); collectgarbage("step", 2^31 - 1); collectgarbage("step", -5)
    collectgarbage("setpause", 1000); collectgarbage("setpause", 0); collectgarbage("restart")
    for i = 1, 1000 do local s = "x" .. i end
  `);
  const { debt, threshold } = lua.state.gc;
  assert.ok(Number.isInteger(debt) && Math.abs(debt) <= 2 ** 29, `debt ${debt}`);
  assert.ok(Number.isInteger(threshold), `threshold ${threshold}`);
});

test('states are independent', () => {
  const a = newLua();
  const b = newLua();
  a.lua.doString('setmetatable({}, {__gc = function() print("a finalized") end})');
  b.lua.doString('setmetatable({}, {__gc = function() print("b finalized") end}); collectgarbage()');
  assert.equal(a.out.text, '');
  assert.equal(b.out.text, 'b finalized\n');
  a.lua.doString('collectgarbage()');
  assert.equal(a.out.text, 'a finalized\n');
});

test('finalizers see the running coroutine and cannot yield', () => {
  const { lua, err } = newLua();
  const r = lua.doString(`
    warn("@on")
    local co = coroutine.wrap(function()
      setmetatable({}, {__gc = function() coroutine.yield() end})
      collectgarbage()
      return "done"
    end)
    return co()
  `);
  assert.equal(r[0], 'done');
  assert.equal(err.text, 'Lua warning: error in __gc (attempt to yield across a C-call boundary)\n');
});
