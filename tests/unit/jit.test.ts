// Unit tests of the JS tier (src/jit): every opcode of the opcode table is compiled by some program here (and
// those programs compile, not fall back), and programs give the same output on the interpreter and on the JIT
// at thresholds 0 (compiled at the first call) and 2 (interpreted frames mixed with compiled ones).
// The "stress" programs flip the types of values at every speculated site (ints, floats, integral floats, big
// integers, numeric strings, tables with metamethods, nil) so that each inline fast path fails at some point
// and the generic path or the deoptimisation to the interpreter must finish the instruction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { State, CollectingOutput } from '../../src/interp/state.js';
import { openLibs } from '../../src/lib/init.js';
import { messageWithTraceback } from '../../src/interp/traceback.js';
import { enableJit } from '../../src/jit/index.js';
import { OPS } from '../../src/compiler/opcodes.js';
import type { Proto } from '../../src/compiler/proto.js';

/** Runs `src` on a fresh state (jit threshold, or undefined for the interpreter); stdout plus any error. */
function run(src: string, threshold: number | undefined, compiled?: Proto[]): string {
  const out = new CollectingOutput();
  const err = new CollectingOutput();
  const L = new State({ stdout: out, stderr: err });
  openLibs(L, undefined);
  if (threshold !== undefined) enableJit(L, { threshold, onCompile: (p) => compiled?.push(p) });
  const f = L.load(src, '=t', 't');
  if (Array.isArray(f)) return 'load error: ' + f[1];
  const r = L.pcall(f, [], (e) => messageWithTraceback(L, e));
  return out.text + (r.ok ? '' : 'lua: ' + String(r.error) + '\n');
}

/** The generated JS of every function `src` compiles at threshold 0 (the program must run without error). */
function generatedSources(src: string): string[] {
  const L = new State({ stdout: new CollectingOutput(), stderr: new CollectingOutput() });
  openLibs(L, undefined);
  const sources: string[] = [];
  enableJit(L, { threshold: 0, onCompile: (_p, s) => sources.push(s) });
  const f = L.load(src, '=t', 't');
  assert.ok(!Array.isArray(f));
  assert.ok(L.pcall(f, [], (e) => String(e)).ok);
  return sources;
}

function same(src: string, compiled?: Proto[]): void {
  const ref = run(src, undefined);
  assert.equal(run(src, 0, compiled), ref, 'threshold 0');
  assert.equal(run(src, 2), ref, 'threshold 2');
}

const PROGRAMS: Record<string, string> = {
  basics: `
local buf = ""
local function wr(...) for i = 1, select("#", ...) do buf = buf .. tostring((select(i, ...))) end end
local a, b, c = 1, 2.5, "x"
local t = {10, 20, 30, k = "v", [1.5] = "f"}
local n = nil
local f1, f2 = false, true
print(a + 1, a - 2.0, a * 3, a % 2, a ^ 2, a / 2, a // 2, a & 3, a | 4, a ~ 5, a << 2, a >> 1, 8 >> a, 1 << a)
print(a + b, b - a, b * b, b % 2, b ^ 2, b / 2, b // 1, -a, -b, ~a, not a, #c, #t, c .. a .. b)
G = a + 1000; G2 = G << a
print(G, G2, a + 10, a - 10, a * 10, a % 10, a ^ 10, a / 10, a // 10, a & 10, a | 10, a ~ 10)
print(t[1], t.k, t[1.5], t[a], t["k"], n, f1, f2, -0.0, 1e300 * 1e10, 2^53, 7 // 0.0)
t.k = "w"; t[4] = 40; t[a + 10] = 5; t.z = nil; t[c] = c
print(t.k, t[4], t[11], t.x)
local s = "a" local u = s and 1 or 2 local w = n or 3
print(u, w, a == b, a < b, a <= b, a > b, a >= b, a ~= 1, a == 1, a < 5, a <= 5, a > 0, a >= 1, c == "x", b == 2.5)
do local x <const> = 5; print(x) end
if a == 1.0 and b ~= 2 then print("eq") end
for i = 10, 1, -3 do wr(i, " ") end
for i = 1, 3 do wr(i, " ") end
for i = 1.0, 2.0, 0.5 do wr(i, " ") end
print(buf) buf = ""
for k, v in ipairs(t) do wr(k, "=", v, " ") end
print(buf)
local i = 0
while i < 3 do i = i + 1 end
repeat i = i - 1 until i == 0
print(i)
goto skip
print("not printed")
::skip::
local function va(...) local x, y = ...; return select("#", ...), x, y, ... end
print(va(1, 2, 3))
local function tail(n) if n == 0 then return "done" end return tail(n - 1) end
print(tail(300))
local up = 1
local function g() up = up + 1; return up end
print(g(), g(), up)
local obj = {n = 0}
function obj:inc(d) self.n = self.n + d; return self end
print(obj:inc(2):inc(3).n)
local mt = {__close = function() print("closed") end}
do local x <close> = setmetatable({}, mt) print("in") end
print(string.format("%5.2f", 3.14159), ("x"):rep(3), math.max(1, 2))
print(pcall(function() local z = nil; return z.x end))
print(select("#", pcall(error, {code = 1})))
print(select(2, pcall(error, "msg", 0)))
local big = {} for j = 1, 100 do big[j] = j end
print(#big, table.unpack({1, 2, 3}))
print(#{1, 2, 3, n, 5}, #{n, n, 3}, ({1, 2, va(7, 8, 9)})[5])
`,
  stress: `
local vals = {3, -7, 2.5, 1.0, -0.0, 2^53, math.maxinteger, math.mininteger, "10", "0x10", "2.5", 1e308}
local mt = {}
for _, e in ipairs({"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv", "band", "bor", "bxor", "shl", "shr", "bnot", "concat", "len", "lt", "le", "eq"}) do
  mt["__" .. e] = function(x, y) return e end
end
local obj = setmetatable({}, mt)
vals[#vals + 1] = obj
local function ops(x, y)
  local r = {}
  r[1] = x + y; r[2] = x - y; r[3] = x * y; r[4] = x / y; r[5] = x ^ y; r[6] = -x
  r[7] = x + 1; r[8] = x - 2.5; r[9] = x * 3; r[10] = x / 2; r[11] = x .. y
  for i = 1, 11 do r[i] = tostring(r[i]) end
  return table.concat(r, " ")
end
local function intops(x, y)
  return tostring(x // y) .. " " .. tostring(x % y) .. " " .. tostring(x & y) .. " " .. tostring(x | y) .. " " ..
    tostring(x ~ y) .. " " .. tostring(x << 3) .. " " .. tostring(x >> 2) .. " " .. tostring(~x) .. " " .. tostring(x % 4)
end
local function cmp(x, y)
  return tostring(x < y) .. tostring(x <= y) .. tostring(x == y) .. tostring(x > 3) .. tostring(x >= 3) ..
    tostring(x == 3) .. tostring(x < 3.5) .. tostring(x ~= y)
end
for _, x in ipairs(vals) do
  for _, y in ipairs(vals) do
    local ok, r = pcall(ops, x, y); print(ok, r)
    ok, r = pcall(intops, x, y); print(ok, r)
    ok, r = pcall(cmp, x, y); print(ok, r)
  end
end
local tables = {{1, 2, 3, k = "v"}, setmetatable({}, {__index = {k = "i", [1] = "one"}}),
  setmetatable({}, {__index = function(t, k) return "f" .. tostring(k) end, __newindex = function(t, k, v) rawset(t, k, v * 2) end, __len = function() return 99 end}),
  "str", 5, nil}
local function acc(t)
  local a, b, c, d = t.k, t[1], #t, t[2.0]
  t.k = 5; t[1] = 7; t[3.0] = 9
  return tostring(a) .. " " .. tostring(b) .. " " .. tostring(c) .. " " .. tostring(d) .. " " .. tostring(t.k) .. " " .. tostring(t[1]) .. " " .. tostring(t[3])
end
for i = 1, 6 do print(pcall(acc, tables[i])) end
local function calls(f, ...) return f(...) end
local callable = setmetatable({}, {__call = function(self, a) return "called", a end})
for _, f in ipairs({print, callable, function(...) return select("#", ...) end, 5}) do print(pcall(calls, f, 1, nil, 3)) end
for _, n in ipairs({1, 2.0, "3", 2^3, 2.5, {}}) do
  local s = 0
  local ok, e = pcall(function() for i = 1, n do s = s + i end end)
  print(ok, s, e)
end
`,
  // the same field-read, method and store sites see objects whose metatables, __index and __newindex values
  // change shape between calls: own fields, 1-3 levels of __index tables, functions, strings, dictionary
  // tables, dead keys and nil/false values
  indexChains: `
local base0 = {deep = "d0", m = function(self) return "m0" end}
base0.__index = base0
local base = setmetatable({mid = "b"}, base0)
base.__index = base
local cls = setmetatable({c = "c"}, base)
cls.__index = cls
local dict = {}
for i = 1, 70 do dict["f" .. i] = i end
dict.__index = dict
dict.c = "dict-c"
local fnmt = {__index = function(t, k) return "fn-" .. k end, __newindex = function(t, k, v) rawset(t, k, "nv") end}
local strmt = {__index = "abc"}
local objs = {
  setmetatable({own = 1}, cls), setmetatable({}, base), setmetatable({}, fnmt), setmetatable({}, dict),
  setmetatable({}, {__index = setmetatable({}, {__index = setmetatable({}, {__index = cls})})}),
  {own = false, c = false}, setmetatable({c = false}, cls), setmetatable({}, strmt), "str", 42,
}
local function rd(o) return tostring(o.own) .. tostring(o.c) .. tostring(o.mid) .. tostring(o.deep) .. type(o.len) end
local function mc(o) return o:m() end
local function wr(o, v) o.own = v; o.newf = v; return tostring(rawget(o, "own")) .. tostring(rawget(o, "newf")) end
for round = 1, 3 do
  for i, o in ipairs(objs) do
    print(round, i, pcall(rd, o))
    print(pcall(mc, o))
    if type(o) == "table" then print(pcall(wr, o, round)); print(pcall(wr, o, nil)) end
  end
  if round == 1 then cls.__index = function(t, k) return "cls-fn-" .. k end; rawset(base0, "own", "b0-own") end
  if round == 2 then cls.__index = cls; base.__index = nil; fnmt.__newindex = {} end
end
local x = 1024.0
for i = 1, 12 do x = x / 2; print(x % 3, x - 1, x * 2.0, 3 % x, x + 1, x / 0.5, x % -3, -x % 3) end
`,
};

test('every opcode of the opcode table is compiled, and the programs compile', () => {
  const compiled: Proto[] = [];
  for (const src of Object.values(PROGRAMS)) same(src, compiled);
  // LOADKX and the EXTRAARG of NEWTABLE/SETLIST need more than 2^17 constants / array items
  const parts = ['local t = {'];
  for (let i = 0; i < 131080; i++) parts.push(`${i + 0.5},`);
  parts.push('} local x = 0.25 print(#t, x, t[131080])');
  const big = parts.join('');
  assert.equal(run(big, 0, compiled), '131080\t0.25\t131079.5\n');
  const seen = new Set<number>();
  for (const p of compiled) {
    assert.notEqual((p.tierData.jit as { fn: unknown }).fn, null, `${p.source}:${p.linedefined} compiles`);
    for (const i of p.code) seen.add(i & 0x7f);
  }
  const missing = OPS.map((o, i) => (seen.has(i) ? '' : o.name)).filter(Boolean);
  assert.deepEqual(missing, []);
});

// tail calls through a site's cached callee (fixed arguments, and an open call's 0, 1 or several results),
// sites whose callee changes, natives in tail position, and natives called directly from compiled code
// (results, errors with their "bad argument" names, stale stack slots after them)
PROGRAMS.tailcallsAndNatives = `
local function ack(m, k)
  if m == 0 then return k + 1 end
  if k == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, k - 1))
end
print(ack(2, 3), ack(3, 3))
local function none() end
local function two() return 7, 8 end
local function cnt(...) return select("#", ...), ... end
local function viaOpen(g) return cnt(1, g()) end
print(viaOpen(none)) print(viaOpen(two)) print(viaOpen(function() return 5 end))
local function pick(i, ...) if i % 3 == 0 then return cnt(...) elseif i % 3 == 1 then return math.max(...) end return tostring(i) end
local acc = {}
for i = 1, 12 do acc[#acc + 1] = table.concat({pick(i, i, 2 * i, 0.5)}, ",") end
print(table.concat(acc, " "))
local function sub(s, i) return s:sub(i, i + 1), s:byte(i, i + 2) end
print(sub("hello", 2))
print(pcall(string.rep))
print(pcall(function() return ("x"):rep(1e10, 1) end))
print(select("#", string.byte("")), string.byte("abc", 1, -1))
local function P(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end print(table.concat(t, " ", 1, t.n)) end
P(pcall(xpcall)) P(pcall(xpcall, print))
`;

// typed code (types.ts): every guard of the specialised paths fails at some call after warm-up. Float
// arithmetic with an operand of unknown type (int, float, integral float, bigint, numeric string, a table with
// metamethods, nil), integer arithmetic leaving the safe range (deopt, then a recompilation without integer
// speculation), float loops whose bounds flip type, and known-float values escaping everywhere.
PROGRAMS.typedFlips = `
local mt = {__add = function(a, b) return "add" end, __mul = function(a, b) return "mul" end,
  __div = function() return "div" end, __unm = function() return "unm" end, __mod = function() return "mod" end,
  __pow = function() return "pow" end, __idiv = function() return "idiv" end, __sub = function() return "sub" end,
  __lt = function() return true end, __le = function() return false end}
local obj = setmetatable({}, mt)
local vals = {3, 2.5, 4.0, -0.0, 2^63, math.maxinteger, math.mininteger, "7", "1.5", obj, 1e308, 0/0}
local small = {3, 2.5, 4.0, -0.0, -2^63, math.mininteger, "7", "1.5", obj, -1e308, 0/0, 6.5}
local function fops(x)
  local h = 0.5
  local a = h * x
  local b = x / 2
  local c = x - h
  local d = 2.0 ^ x
  local e = x // 0.5
  local f = x % 1.5
  local g = -(h + x)
  local k = (-x) % -1.5
  return a, b, c, d, e, f, g, k, h + 1 < x, x <= h, a == 1.5
end
local function iops(x)
  local i = 7
  local s = i + x
  return s, i * 3 + 1, (i - 10) % 4, -i
end
local function grow(n)
  local h = 1
  for i = 1, n do h = h * 1000003 + i end
  return h
end
local function floop(lim)
  local s = 0.0
  for x = 0.5, lim, 0.25 do s = s + x end
  return s
end
local function P(ok, ...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) .. (math.type(t[i]) == "float" and "f" or "") end
  print(ok, table.concat(t, " "))
end
for round = 1, 2 do
  for _, v in ipairs(vals) do
    P(pcall(fops, v)) P(pcall(iops, v))
  end
  for _, v in ipairs(small) do P(pcall(floop, v)) end
  P(pcall(fops, nil)) P(pcall(iops, {})) P(pcall(floop, nil))
  for _, n in ipairs({1, 2, 3, 5, 9, 2}) do P(true, grow(n)) end
end
`;

for (const [name, src] of Object.entries(PROGRAMS)) {
  test(`same output as the interpreter: ${name}`, () => same(src));
}

test('irreducible goto flow stays interpreted and still runs', () => {
  same(`
local i = 1
goto inside
::top::
i = i + 1
::inside::
if i < 5 then goto top end
print(i)
`);
});

test('deep recursion and deep pcall nesting under the JIT', () => {
  same(`
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(150000))
local function nest(n) if n == 0 then error("bottom") end return pcall(nest, n - 1) end
print(nest(150))
print(select(2, pcall(function() local function inf(n) return 1 + inf(n) end return inf(1) end)):match("stack overflow") ~= nil)
`);
});

test('debug.getlocal/setlocal see and change compiled frames', () => {
  same(`
local function show(level)
  local out = {}
  for i = 1, 10 do local n, v = debug.getlocal(level + 1, i); if not n then break end; out[#out + 1] = n .. "=" .. (type(v) == "function" and "function" or tostring(v)) end
  return table.concat(out, " ")
end
local function f(a, b)
  local c = a + b
  print(show(1))
  debug.setlocal(1, 3, "changed")
  return c
end
print(f(1, 2))
`);

test('code compiled before getlocal/setlocal are named is compiled again with debug spills', () => {
  // `work` compiles (without spills) at its first call; the loaded chunk names getlocal; from then on the old
  // code deoptimises at its calls, once: the proto is dropped and its next call compiles it again
  const src = `
local function id(x) return x end
local function work(n) local s = 0 for i = 1, n do s = s + id(i) end return s end
print(work(10))
local peek = load("return function(l, i) return debug.getlocal(l, i) end")()
print(work(10))
local function g(a) local b = a * 2 print(peek(2, 1), peek(2, 2)) return id(b) end
print(g(21))
print(work(100))
`;
  const compiled: Proto[] = [];
  same(src);
  run(src, 0, compiled);
  const works = compiled.filter((p) => p.linedefined === 3);
  assert.equal(works.length, 2, 'work compiled twice (before and after getlocal was named)');
});
});

// ------------------------------------------------------------------------------------ coroutines (generator.ts)

/** Every program again, as the body of a coroutine: all of it runs as generator variants. */
test('every program gives the same output inside a coroutine (generator variants)', () => {
  const compiled: Proto[] = [];
  for (const [name, src] of Object.entries(PROGRAMS)) {
    const wrapped = `local co = coroutine.wrap(function(...)\n${src}\nend) co()`;
    const ref = run(wrapped, undefined);
    assert.equal(run(wrapped, 0, compiled), ref, `${name}: threshold 0`);
    assert.equal(run(wrapped, 2), ref, `${name}: threshold 2`);
  }
  // the generator variants were compiled (not just the plain ones)
  const gens = compiled.filter((p) => (p.tierData.jit as { g?: unknown }).g);
  assert.ok(gens.length > 10, `generator variants compiled: ${gens.length}`);
});

test('generator variants: one yield and one yield* per call site, plain yields for deopts and prologue exits', () => {
  // (each yield is a resume point V8 compiles with code of its own: the generator variants stay small)
  const src = `
local function leaf(x) return x + 1 end
local function two(x) local y = leaf(x) return y * 2 end
local co = coroutine.wrap(function(n)
  local s = 0
  for i = 1, n do s = s + two(i) + leaf(i); coroutine.yield(s) end
  return s
end)
local out = {}
for i = 1, 4 do out[#out + 1] = co(10) end
debug.sethook(function() end, "", 100)
print(table.concat(out, " "), co(2), pcall(co, 1))
`;
  same(src);
  const gens = generatedSources(src).filter((s) => s.includes('function* lua_'));
  assert.equal(gens.length, 2, 'the coroutine body and two');
  for (const s of gens) {
    assert.ok(s.includes('return yield G.deopt(') && s.includes('return yield G.via('), 'plain yields for the exits');
    assert.ok(!s.includes('yield* G.deopt') && !s.includes('yield* G.viaInterp'), 'no helper generators for the exits');
    const sites = (s.match(/: G\.at\(th, /g) ?? []).length;
    assert.ok(sites > 0);
    assert.equal((s.match(/yield G\.req/g) ?? []).length, sites, 'one yield per call site');
    assert.equal((s.match(/yield\* /g) ?? []).length, sites, 'one yield* per call site');
  }
});

test('type flips and deopts inside compiled coroutine frames, with yields around them', () => {
  same(`
local mt = { __add = function(a, b) return coroutine.yield("mm add") end, __index = function(t, k) return k .. "!" end }
local function step(acc, v) local r = acc + v; return r, math.type(r) or type(r) end
local vals = { 1, 2, 0.5, "4", 2^53, math.maxinteger, -0.0, 1/0, setmetatable({}, mt), 3 }
local co = coroutine.wrap(function()
  local acc, kind = 0, nil
  for i = 1, #vals do
    local ok, r, k = pcall(step, acc, vals[i])
    if ok then acc, kind = r, k end
    coroutine.yield(i, tostring(acc), kind)
    local t = setmetatable({}, mt)
    coroutine.yield(t.x, t[i])
  end
  return "done"
end)
local v = { co() }
while v[1] ~= "done" do print(table.unpack(v)); v = { co(#v) } end
`);
});

test('deep recursion, long tail-call chains and getlocal inside a coroutine', () => {
  same(`
local function depth(n) if n == 0 then return coroutine.yield(0) end return 1 + depth(n - 1) end
local function loop(n, acc) if n == 0 then coroutine.yield(acc) return acc end return loop(n - 1, acc + n) end
local co = coroutine.wrap(function()
  print(depth(20000))
  print(loop(100000, 0))
  local function f(a, b) local c = a .. b; coroutine.yield(); local n, v = debug.getlocal(1, 3); return n, v end
  print(f("x", "y"))
  print(select(2, pcall(function() local function inf(n) return 1 + inf(n) end return inf(1) end)):match("stack overflow") ~= nil)
  return "end"
end)
print(co()) print(co(5)) print(co()) print(co()) print(co())
`);
});

test('float-speculated table loads: a later version speculates, type flips deoptimise and respecialise', () => {
  const src = `
local function step(b, dt)
  local s = 0
  for i = 1, #b do
    local o = b[i]
    s = s + o.x * dt - o.y * o.m
    o.x = o.x + o.vx * dt
  end
  return s
end
local function sum(t)
  local s = 0
  for i = 1, #t do s = s + t[i] * 2.5 - t[i] end
  return s
end
local function neg(t) return -t[1], -t.f end
local function P(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) .. (math.type(t[i]) == "float" and "f" or "") end
  print(table.concat(t, " "))
end
local bodies = {}
for i = 1, 4 do bodies[i] = {x = i + 0.5, y = i * 0.25 + 0.1, m = 1.5, vx = 0.125} end
for round = 1, 5 do
  P(pcall(step, bodies, 0.01)) P(pcall(sum, {1.5, 2.25, 3.5})) P(pcall(neg, {0.5, f = -0.75}))
end
bodies[2].y = 2
P(pcall(step, bodies, 0.01))
bodies[3].m = 3.0
P(pcall(step, bodies, 0.01))
bodies[4].vx = "0.5"
P(pcall(step, bodies, 0.01))
bodies[1].x = setmetatable({}, {__mul = function(a, b) return 7.5 end, __add = function(a, b) return a end})
P(pcall(step, bodies, 0.01))
bodies[1].x = nil
P(pcall(step, bodies, 0.01))
P(pcall(sum, {1, 2, 3}))
P(pcall(sum, {1.5, 2^53, 0.5}))
P(pcall(sum, {1.5, -0.0, 0.5, 1e308, 1e308}))
P(pcall(sum, setmetatable({}, {__index = function(t, k) return k * 0.5 end, __len = function() return 3 end})))
P(pcall(sum, {1.5, "2", 0.5}))
P(pcall(sum, {1.5, {}, 0.5}))
P(pcall(neg, {2.0, f = 0.0})) P(pcall(neg, {1, f = 2})) P(pcall(neg, {0.5, f = "x"}))
for round = 1, 3 do P(pcall(step, bodies, 0.5)) P(pcall(sum, {0.5, 0.25})) P(pcall(neg, {0.5, f = 0.5})) end
`;
  const compiled: Proto[] = [];
  same(src, compiled);
  // step, sum and neg: a first version, one speculating on their loads, then one without (after a flip)
  // (step's `dt`, a float used in arithmetic, first fails the integer-parameter entry guard: one more version)
  for (const line of [2, 11, 16]) {
    assert.equal(compiled.filter((p) => p.linedefined === line).length, line === 2 ? 4 : 3, `versions of the function at line ${line}`);
  }
});

test('integer-speculated parameters: a failing entry guard recompiles the proto once, results unchanged', () => {
  const src = `
local function f(a, b) if a < 0 then return b end return a * 2 + b, a - 1 end
local r = {}
for i = 1, 30 do r[#r + 1] = f(i, i) end
for _, v in ipairs({ 2.5, 3.0, math.maxinteger, -0.0, "7", 0/0 }) do
  local ok, x, y = pcall(f, v, 1) r[#r + 1] = tostring(ok) .. tostring(x) .. tostring(y) end
print(pcall(f, nil, 1))
print(pcall(f, {}, 1))
for i = 1, 5 do r[#r + 1] = f(i, 0.5) end
local function g(n) local s = 0 for i = 1, n do s = s + i end return s end
print(g(10), g(10.0), pcall(g, "x"), g(10))
debug.sethook(function() end, "c")
print(f(2.5, 1), f(4, 1))
debug.sethook()
print(table.concat(r, " "))
`;
  const compiled: Proto[] = [];
  same(src, compiled);
  const lines = compiled.filter((p) => p.linedefined === 2).length;
  assert.equal(lines, 2, 'f compiled, then recompiled without the speculation');
});

test('polymorphic call sites (closures of several protos, natives, callable tables) and tail chains', () => {
  same(`
local function a1(x) return x + 1 end
local function a2(x) return x .. "!" end
local function a3(x, ...) return select("#", ...), x end
local ct = setmetatable({}, { __call = function(self, x) return "ct" .. tostring(x) end })
local fs = { a1, a2, a3, print == nil and a1 or tostring, ct, a1, function(x) error("boom " .. x) end }
local function call(f, x) return f(x) end
local function tcall(f, x) return f(x) end
local out = {}
for i = 1, 70 do
  local f = fs[i % #fs + 1]
  local ok, r1, r2 = pcall(call, f, i)
  local ok2, s1, s2 = pcall(tcall, f, i)
  out[#out + 1] = tostring(ok) .. tostring(r1) .. tostring(r2) .. tostring(ok2) .. tostring(s1) .. tostring(s2)
end
print(table.concat(out, "\\n"))
local function loop(n) if n == 0 then return "done" end return loop(n - 1) end
print(loop(300000))
local function mid(n) if n == 0 then return 0 end return (loop(3) and 1 or 0) + mid(n - 1) end
print(mid(1000))
local function chain(n) if n == 0 then return debug.traceback("t") end return chain(n - 1) end
print(chain(120))
`);
});

test('self tail calls loop in their own frame: no nested JS call, no deopt, same results', () => {
  const src = `
local function count(n, acc) if n == 0 then return acc end return count(n - 1, acc + 1) end
local function ack(m, k)
  if m == 0 then return k + 1 end
  if k == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, k - 1))
end
local function up(n, acc)
  local g = function() return n end
  acc[#acc + 1] = g
  if n == 0 then return acc end
  return up(n - 1, acc)
end
local fs = up(300, {})
print(count(1000, 0), count(5.0, 0.5), ack(2, 3), #fs, fs[1](), fs[150](), fs[301]())
`;
  same(src);
  const out = new CollectingOutput();
  const L = new State({ stdout: out, stderr: new CollectingOutput() });
  openLibs(L, undefined);
  const sources: string[] = [];
  const events: string[] = [];
  enableJit(L, { threshold: 0, onCompile: (_p, s) => sources.push(s), trace: (m) => events.push(m) });
  const f = L.load(src, '=t', 't');
  assert.ok(!Array.isArray(f));
  assert.ok(L.pcall(f, [], (e) => String(e)).ok);
  assert.equal(sources.filter((s) => s.includes('continue SELF;')).length >= 3, true, "count, ack and up loop");
  // a chain of more than 100 nested tail frames would continue in the interpreter (a deopt)
  assert.deepEqual(events.filter((m) => m.includes('deopt')), []);
});

/** The --trace-jit events of running `src` (without errors) at threshold 0. */
function traceEvents(src: string): string[] {
  const L = new State({ stdout: new CollectingOutput(), stderr: new CollectingOutput() });
  openLibs(L, undefined);
  const events: string[] = [];
  enableJit(L, { threshold: 0, trace: (m) => events.push(m) });
  const f = L.load(src, '=t', 't');
  assert.ok(!Array.isArray(f));
  assert.ok(L.pcall(f, [], (e) => String(e)).ok);
  return events;
}

test('__index and __newindex functions are called from compiled frames: same results, no deopt once recompiled', () => {
  const src = `
local log = {}
local P = setmetatable({}, {
  __index = function(t, k) return type(k) == "number" and k * 2 or (k == "m" and function(self, x) return x + 1 end or k) end,
  __newindex = function(t, k, v) log[#log + 1] = tostring(k) .. "=" .. tostring(v) end,
})
local function f(o, key, i)
  local a, b, c, d = o.field, o:m(i), o[key], o[5]
  o.w = i; o[key] = a; o[9] = d
  return a, b, c, d
end
local s = 0
for i = 1, 50 do local a, b, c, d = f(P, "k", i); s = s + b + d end
print(s, #log, log[1], log[#log], f(P, "z", 0))
`;
  same(src);
  const events = traceEvents(src);
  // a few deopts make the function recompile with the calls (runtime.ts calledMM); none after that
  const at = events.findIndex((m) => m.includes('(metamethod calls)'));
  assert.ok(at > 0, 'recompiled for metamethod calls');
  assert.deepEqual(events.slice(at).filter((m) => m.includes('deopt')), []);
});

test('deep recursion past the JS stack budget unwinds compiled frames into interpreter frames', () => {
  const src = `
local function leaf(x) return x + 1 end
local function rec(d, ...)
  if d == 0 then return select('#', ...) end
  local s = 0
  for i = 1, 3 do s = leaf(s) end
  local c <close> = nil
  local n, m = rec(d - 1, ...), s
  return n + m
end
local ok, e = pcall(function() local function f(n) if n == 12000 then error("deep") end return 1 + f(n + 1) end return f(0) end)
print(rec(9000, 1, 2), ok, e)
`;
  same(src);
  const events = traceEvents(src);
  // the prologue past the budget unwound the segment (the call then ran compiled again)
  assert.ok(events.some((m) => m.startsWith('jit: unwound')), 'unwound');
});

test('unwound frames continue compiled (resume variants) after their calls return, with the interpreter\'s results', () => {
  const src = `
local function leaf(x) return x + 1 end
local function rec(n, k)
  if n == 0 then return 0, k end
  local s, q = rec(n - 1, k)
  for i = 1, 3 do s = s + leaf(i) % 3 end
  if n % 2 == 0 then q = q + 0.5 end
  return s, q
end
local function ack(m, k)
  if m == 0 then return k + 1 end
  if k == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, k - 1))
end
print(rec(6000, 1), ack(2, 2500))
`;
  same(src);
  const events = traceEvents(src);
  assert.ok(events.some((m) => m.startsWith('jit: unwound')), 'unwound');
  assert.ok(events.some((m) => m.startsWith('jit: compiled resume')), 'resume variant');
});

test('an integer for loop with a float limit (`for i = 1, n / 2`) runs compiled without deopts', () => {
  const src = `
local function half(n) local s = 0 for i = 1, n / 2 do s = s + i end return s end
local function down(n, lim) local s, t = 0, nil for i = n, lim, -1 do s = s + i; t = math.type(i) end return s, t end
local r = {}
for n = 0, 40 do r[#r + 1] = half(n) + down(n, n / 3) end
local function up(lim) local c = 0 for i = 1, lim do c = c + 1 end return c end
print(table.concat(r, " "), down(5, -0.5), down(5, 1 / 0), down(3, 2.0), up(-1 / 0), up(2.5), up(-0.0))
`;
  same(src);
  assert.deepEqual(traceEvents(src).filter((m) => m.includes('deopt')), []);
});

test('loops whose registers turn from integers into floats are peeled: the loop itself runs typed float code', () => {
  // richards' idleFn bit loop (x of unknown type, y an integer, both floats after one round) and a float
  // accumulator started from 0 in a numeric for: the first iteration is compiled apart (P<h> block), the
  // loop after it keeps x, y and s in raw doubles (no generic arithmetic, no LFloat allocation)
  const src = `
local function bits(d)
  local x, y, r, bit = d.control, 53256, 0, 1
  while x > 0 or y > 0 do
    if (x % 2) ~= (y % 2) then r = r + bit end
    x = (x - x % 2) / 2; y = (y - y % 2) / 2; bit = bit * 2
  end
  return r
end
local function acc(n) local s = 0 for i = 1, n do s = s + i / 3 end return s end
local out = {}
for _, c in ipairs({1, 6.0, 12345, 0, 2^40, 65535.5, -3, "17"}) do out[#out + 1] = tostring(select(2, pcall(bits, {control = c}))) end
print(table.concat(out, " "), acc(0), acc(1), acc(10), pcall(bits, {control = {}}))
`;
  same(src);
  const sources = generatedSources(src);
  const loops = sources.map((s) => /break X(\d+); \}\nL\1: for \(;;\) \{\n([^]*?)\nbreak L\1; \}/.exec(s)).filter((m) => m !== null);
  assert.equal(loops.length, 2, 'bits and acc peeled');
  for (const m of loops) {
    // (deopts box their registers; the last line boxes what the exit leaves behind)
    const body = m![2].split('\n').slice(0, -1).filter((l) => !l.includes('break D'));
    assert.deepEqual(body.filter((l) => /rt\.arith|new LFloat|instanceof LFloat/.test(l)), [], 'typed float loop');
  }
});

test('frameless leaves build their frame only on deopt, in a helper (small enough for V8 to inline)', () => {
  const src = `
local function add(a, b) return a + b end
local function A(i, j) local ij = i + j - 1 return 1.0 / (ij * (ij - 1) * 0.5 + i) end
local s = 0
for i = 1, 50 do s = s + add(i, 1) + A(i, 2) end
local mt = setmetatable({}, {__add = function(x, y) return debug.traceback("tb", 2):match("[^\\n]*\\n[^\\n]*\\n[^\\n]*") end})
print(s, add(math.maxinteger, 1), add(1.5, 1), add("2", 3), add(mt, 1), A(2.5, 1), pcall(add, {}, 1))
`;
  same(src);
  const sources = generatedSources(src);
  const leaves = sources.filter((s) => /function lua_[23]\(/.test(s));
  assert.ok(leaves.length >= 2, 'add and A compiled');
  for (const s of leaves) {
    assert.ok(s.includes('FX.leafDeopt('), 'deopt exit through the helper');
    assert.ok(!s.includes('th.cis') && !s.includes('S[B'), 'no inline frame building or spills');
  }
});

test('field reads keep the record probe and the first __index cache entry inline (the rest in rt.field)', () => {
  const src = `
local out = {}
local function get(o) return o.x end
local function meth(o) return o:m() end
local function put(o, v) o.x = v end
local Base = {m = function(self) return "base" end}
Base.__index = Base
local Derived = setmetatable({}, Base)
Derived.__index = Derived
local rec = {x = 1}
local dict = {}
for i = 1, 40 do dict["k" .. i] = i end
dict.x = "dx"
local inst = setmetatable({}, Derived)
local fidx = setmetatable({}, {__index = function(t, k) return "f" .. k end})
for _, o in ipairs({rec, dict, inst, fidx, rec, {}, dict}) do out[#out + 1] = tostring(get(o)) end
Base.x = "bx"
out[#out + 1] = tostring(get(inst))
string.m = function(s) return "str" .. s end
out[#out + 1] = meth("a") .. meth(inst)
string.m = nil
out[#out + 1] = tostring(pcall(meth, "b"))
local smt = getmetatable("")
local sidx = smt.__index
smt.__index = nil
out[#out + 1] = select(2, pcall(meth, "c"))
smt.__index = {m = function(s) return "own" .. s end}
out[#out + 1] = meth("d")
smt.__index = sidx
local fresh = {}
put(fresh, 1); put(fresh, nil); put(fresh, 2)
put(dict, "dy")
local log = {}
local ni = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v) end})
put(ni, 5)
local nt = setmetatable({}, {__newindex = fresh})
put(nt, 7)
put(Base, "bx2")
out[#out + 1] = table.concat({tostring(fresh.x), tostring(dict.x), tostring(rawget(ni, "x")), table.concat(log, ","),
  tostring(rawget(nt, "x")), tostring(get(inst)), tostring(get(Derived))}, " ")
print(table.concat(out, " "))
print(pcall(get, nil))
print(pcall(put, 1, 2))
`;
  same(src);
  const sources = generatedSources(src);
  const fn = (re: RegExp): string => {
    const s = sources.find((x) => re.test(x));
    assert.ok(s !== undefined, `compiled ${re}`);
    return s!;
  };
  const get = fn(/function lua_3\(/);
  assert.ok(get.includes('.hash["x"]') && get.includes('rt.field('), 'record probe inline, the rest in rt.field');
  assert.ok(get.includes('.m0') && !get.includes('.m1') && !get.includes('mkeys'), 'one inline cache entry, no inline dictionary probe');
  const meth = fn(/function lua_4\(/);
  assert.ok(meth.includes('L.mtString === ic') && !meth.includes('.hash.__index'), 'string methods through the site cache');
});

test('loops of a main chunk run as loop functions of their own; exits, returns, deopts and errors as before', () => {
  const src = `
local t, s = {}, 0
for i = 1, 30 do
  for j = 1, 4 do
    if j == 3 then break end
    s = s + i * j
    if i == 20 then s = s + 0.5 end
  end
  if i == 25 then goto out end
  t[#t + 1] = i
end
::out::
local k = 0
while true do
  k = k + 1
  if k == 7 then s = s .. "!" end
  if k > 9 then break end
end
local f = load("local n = 0 for i = 1, 10 do n = n + i if n > 20 then return i, n end end return 'end'")
print(s, #t, k, f())
print(pcall(load("for i = 1, 3 do if i == 2 then error('at ' .. i) end end", "=c")))
local function inner() local a = 0 for i = 1, 3 do a = a + i end return a end
print(inner())
`;
  same(src);
  const sources = generatedSources(src);
  const main = sources[0];
  assert.ok(/function lua_0\(/.test(main), 'the main chunk is compiled first');
  assert.ok((main.match(/function lua_0_L\d+_*\(/g) ?? []).length >= 2, 'one function per top-level loop');
  const fn = sources.find((s) => /function lua_\d+\(/.test(s) && !/function lua_0\(/.test(s) && s.includes('for (;;)'));
  assert.ok(fn !== undefined && !fn.includes('_L'), 'a function other than a main chunk keeps its loops inline');
});

test('Liveness (types.ts) gives the least fixpoint of backward liveness', async () => {
  const { Liveness } = await import('../../src/jit/types.js');
  let seed = 12345;
  const rnd = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (let round = 0; round < 200; round++) {
    const n = 1 + rnd(70), m = 1 + rnd(40);
    const succ: number[][] = [], kill: [number, number][] = [], reads: (number[] | 'all')[] = [], out: boolean[] = [];
    const lv = new Liveness(n, m);
    for (let k = 0; k < m; k++) {
      const ss: number[] = [];
      for (let e = rnd(3); e > 0; e--) { const j = rnd(m); ss.push(j); lv.edge(k, j); }
      lv.edge(k, undefined);
      succ.push(ss);
      const a = rnd(n + 5), b = a + rnd(4);
      kill.push([a, b]);
      lv.kill(k, a, b);
      const rd: number[] | 'all' = rnd(15) === 0 ? 'all' : Array.from({ length: rnd(4) }, () => rnd(n + 3));
      reads.push(rd);
      lv.reads(k, rd);
      out.push(rnd(12) === 0);
      if (out[k]) lv.exitAll(k);
    }
    // naive: full sweeps over byte sets until nothing changes
    const sets = Array.from({ length: m }, () => new Uint8Array(n));
    for (let changed = true; changed;) {
      changed = false;
      for (let k = m - 1; k >= 0; k--) {
        const o = new Uint8Array(n);
        if (out[k]) o.fill(1);
        for (const j of succ[k]) for (let r = 0; r < n; r++) o[r] |= sets[j][r];
        const rd = reads[k];
        if (rd === 'all') o.fill(1);
        else {
          for (let r = kill[k][0]; r < kill[k][1] && r < n; r++) o[r] = 0;
          for (const r of rd) if (r < n) o[r] = 1;
        }
        for (let r = 0; r < n; r++) if (o[r] !== sets[k][r]) { sets[k][r] = o[r]; changed = true; }
      }
    }
    assert.deepEqual(lv.solve(), sets, `round ${round}`);
  }
});

test('comparisons with one known number: no box of a raw float, the shared helpers for the rest', () => {
  const src = `
local function cmp(v, t)
  local a = v > -1e15 and v < 1e15
  local b = v <= 0.5
  local c = v == t
  return a, b, c
end
local mt = {__lt = function(x, y) return true end, __le = function(x, y) return false end, __eq = function() return true end}
local T1, T2 = setmetatable({}, mt), setmetatable({}, mt)
for _, v in ipairs({1, 2.5, 2.0, -0.0, 0/0, math.huge, -math.huge, math.mininteger, math.maxinteger, 2^53, 1e300, -1e15, 1e15}) do
  print(cmp(v, v)); print(cmp(v, 2)); print(cmp(v, 2.0)); print(cmp(v, math.maxinteger)); print(cmp(v, "2"))
end
print(cmp(T1, T2))
print(pcall(cmp, "x", 1))
print(pcall(cmp, nil, 1))
print(pcall(cmp, {}, 1))
print(string.format("%d %5.1f %g %s %d %.14g", 2.0, 3.0, 2^63, math.mininteger, math.mininteger, 2.0^60))
print(pcall(string.format, "%d", 3.5))
`;
  same(src);
  const s = generatedSources(src).find((x) => /function lua_2\(/.test(x));
  assert.ok(s !== undefined, 'cmp compiled');
  assert.ok(s.includes('LT(') && s.includes('LE('), 'shared helpers');
  assert.ok(!s.includes('new LFloat('), 'no float constant boxed');
  assert.ok(!s.includes('rt.order('), 'no runtime call');
});
