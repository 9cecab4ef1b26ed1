// Unit tests of the embedding API (src/api/*): options (streams, libs allow-list, host), value conversion
// both ways (integers to 64 bits, floats, UTF-8 text and raw bytes, tables, cycles, functions), errors
// (LuaError fields, JS exceptions as Lua errors), async calls suspending the Lua thread at any depth, the guard
// against using a suspended state, close() and doFile().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lua, LuaError, LuaTable, LuaFunction, LFloat, float, multi, bytes, HostObject, type LuaCallable } from '../../src/api/index.js';
import { nodeHost } from '../../src/host/node.js';

function newLua(opts: ConstructorParameters<typeof Lua>[0] = {}): { lua: Lua; out: () => string; err: () => string } {
  let out = '', err = '';
  const lua = new Lua({ stdout: (s) => (out += s), stderr: (s) => (err += s), ...opts });
  return { lua, out: () => out, err: () => err };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------------------------ options

test('stdout/stderr callbacks receive UTF-8 text, flushed at the end of each call', () => {
  const { lua, out, err } = newLua();
  lua.doString('print("héllo", 1, 2.5); io = nil; warn("@on"); warn("wärn")');
  assert.equal(out(), 'héllo\t1\t2.5\n');
  assert.equal(err(), 'Lua warning: wärn\n');
});

test('default streams go to process.stdout/stderr as bytes; null discards', () => {
  const chunks: Uint8Array[] = [];
  const proc = globalThis.process;
  const orig = proc.stdout.write;
  (proc.stdout as { write: unknown }).write = (c: Uint8Array) => {
    chunks.push(c);
    return true;
  };
  try {
    const lua = new Lua();
    lua.doString('print("a") print("\\xff")');
    const quiet = new Lua({ stdout: null });
    quiet.doString('print("nothing")');
  } finally {
    (proc.stdout as { write: unknown }).write = orig;
  }
  assert.equal(chunks.length, 1); // buffered, one flush at the end of the call
  assert.ok(chunks[0] instanceof Uint8Array);
  assert.deepEqual([...chunks[0]], [0x61, 0x0a, 0xff, 0x0a]);
});

test('stdout is flushed before stderr writes (order kept)', () => {
  let log = '';
  const lua = new Lua({ stdout: (s) => (log += `[out ${s}]`), stderr: (s) => (log += `[err ${s}]`), host: nodeHost });
  lua.doString('io.write("a") io.stderr:write("b") io.write("c")');
  assert.equal(log, '[out a][err b][out c]');
});

test('without a host io/os/package are absent; libs allow-list opens only the named ones', () => {
  const { lua } = newLua();
  assert.deepEqual(lua.doString('return io, os, package, type(string), type(debug)'), [undefined, undefined, undefined, 'table', 'table']);
  const small = new Lua({ stdout: null, libs: ['string', 'math'] });
  assert.deepEqual(small.doString('return type(print), type(string), type(math), table, coroutine, debug, utf8'),
    ['function', 'table', 'table', undefined, undefined, undefined, undefined]);
  assert.equal(small.doString('return ("x"):rep(3)')[0], 'xxx');
  const bare = new Lua({ stdout: null, libs: [] });
  assert.throws(() => bare.doString('return ("x"):rep(3)'), /attempt to index a string value/);
  assert.equal(bare.doString('return tostring(1)')[0], '1');
  assert.throws(() => new Lua({ libs: ['io'] }), /library 'io' needs a host/);
  assert.throws(() => new Lua({ libs: ['nope' as 'io'] }), /unknown library 'nope'/);
  const withHost = new Lua({ stdout: null, libs: ['io'], host: nodeHost });
  assert.deepEqual(withHost.doString('return type(io), os'), ['table', undefined]);
});

test('tier options are kept', () => {
  const lua = new Lua({ stdout: null, tier: 'jit', jitThreshold: 0 });
  assert.equal(lua.doString('local function f(n) return n < 2 and n or f(n-1) + f(n-2) end return f(20)')[0], 6765);
  assert.throws(() => new Lua({ tier: 'warp' }), /unknown tier 'warp'/);
});

// ------------------------------------------------------------------------------------ conversion

test('numbers: integers, floats, float() and 64-bit integers round-trip', () => {
  const { lua } = newLua();
  const types = (v: unknown) => lua.call(lua.load('local v = ... return math.type(v), v'), v);
  assert.deepEqual(types(3), ['integer', 3]);
  assert.deepEqual(types(2.5), ['float', 2.5]);
  assert.deepEqual(types(float(3)), ['float', 3]);
  assert.deepEqual(types(Lua.float(-0)), ['float', -0]);
  assert.deepEqual(types(2 ** 60), ['float', 2 ** 60]); // unsafe integral number: a float
  assert.deepEqual(types(Infinity), ['float', Infinity]);
  assert.deepEqual(types(9223372036854775807n), ['integer', 9223372036854775807n]);
  assert.deepEqual(types(-9223372036854775808n), ['integer', -9223372036854775808n]);
  assert.deepEqual(types(42n), ['integer', 42]); // canonical: small bigints become numbers
  assert.deepEqual(lua.doString('return math.maxinteger, math.mininteger, 2^53, 1 << 53'),
    [9223372036854775807n, -9223372036854775808n, 2 ** 53, 9007199254740992n]);
  assert.equal(lua.doString('return 7 // 2')[0], 3);
  lua.set('big', 2n ** 63n - 1n);
  assert.equal(lua.doString('return big == math.maxinteger, big + 1 == math.mininteger').join(), 'true,true');
  assert.throws(() => lua.set('x', 2n ** 63n), (e: unknown) => e instanceof LuaError && /out of the range of Lua integers/.test(e.message));
  assert.ok(Number.isNaN(lua.doString('return 0/0')[0] as number));
});

test('strings: UTF-8 text both ways; raw bytes >= 0x80 both ways', () => {
  const { lua } = newLua();
  lua.set('s', 'héllo → 世界 🌙');
  assert.deepEqual(lua.doString('return #s, utf8.len(s), s'), [22, 12, 'héllo → 世界 🌙']);
  lua.set('b', new Uint8Array([0, 0x80, 0xff, 0x41]));
  assert.deepEqual(lua.doString('return #b, b:byte(1, -1)'), [4, 0, 0x80, 0xff, 0x41]);
  const raw = lua.doString('return "\\xff\\x00\\xc3\\xa9"')[0];
  assert.equal(raw, '\ufffd\u0000é'); // decoded as UTF-8 by default
  const r = lua.call(lua.load('return "\\xff\\x00\\xc3\\xa9"'));
  assert.equal(r.length, 1);
  assert.deepEqual([...(lua.fromLua(lua.toLua(new Uint8Array([0xff, 0, 0xc3, 0xa9])), { bytes: true }) as Uint8Array)], [0xff, 0, 0xc3, 0xa9]);
  lua.doString('raw = "\\xfe\\x80"');
  assert.deepEqual([...(lua.get('raw', { bytes: true }) as Uint8Array)], [0xfe, 0x80]);
  assert.equal(bytes.toText(bytes.fromText('ü')), 'ü');
  assert.equal(lua.doString('return "ü" == "\\xc3\\xbc"')[0], true); // source text is UTF-8
});

test('tables: arrays, objects, Maps, Sets, nesting; LuaTable by default, toJS deep', () => {
  const { lua } = newLua();
  lua.set('t', { name: 'x', list: [1, 2, [3, 4]], nested: { deep: { v: true } }, nil: null });
  assert.deepEqual(lua.doString('return t.name, #t.list, t.list[3][2], t.nested.deep.v, t["nil"]'), ['x', 3, 4, true, undefined]);
  lua.set('m', new Map<unknown, unknown>([[1, 'one'], ['k', 'v'], [true, 'yes']]));
  assert.deepEqual(lua.doString('return m[1], m.k, m[true]'), ['one', 'v', 'yes']);
  lua.set('set', new Set(['a', 'b']));
  assert.deepEqual(lua.doString('return set.a, set.b, set.c'), [true, true, undefined]);
  const t = lua.doString('return {1, 2, {x = 1}}')[0];
  assert.ok(t instanceof LuaTable);
  assert.deepEqual(lua.toJS(t), [1, 2, { x: 1 }]);
  assert.deepEqual(lua.toJS(lua.doString('return {a = 1, [2] = "two", s = "é"}')[0]), { a: 1, 2: 'two', s: 'é' });
  assert.deepEqual(lua.toJS(lua.doString('return {}')[0]), {});
  assert.deepEqual(lua.toJS(lua.doString('return {1, nil, 3}')[0]), { 1: 1, 3: 3 }); // not a sequence
  const withTableKey = lua.toJS(lua.doString('local k = {} return {[k] = 1, [true] = 2}')[0]) as Map<unknown, unknown>;
  assert.ok(withTableKey instanceof Map);
  assert.equal(withTableKey.get(true), 2);
  const shallow = lua.toJS(lua.doString('return {a = {b = {c = 1}}}')[0], { depth: 1 }) as { a: unknown };
  assert.ok(shallow.a instanceof LuaTable);
  assert.equal(lua.getField(lua.getField(shallow.a, 'b'), 'c'), 1);
  const mt = lua.doString('return setmetatable({}, {__index = function(_, k) return k .. "!" end})')[0];
  assert.equal(lua.getField(mt, 'hi'), 'hi!');
  lua.setField(mt, 'z', [1]);
  assert.deepEqual(lua.toJS(lua.getField(mt, 'z')), [1]);
  assert.throws(() => lua.getField(undefined, 'x'), (e: unknown) => e instanceof LuaError && /attempt to index a nil value/.test(e.message));
});

test('cycles and shared references survive both directions', () => {
  const { lua } = newLua();
  const a: Record<string, unknown> = { name: 'a' };
  a.self = a;
  a.list = [a];
  lua.set('a', a);
  assert.deepEqual(lua.doString('return a.self == a, a.list[1] == a, a.self.self.name'), [true, true, 'a']);
  const back = lua.toJS(lua.doString('local t = {n = 1}; t.me = t; t.arr = {t, t}; return t')[0]) as Record<string, unknown>;
  assert.equal(back.me, back);
  assert.equal((back.arr as unknown[])[0], back);
  assert.equal((back.arr as unknown[])[1], back);
  const seq = lua.toJS(lua.doString('local t = {}; t[1] = t; return t')[0]) as unknown[];
  assert.ok(Array.isArray(seq) && seq[0] === seq);
});

test('functions: JS called from Lua and Lua called from JS, with identity kept', () => {
  const { lua } = newLua();
  const add = (a: number, b: number) => a + b;
  lua.set('add', add);
  lua.set('pair', (x: unknown) => multi(x, typeof x));
  lua.set('nothing', () => undefined);
  assert.deepEqual(lua.doString('return add(2, 3), select("#", nothing()), pair("s")'), [5, 0, 's', 'string']);
  assert.equal(lua.get('add'), add); // a JS function comes back as itself
  lua.doString('function greet(name, n) return "hi " .. name, n * 2 end');
  const greet = lua.get('greet') as LuaCallable;
  assert.equal(typeof greet, 'function');
  assert.equal(greet('bob', 21), 'hi bob'); // the wrapper returns the first result
  assert.deepEqual(lua.call(greet, 'ann', 1), ['hi ann', 2]); // call returns them all
  assert.equal(lua.get('greet'), greet); // one wrapper per function
  assert.equal(lua.toLua(greet), greet.luaFunction);
  lua.set('apply', (f: (x: number) => number, x: number) => f(x) + 1);
  assert.equal(lua.doString('return apply(function(x) return x * 10 end, 4)')[0], 41);
  const loaded = lua.load('local a, b = ... return b, a');
  assert.ok(loaded instanceof LuaFunction);
  assert.deepEqual(lua.call(loaded, 1, 2), [2, 1]);
  const f = lua.fromLua(loaded) as LuaCallable;
  assert.equal(f(1, 2), 2);
  class Point {
    constructor(readonly x: number) {}
  }
  const p = new Point(3);
  lua.set('p', p);
  assert.deepEqual(lua.doString('return type(p)'), ['userdata']);
  assert.equal(lua.get('p'), p);
  assert.ok(lua.toLua(p) instanceof HostObject);
  lua.set('getx', (pt: Point) => pt.x);
  assert.equal(lua.doString('return getx(p)')[0], 3);
});

test('raw layer: getGlobal/setGlobal keep Moonrise values', () => {
  const { lua } = newLua();
  lua.setGlobal('r', '\xe9'); // a byte string: one byte 0xe9
  assert.deepEqual(lua.doString('return #r'), [1]);
  lua.doString('f = 1.0');
  assert.ok(lua.getGlobal('f') instanceof LFloat);
  assert.equal(lua.get('f'), 1);
});

// ------------------------------------------------------------------------------------ errors

test('Lua errors surface as LuaError with value, decoded message and luaStack', () => {
  const { lua } = newLua();
  try {
    lua.doString('local function inner() error("bädness") end\ninner()', '=chunk');
    assert.fail('no error');
  } catch (e) {
    assert.ok(e instanceof LuaError);
    assert.equal(e.message, 'chunk:1: bädness');
    assert.equal(e.value, 'chunk:1: b\xc3\xa4dness');
    assert.match(e.luaStack ?? '', /^stack traceback:\n\t\[C\]: in function 'error'\n\tchunk:1: in (local|upvalue) 'inner'/);
  }
  try {
    lua.doString('error({code = 7})');
    assert.fail('no error');
  } catch (e) {
    assert.ok(e instanceof LuaError);
    assert.equal(e.message, '(error object is a table value)');
    assert.equal(lua.getField(e.value, 'code'), 7);
  }
  assert.throws(() => lua.doString('x = = 1', '=syn'), (e: unknown) => e instanceof LuaError && e.message === "syn:1: unexpected symbol near '='");
  assert.throws(() => lua.doString('error(setmetatable({}, {__tostring = function() return "custom" end}))'), (e: unknown) => e instanceof LuaError && e.name === 'LuaError' && e.message === 'custom');
});

test('JS exceptions become Lua errors catchable by pcall; uncaught ones keep the JS error as cause', () => {
  const { lua } = newLua();
  const boom = new TypeError('boom');
  lua.set('fail', () => {
    throw boom;
  });
  lua.set('throwValue', () => {
    throw { code: 5 };
  });
  assert.deepEqual(lua.doString('return pcall(function() fail() end)', '=t'), [false, 't:1: boom']);
  assert.deepEqual(lua.doString('return pcall(fail)'), [false, 'boom']); // called by a native: no position
  assert.deepEqual(lua.doString('local ok, e = pcall(throwValue) return ok, e.code'), [false, 5]);
  try {
    lua.doString('fail()', '=u');
    assert.fail('no error');
  } catch (e) {
    assert.ok(e instanceof LuaError);
    assert.equal(e.message, 'u:1: boom');
    assert.equal((e as { cause?: unknown }).cause, boom);
  }
  // a Lua error raised inside a nested call made by a JS function keeps its value
  lua.set('nested', () => lua.doString('error({tag = "inner"})'));
  assert.deepEqual(lua.doString('local ok, e = pcall(nested) return ok, e.tag'), [false, 'inner']);
  // the state stays usable
  assert.deepEqual(lua.doString('return 1 + 1'), [2]);
});

// ------------------------------------------------------------------------------------ async
// both tiers: under the jit, code runs as generator variants while callAsync drives the machine
for (const tier of ['interp', 'jit']) {

  test(`async (${tier}): promises suspend the Lua thread at depth, in coroutines and inside pcall`, async () => {
    const { lua, out } = newLua({ tier, jitThreshold: 0 });
    lua.set('delay', async (v: unknown) => {
      await sleep(2);
      return v;
    });
    lua.set('reject', async (msg: string) => {
      await sleep(1);
      throw new Error(msg);
    });
    const r = await lua.doStringAsync(`
      local function deep(n) if n == 0 then return delay("bottom") end return deep(n - 1) end
      local co = coroutine.create(function(a)
        local x = delay(a * 2)
        local y = coroutine.yield(x)
        return delay(y + 1)
      end)
      local _, first = coroutine.resume(co, 5)
      local _, second = coroutine.resume(co, 100)
      local ok, e = pcall(reject, "nope") -- called by pcall (a native): no position
      local ok2, v = pcall(function() return delay("in pcall") end)
      local wrapped = coroutine.wrap(function() return select(2, pcall(delay, "co+pcall")) end)()
      print(deep(50), first, second)
      return ok, e, ok2, v, wrapped
    `, '=async');
    assert.deepEqual(r, [false, 'nope', true, 'in pcall', 'co+pcall']);
    assert.equal(out(), 'bottom\t10\t101\n');
    // a rejection outside pcall rejects the call with a LuaError
    await assert.rejects(lua.doStringAsync('reject("out")', '=x'), (e: unknown) => e instanceof LuaError && e.message === 'x:1: out');
    // callAsync with arguments and results
    const f = lua.load('local a, b = ... return delay(a) + b, "done"');
    assert.deepEqual(await lua.callAsync(f, 40, 2), [42, 'done']);
  });

  test(`async (${tier}): coroutines switched directly by synchronous calls, resumed and suspended on promises by async ones`, async () => {
    const { lua } = newLua({ tier, jitThreshold: 0 });
    lua.set('delay', async (v: unknown) => {
      await sleep(1);
      return v;
    });
    lua.doString(`
      gen = coroutine.wrap(function(a)
        while true do
          local b = coroutine.yield(a)
          if type(b) == "string" then b = delay(b .. "!") end
          a = b
        end
      end)
      co = coroutine.create(function(x)
        for i = 1, 1000 do x = coroutine.yield(x + i) end
        return "end", x
      end)
      sum = 0
      for i = 1, 100 do sum = sum + select(2, coroutine.resume(co, i)) + gen(i) end
    `, '=sync');
    assert.deepEqual(lua.doString('return sum, gen(7), coroutine.status(co)'), [15150, 7, 'suspended']);
    // a promise inside a coroutine last suspended by a direct switch; then direct switches again
    assert.deepEqual(await lua.doStringAsync('local a = gen("x") return a, gen(3), coroutine.resume(co, 1)', '=async'), ['x!', 3, true, 102]);
    assert.deepEqual(lua.doString('return gen(4), gen(5), coroutine.resume(co, 2)'), [4, 5, true, 104]);
    assert.deepEqual(await lua.doStringAsync('return gen("y"), coroutine.resume(co, 3)'), ['y!', true, 106]);
    assert.throws(() => lua.doString('return gen("z")', '=s'), /JS function 'delay' returned a Promise outside an asynchronous call/);
  });

  test(`async (${tier}): leaves (plain compiled variants under generator code) suspend on promises in their metamethods`, async () => {
    const { lua } = newLua({ tier, jitThreshold: 0 });
    lua.set('delay', async (v: unknown) => {
      await sleep(1);
      return v;
    });
    const r = await lua.doStringAsync(`
      local A = setmetatable({}, { __add = function(a, b) return delay(b * 10) end,
        __index = function(t, k) return delay(k .. "?") end })
      local function add(a, b) return a + b end
      local function get(t, k) return t[k] end
      local s = 0
      for i = 1, 200 do s = add(s, i) end
      local m1, m2 = add(A, 4), get(A, "key")
      local co = coroutine.wrap(function()
        local c = 0
        for i = 1, 200 do c = add(c, get({ i }, 1)) end
        coroutine.yield(c)
        return add(A, 5), get(A, "co")
      end)
      local c1 = co()
      return s, m1, m2, c1, co()
    `, '=async');
    assert.deepEqual(r, [20100, 40, 'key?', 20100, 50, 'co?']);
  });

  test(`async (${tier}): a promise where the thread cannot suspend is a clear Lua error`, async () => {
    const { lua } = newLua({ tier, jitThreshold: 0 });
    lua.set('delay', async (v: unknown) => v);
    assert.throws(() => lua.doString('return delay(1)', '=s'), /s:1: JS function 'delay' returned a Promise outside an asynchronous call/);
    const r = await lua.doStringAsync('return pcall(string.gsub, "a", "a", function() return delay("x") end)');
    assert.deepEqual(r, [false, 'attempt to yield across a C-call boundary']);
  });

  test(`async (${tier}): using a suspended state is refused; the state works again after`, async () => {
    const { lua } = newLua({ tier, jitThreshold: 0 });
    let release!: (v: number) => void;
    lua.set('wait', () => new Promise<number>((resolve) => (release = resolve)));
    const p = lua.doStringAsync('return wait() + 1');
    await sleep(1);
    assert.throws(() => lua.doString('return 1'), /suspended in an asynchronous call/);
    await assert.rejects(lua.doStringAsync('return 1'), /suspended in an asynchronous call/);
    release(41);
    assert.deepEqual(await p, [42]);
    assert.deepEqual(lua.doString('return 2'), [2]);
  });

  test(`async (${tier}): JS functions called during an async run may call back into the state synchronously`, async () => {
    const { lua } = newLua({ tier, jitThreshold: 0 });
    lua.set('delay', async (v: unknown) => {
      await sleep(1);
      return v;
    });
    lua.set('square', (x: number) => lua.doString(`return ${x} * ${x}`)[0]);
    lua.set('luaTwice', (f: (x: number) => number, x: number) => f(f(x)));
    const r = await lua.doStringAsync(`
      local a = delay(3)
      return square(a), luaTwice(function(x) return x * 2 end, a),
        pcall(luaTwice, function(x) return x + delay(0) end, 1)`);
    // a Lua function called synchronously by JS cannot suspend (like a yield across a C call)
    assert.deepEqual(r, [9, 12, false, 'attempt to yield across a C-call boundary']);
  });
}

// ------------------------------------------------------------------------------------ close, doFile

test('close() runs finalizers and then refuses calls', () => {
  const { lua, out } = newLua();
  lua.doString('setmetatable({}, {__gc = function() print("finalized") end})');
  lua.close();
  assert.equal(out(), 'finalized\n');
  assert.throws(() => lua.doString('return 1'), /the Lua state is closed/);
  lua.close(); // idempotent
});

test('doFile reads through the host; without a host it throws', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'moonrise-api-'));
  try {
    const path = join(dir, 'mod.lua');
    writeFileSync(path, '#!/usr/bin/env lua\nlocal s = "ü" return #s, ...\n');
    const lua = new Lua({ stdout: null, host: nodeHost });
    assert.deepEqual(lua.doFile(path), [2]);
    assert.deepEqual(await lua.doFileAsync(path), [2]);
    assert.throws(() => lua.doFile(join(dir, 'missing.lua')), (e: unknown) => e instanceof LuaError && /cannot open .*missing\.lua/.test(e.message));
    writeFileSync(path, 'error("in file")');
    assert.throws(() => lua.doFile(path), (e: unknown) => e instanceof LuaError && e.message.endsWith('mod.lua:1: in file'));
    assert.throws(() => new Lua({ stdout: null }).doFile(path), /has no host/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
