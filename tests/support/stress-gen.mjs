// Speculation stress programs for tests/stress.test.mjs: a deterministic (seeded) generator of Lua 5.4
// programs built to break the JIT's guards. Every program is a list of independent scenarios; a scenario
// defines small functions (the "sites"), calls them many times with one type profile (warm-up: with
// --jit-threshold=2 they get compiled mid-way, with 0 at once), then keeps calling the same sites with
// flipped types — integers vs floats vs integral floats, nan/inf, integers around 2^53 and 2^63, numeric
// strings, tables with and without metatables (and metatables that change mid-loop), nil/booleans, other
// callees (closures of other protos, natives, callable tables), odd for-loop bounds and steps — optionally
// inside a coroutine whose metamethods and callees yield. Every result is printed with its subtype and exact
// value (`%q`), every error message through pcall, so any difference from lua5.4 shows.
//
// Invariant: nothing printed may legitimately differ from lua5.4: no pairs order, no addresses (tables and
// functions are printed by tag or name, never with tostring), no times or memory figures, no tables with
// holes under `#`, no deep C recursion. NaN is printed as "nan" (its sign bit is not Lua semantics).
import { rng } from './fuzz-cases.mjs';

/** Helpers every program starts with. Line numbers of the generated code follow it, so keep it stable. */
export const PRELUDE = String.raw`local show, out, NAMES
NAMES = {}
function show(v)
  local t = type(v)
  if t == "number" then
    if v ~= v then return "nan" end
    if math.type(v) == "integer" then return "i:" .. tostring(v) end
    return "f:" .. tostring(v) .. "/" .. string.format("%q", v)
  elseif t == "string" then return string.format("%q", v)
  elseif t == "table" then
    local parts, i = {}, 1
    while i <= 6 and rawget(v, i) ~= nil do parts[i] = show(rawget(v, i)) i = i + 1 end
    local tag = rawget(v, "tag")
    return "{" .. (type(tag) == "string" and tag or "?") .. (i > 1 and " " .. table.concat(parts, ",") or "") .. "}"
  elseif t == "function" then return NAMES[v] or "function"
  elseif t == "thread" then return "thread"
  else return tostring(v) end
end
function out(id, ...)
  local n = select("#", ...)
  local p = {}
  for i = 1, n do p[i] = show((select(i, ...))) end
  print(id, n, table.concat(p, " "))
end
local function tv(x) if type(x) == "table" then local v = rawget(x, "v") if v == nil then return 0 end return v end return x end
local function yy() if coroutine.isyieldable() then coroutine.yield("y") end end
local MT = {}
MT.full = {
  __add = function(a, b) return tv(a) + tv(b) end, __sub = function(a, b) return tv(a) - tv(b) end,
  __mul = function(a, b) return tv(a) * tv(b) end, __div = function(a, b) return tv(a) / tv(b) end,
  __mod = function(a, b) return tv(a) % tv(b) end, __idiv = function(a, b) return tv(a) // tv(b) end,
  __pow = function(a, b) return tv(a) ^ tv(b) end, __unm = function(a) return -tv(a) end,
  __band = function(a, b) return tv(a) & tv(b) end, __bor = function(a, b) return tv(a) | tv(b) end,
  __bxor = function(a, b) return tv(a) ~ tv(b) end, __shl = function(a, b) return tv(a) << tv(b) end,
  __shr = function(a, b) return tv(a) >> tv(b) end, __bnot = function(a) return ~tv(a) end,
  __concat = function(a, b) return "cat(" .. show(a) .. "," .. show(b) .. ")" end,
  __len = function(a) return rawget(a, "n") or 42 end,
  __eq = function(a, b) return tv(a) == tv(b) end,
  __lt = function(a, b) return tv(a) < tv(b) end, __le = function(a, b) return tv(a) <= tv(b) end,
  __call = function(self, ...) return "called", select("#", ...), ... end,
  __index = function(t, k) return "idx:" .. show(k) end,
}
MT.yield = {}
for k, f in pairs(MT.full) do MT.yield[k] = function(...) yy() return f(...) end end
local BASE2 = {y = "deep.y", [2] = "deep[2]", len = function(self) return "deep.len" end, constructor = "deep.constructor"}
local BASE = setmetatable({x = 1.5, [1] = "base[1]", m = function(self, a) return "base.m", show(a) end}, {__index = BASE2})
local function O(v) return setmetatable({tag = "O", v = v}, MT.full) end
local function Y(v) return setmetatable({tag = "Y", v = v}, MT.yield) end
local function IX() return setmetatable({tag = "IX"}, {__index = BASE}) end
local function IF() return setmetatable({tag = "IF"}, {__index = function(t, k) yy() return "if:" .. show(k) end}) end
local function NI() return setmetatable({tag = "NI"}, {__newindex = function(t, k, v) rawset(t, "nk", (rawget(t, "nk") or 0) + 1) rawset(t, "last", v) end}) end
local function LEN(n) return setmetatable({tag = "LEN", 1, 2}, {__len = function() return n end}) end
local function EQ(v) return setmetatable({tag = "EQ", v = v}, {__eq = function(a, b) return tv(a) == tv(b) end, __lt = function(a, b) return tv(a) < tv(b) end}) end
local function CALLT() return setmetatable({tag = "CALLT"}, {__call = function(self, a, ...) yy() return "callt", show(a), select("#", ...) end}) end
local function g1(a, b) return a end
local function g2(...) return select("#", ...), ... end
local function g3(a, b) return b, a, "g3" end
local function gerr(a) error("boom " .. show(a)) end
local function gerr2(a) error("level2", 2) end
local function gtab() error({tag = "errobj"}) end
local function gline() return debug.getinfo(2, "l").currentline end
local function mkadd(k) local f = function(a, b) return a + k, b end NAMES[f] = "add" .. show(k) return f end
local function gy(a, ...) yy() return a, ... end
local function gtb(a) return debug.traceback("tb " .. show(a), 1) end
local function gpc(n) if type(n) ~= "number" or n <= 0 then return "bottom" end local ok, v = pcall(gpc, n > 60 and 60 or n - 1) return v end
local function grec(n) if type(n) ~= "number" or not (n > 0) then return 0 end if n > 300 then n = 300 end return 1 + grec(n - 1) end
NAMES[g1] = "g1" NAMES[g2] = "g2" NAMES[g3] = "g3" NAMES[gerr] = "gerr" NAMES[gerr2] = "gerr2" NAMES[gtab] = "gtab"
NAMES[gtb] = "gtb" NAMES[gpc] = "gpc" NAMES[gline] = "gline" NAMES[gy] = "gy" NAMES[grec] = "grec" NAMES[math.abs] = "math.abs" NAMES[type] = "type"
NAMES[select] = "select" NAMES[math.type] = "math.type" NAMES[string.len] = "string.len" NAMES[rawequal] = "rawequal"
NAMES[table.unpack] = "table.unpack" NAMES[math.floor] = "math.floor" NAMES[math.max] = "math.max"
local function scenario(id, coro, body)
  if not coro then
    local ok, e = pcall(body)
    if not ok then out(id .. "!", e) end
    return
  end
  local co = coroutine.create(body)
  local steps = 0
  while true do
    local ok, e = coroutine.resume(co)
    steps = steps + 1
    if not ok then out(id .. "!", e) break end
    if coroutine.status(co) == "dead" then break end
  end
  out(id .. " resumes", steps)
end
`;

const INT_SMALL = ['0', '1', '2', '3', '-1', '-7', '100', '255', '5'];
const INT_EDGE = ['math.maxinteger', 'math.mininteger', 'math.maxinteger - 1', 'math.mininteger + 1', '9007199254740991',
  '9007199254740992', '9007199254740993', '-9007199254740993', '(1 << 62)', '4294967296', '2147483647', '-2147483648',
  '(1 << 53) + 1', '-9007199254740991', '0x7fffffff'];
const FLOATS = ['0.5', '-2.5', '1.0', '-0.0', '0.0', '3.0', '2^53', '2^63', '-2^63', '1e308', 'math.huge', '-math.huge',
  '(0/0)', '1e15 + 0.5', '0.1', '-1.5', '2^53 + 2.0', '2.0^-1074', '7.0', '-3.0'];
const STRINGS = ['"10"', '"0x10"', '" 5 "', '"1e2"', '"3.5"', '"-7"', '"abc"', '""', '"9223372036854775808"',
  '"0x7fffffffffffffff"', '"1.0"', '"  0x1p4  "', '"inf"', '"2"', '"x"', '"m"'];
const OTHERS = ['nil', 'true', 'false'];
const TABLES = ['{tag = "seq", 1, 2, 3}', '{}', 'O(3)', 'O(2.5)', 'O("7")', 'O(math.maxinteger)', 'IX()', 'IF()', 'NI()',
  'LEN(3)', 'LEN(2.5)', 'CALLT()', 'EQ(1)', 'EQ(2.0)', '{tag = "fl", 1.5, -0.0}', '{tag = "xm", x = 1, m = g3, y = 2}'];
const YTABLES = ['Y(4)', 'Y(-0.5)', 'Y("3")'];
const FUNCS = ['g1', 'g2', 'g3', 'gerr', 'gerr2', 'gtab', 'gline', 'gy', 'grec', 'math.abs', 'type', 'select', 'math.type',
  'string.len', 'rawequal', 'table.unpack', 'math.floor', 'math.max', 'CALLT()', 'function(...) return ... end',
  'function(a, b) return a, b, a end', 'gpc', 'mkadd(1)', 'mkadd(2.5)', 'mkadd("x")', 'mkadd(math.maxinteger)'];
/** Callees that once showed a bug (a compiled tail call into an interpreted callee: tests/lua/jit/tailcall-to-interpreted-callee.lua), generated in every run. */
const STRICT_FUNCS = ['gtb'];
const KEYS = ['1', '2', '3', '1.0', '2^53', '"x"', '"y"', '"1"', '-0.0', '0', '(0/0)', 'nil', 'true', '"m"', '3.5', 'math.maxinteger',
  '"tag"', '"v"', '4', '-1', '"constructor"', '"__proto__"', '"length"', '"toString"', '2^31', '2^32 + 1'];

const BINOPS = ['+', '-', '*', '/', '//', '%', '^', '&', '|', '~', '<<', '>>', '..'];
const CMPOPS = ['==', '~=', '<', '<=', '>', '>='];
// constant operands: small ones become immediates (ADDI, SHRI, EQI, LTI...), others K operands
const KCONST = ['1', '-1', '5', '127', '-128', '1000', '2.5', '1.0', '-0.0', '"10"', '"x"', '2^53', '300', '0', '3'];

class Gen {
  constructor(seed, strict) {
    this.r = rng(seed);
    this.funcs = [...FUNCS, ...STRICT_FUNCS];
    this.lines = [];
  }
  f() { return this.r(); }
  int(n) { return Math.floor(this.r() * n); }
  pick(a) { return a[this.int(a.length)]; }
  chance(p) { return this.r() < p; }

  /** A value of any kind, as a Lua expression (fresh tables each time it is evaluated). */
  value({ coro = false, funcs = false } = {}) {
    const k = this.f();
    if (funcs && k < 0.3) return this.pick(this.funcs);
    if (k < 0.2) return this.pick(INT_SMALL);
    if (k < 0.37) return this.pick(INT_EDGE);
    if (k < 0.57) return this.pick(FLOATS);
    if (k < 0.7) return this.pick(STRINGS);
    if (k < 0.77) return this.pick(OTHERS);
    if (coro && k < 0.82) return this.pick(YTABLES);
    return this.pick(TABLES);
  }

  /** A warm-up profile: an expression of the warm-up counter `w` (1..W) with one stable type. */
  warm(kind) {
    const P = {
      int: ['w', 'w * 3 - 7', '-w', 'w << 2', 'w + 1'],
      float: ['w + 0.5', 'w / 4', '-w * 1.5', 'w * 0.1'],
      ifloat: ['w + 0.0', 'w * 1.0', '-(w + 0.0)'],
      big: ['math.maxinteger - w', '9007199254740990 + w', 'math.mininteger + w', '(1 << 62) + w'],
      str: ['tostring(w)', '"0x" .. w', '" " .. w .. " "'],
      table: ['O(w)', 'O(w + 0.5)', 'O(-w)'],
      otable: ['O(w)', 'EQ(w)'],
      seq: ['{tag = "seq", w, w + 1}', 'T0', '{tag = "f", 1.5, w}'],
      ix: ['IX()', 'IF()', 'O(w)'],
      obj: ['IX()', '{tag = "xm", x = 1, m = g3, y = 2}'],
      func: ['g1', 'g3', 'g2', 'mkadd(w)'],
      key: ['w', '"x"', '(w % 3) + 1', '"k" .. (w % 3)', '"y"'],
    };
    return this.pick(P[kind]);
  }

  warmKind() {
    return this.pick(['int', 'int', 'int', 'float', 'ifloat', 'big', 'str']);
  }

  /** An expression over locals a and b exercising one speculated operation, with the warm-up kinds of a and
   * b under which it raises no error (so the warm-up really trains the site), and whether its result can
   * feed back into `a`. */
  expr() {
    const k = this.f();
    const NUM = ['int', 'int', 'float', 'ifloat', 'big'];
    const num = () => this.pick(NUM);
    const binop = (op) => {
      if (['&', '|', '~', '<<', '>>'].includes(op)) return ['int', 'int', 'ifloat', 'big', 'str'];
      if (op === '..') return ['int', 'float', 'str', 'str', 'big'];
      return [...NUM, 'str', 'table'];
    };
    if (k < 0.48) {
      const op = this.pick(BINOPS);
      const ks = binop(op);
      const ka = this.pick(ks);
      const kb = op === '..' || ka === 'str' || ka === 'table' ? this.pick(ks) : ks === binop('+') ? num() : this.pick(ks);
      const c = this.pick(KCONST);
      if (k < 0.3) return { e: `a ${op} b`, ka, kb, feed: true };
      if (k < 0.42) return { e: `a ${op} ${c}`, ka, kb, feed: true };
      return { e: `${c} ${op} a`, ka, kb, feed: true };
    }
    if (k < 0.62) {
      const c = this.pick(CMPOPS);
      const ka = this.pick(['int', 'float', 'ifloat', 'big', 'str', 'table']);
      const kb = ka === 'str' ? 'str' : c === '==' || c === '~=' ? this.warmKind() : num();
      const ka2 = ka === 'table' && c !== '==' && c !== '~=' ? 'otable' : ka;
      return this.chance(0.7) ? { e: `a ${c} b`, ka: ka2, kb } : { e: `a ${c} ${this.pick(KCONST.filter((x) => !x.startsWith('"')))}`, ka: ka === 'str' ? 'int' : ka2, kb };
    }
    if (k < 0.7) {
      const [e, ka, kb] = this.pick([['-a', num(), 'int'], ['~a', this.pick(['int', 'big', 'ifloat']), 'int'], ['#a', this.pick(['str', 'seq']), 'int'],
        ['not a', this.warmKind(), 'int'], ['-(a + b)', num(), num()], ['#a + #b', 'str', 'seq']]);
      return { e, ka, kb, feed: e === '-a' || e === '~a' };
    }
    if (k < 0.76) {
      return { e: this.pick(['a .. b .. "!"', '"<" .. a .. ">"', 'a .. 1 .. b', 'a .. 2.0']), ka: this.pick(['int', 'float', 'str', 'big']), kb: this.pick(['int', 'str']), feed: true };
    }
    if (k < 0.86) return { e: this.pick(['a[b]', 'a.x', 'a[1]', 'a.y', 'a[2]', `a[${this.pick(KEYS)}]`, 'a.constructor', 'a.__proto__', 'a.length']), ka: this.pick(['table', 'seq', 'ix', 'str']), kb: 'key' };
    if (k < 0.93) {
      const m = this.pick(['a:m(b)', 'a:len()', 'a:upper()', 'a:rep(2)', 'a:m(b, b)']);
      return { e: m, ka: m.includes(':m') ? 'obj' : 'str', kb: this.warmKind() };
    }
    return { e: this.pick(['a(b)', 'a(b, b)', '(a(b))', 'select("#", a(b))', 'a(b) + 1']), ka: 'func', kb: num() };
  }

  /** The function under test `f(a, b)` built around `e` in one of several shapes. */
  site({ e, feed }) {
    const shapes = feed ? 11 : 10;
    switch (this.int(shapes)) {
      case 0: return `local function f(a, b) return ${e} end`;
      case 1: return `local function f(a, b) local r1, r2, r3 for i = 1, 3 do local v = ${e} if i == 1 then r1 = v elseif i == 2 then r2 = v else r3 = v end end return r1, r2, r3 end`;
      case 2: return `local function f(a, b) if ${e} then return "T" else return "F" end end`;
      case 3: return `local function f(a, b) local n = 0 while n < 3 and (${e}) do n = n + 1 end return n end`;
      case 4: return `local A, B\nlocal function f0() return ${e.replace(/\ba\b/g, 'A').replace(/\bb\b/g, 'B')} end\nlocal function f(a, b) A, B = a, b return f0() end`;
      case 5: return `local function f(a, b) local i, v = 0\n ::top:: i = i + 1 v = ${e} if i < 3 then goto top end return v, i end`;
      case 6: return `local function f(a, ...) local b = ... return ${e}, select("#", ...) end`;
      // the operands swap every iteration: a guard fails in the middle of a compiled loop
      case 7: return `local function f(a, b) local r = {} for i = 1, 4 do r[i] = show(${e}) a, b = b, a end return table.concat(r, " ") end`;
      // the second operand turns into the flipped value at the third iteration only
      case 8: return `local function f(a, b) local r, x = {}, b for i = 1, 5 do b = i == 3 and x or ${this.pick(['i', 'i + 0.5', 'i * 1.0', 'tostring(i)', 'math.maxinteger - i'])} r[i] = show(${e}) end return table.concat(r, " ") end`;
      case 9: return `local function f(a, b) local r = {} local t = {a, b, a} for i = 1, 3 do local a = t[i] r[i] = show(${e}) end return table.concat(r, " ") end`;
      default: return `local function f(a, b) for i = 1, 3 do a = ${e} end return a end`;
    }
  }

  /** Warm-up calls with one profile, then flipped calls at the same sites; in-loop flip after W calls. */
  driver(id, coro, nargs, warms, flips) {
    const W = this.pick([1, 2, 3, 4, 6, 10, 25, 150]);
    const L = [];
    L.push(`  local function drive(a, b, c)${coro && this.chance(0.5) ? ' yy()' : ''} return f(a, b, c) end`);
    L.push(`  local last`);
    L.push(`  for w = 1, ${W} do last = table.pack(pcall(drive, ${warms.join(", ")})) end`);
    L.push(`  out("${id}w", table.unpack(last, 1, last.n))`);
    const cols = [];
    for (let j = 0; j < nargs; j++) cols.push(`table.pack(${flips.map((t) => t[j]).join(', ')})`);
    const vars = ['a', 'b', 'c'].slice(0, nargs).join(', ');
    const picks = ['a', 'b', 'c'].slice(0, nargs).map((_, j) => `F[${j + 1}][w - ${W}]`).join(', ');
    L.push(`  local F = {${cols.join(', ')}}`);
    L.push(`  for w = ${W}, ${W} + ${flips.length} do`);
    L.push(`    local ${vars}`);
    L.push(`    if w == ${W} then ${vars} = ${warms.join(', ')} else ${vars} = ${picks} end`);
    L.push(`    out("${id}." .. w, pcall(drive, ${vars}))`);
    L.push(`  end`);
    // back to the warm profile: a site that deoptimised must still be right afterwards
    L.push(`  for w = 1, 3 do last = table.pack(pcall(f, ${warms.join(', ')})) end`);
    L.push(`  out("${id}r", table.unpack(last, 1, last.n))`);
    return L;
  }

  scenarioOp(id, coro) {
    const x = this.expr();
    const { e, ka, kb } = x;
    const usesCall = ka === 'func';
    const usesIndex = kb === 'key';
    const warms = [this.warm(ka), this.warm(kb)];
    const flips = [];
    const n = 4 + this.int(6);
    for (let j = 0; j < n; j++) {
      const fa = this.chance(0.75) ? this.value({ coro, funcs: usesCall }) : warms[0].replace(/\bw\b/g, String(2 + this.int(5)));
      const fb = this.chance(0.5) ? this.value({ coro }) : usesIndex && this.chance(0.5) ? this.pick(KEYS) : warms[1].replace(/\bw\b/g, String(1 + this.int(5)));
      flips.push([fa, fb]);
    }
    return [`-- op: ${e} (${ka}, ${kb})`, ...this.site(x).split('\n').map((l) => '  ' + l), ...this.driver(id, coro, 2, warms, flips)];
  }

  /** Table stores: a[b] = v through SETTABLE/SETFIELD/SETI, then read back. */
  scenarioSet(id, coro) {
    const form = this.pick(['a[b] = c return a[b], rawequal(a[b], c)', 'a.x = c return a.x, a.last, a.nk', 'a[1] = c a[2] = b return a[1], a[2]',
      'for i = 1, 3 do a[b] = c c = i end return a[b]', 'a[b] = c a.n = b return #a, a[b]']);
    const lines = [`-- set: ${form}`, `  local function f(a, b, c) ${form} end`];
    const warms = [this.pick(['T0', '{tag = "seq", 1, 2, 3}', '{}']), this.warm('key'), this.warm(this.warmKind())];
    const flips = [];
    const n = 4 + this.int(6);
    for (let j = 0; j < n; j++) {
      flips.push([this.chance(0.7) ? this.pick([...TABLES, ...(coro ? YTABLES : [])]) : this.value({ coro }),
        this.chance(0.7) ? this.pick(KEYS) : this.value(), this.value({ coro })]);
    }
    return [...lines, ...this.driver(id, coro, 3, warms, flips)];
  }

  /** Call sites: the callee, its argument count and its results change at the same site. */
  scenarioCall(id, coro) {
    const form = this.pick([
      'return a(b, c)', 'return (a(b, c))', 'local x, y, z = a(b, c) return z, y, x', 'return select("#", a(b, c))',
      'return a(b, a(c))', 'return a(b, c), a(c, b)', 'local t = {a(b, c)} return #t, t[1], t[3]', 'return a(b, ...)',
      'return a(a(b, c), c)', 'local v = a(b, c) return v, v',
    ]);
    const sig = form.includes('...') ? 'a, b, ...' : 'a, b, c';
    const lines = [`-- call: ${form}`, `  local function f(${sig}) ${form} end`];
    const warms = [this.pick(['g1', 'g3', 'g2', 'function(x, y) return y, x end']), this.warm(this.warmKind()), this.warm(this.warmKind())];
    const flips = [];
    const n = 4 + this.int(6);
    for (let j = 0; j < n; j++) flips.push([this.chance(0.8) ? this.pick(this.funcs) : this.value({ coro }), this.value({ coro }), this.value({ coro })]);
    return [...lines, ...this.driver(id, coro, 3, warms, flips)];
  }

  /** Numeric for loops: integer, float, negative, zero, huge, non-number bounds and steps. */
  scenarioFor(id, coro) {
    const body = this.pick(['s[n] = i', 's[n] = i * 2', 's[n] = i // 2', 's[n] = i + 0.5', 's[n] = -i', 's[n] = i % 3', 's[n] = i .. ""',
      // the control variable is a copy: assigning it must not change the iteration
      'i = i * 2 s[n] = i', 'local g = function() return i end s[n] = g()', 'if n % 2 == 0 then goto cont end s[n] = i ::cont::',
      's[n] = i s[n + 1] = i < 2']);
    const shape = this.int(3);
    const loop = shape === 0 ? 'for i = a, b, c do' : shape === 1 ? 'for i = a, b do' : `for i = ${this.pick(['1', '1.0', '-2', 'math.maxinteger - 2', '0.25'])}, b${this.chance(0.5) ? ', c' : ''} do`;
    const lines = [`-- for: ${loop} ${body}`,
      `  local function f(a, b, c) local n, s = 0, {} ${loop} n = n + 1 ${body} if n >= 5 then break end end return n, s[1], s[2], s[5] end`];
    const warms = ['1', this.pick(['w', 'w + 2', '5']), this.pick(['1', '2', 'w % 2 + 1'])];
    const TRIPLES = [['1', '3', '0.5'], ['1.0', '3', '1'], ['3', '1', '-1'], ['math.maxinteger - 2', 'math.maxinteger', '1'],
      ['math.mininteger', 'math.mininteger + 2', '1'], ['math.mininteger + 2', 'math.mininteger', '-1'], ['1', 'math.huge', '1'],
      ['1', '(0/0)', '1'], ['1', '10', '0'], ['1', '10', '0.0'], ['"1"', '2', '1'], ['1', '"2"', '1'], ['1', '2', '"1"'],
      ['1', '3.7', '1'], ['1', '-math.huge', '-1'], ['0', '2^53', '2^52'], ['9007199254740990', '9007199254740999', '3'],
      ['-9007199254740993', '-9007199254740990', '1'], ['1', 'math.maxinteger', 'math.maxinteger // 2'], ['nil', '1', '1'],
      ['1', '2^63', '1 << 62'], ['1', '-2^63', '-(1 << 62)'], ['-0.0', '1', '0.5'], ['0.1', '0.35', '0.1'], ['5', '1', '-2'],
      ['math.maxinteger', 'math.maxinteger - 10', 'math.mininteger'], ['0', '-1', 'math.maxinteger'], ['1', '3', '-0.0'],
      ['3', '1', '-0.5'], ['2^53', '2^53 + 4', '1'], ['-1', '1', 'math.huge'], ['1.5', '1', '-math.huge'], ['O(1)', '2', '1'],
      ['1', 'math.mininteger', '-1'], ['math.mininteger', '-2^63', '-1'], ['1', '2^53', '2^53']];
    const flips = [];
    const n = 4 + this.int(6);
    for (let j = 0; j < n; j++) flips.push(this.chance(0.85) ? this.pick(TRIPLES) : [this.value(), this.value(), this.value()]);
    return [...lines, ...this.driver(id, coro, 3, warms, flips)];
  }

  /** Metatables and __index chains that change while a loop keeps using the same sites. */
  scenarioMeta(id, coro) {
    const MUT = ['setmetatable(t, {__index = BASE})', 'setmetatable(t, {__index = function(_, k) return "fn:" .. show(k) end})',
      'setmetatable(t, nil)', 't.x = nil', 't.x = 2.5', 't.y = "own"', 'BASE2.y = 10', 'rawset(t, "y", nil)',
      'setmetatable(t, MT.full)', 'setmetatable(t, MT.yield)', 't.v = "9"', 't.v = 2^53', 't.v = nil',
      'if getmetatable(t) then getmetatable(t).__index = {y = "swapped", x = 0} end',
      'setmetatable(t, {__len = function() return 2.5 end, __index = BASE})', 't[3] = 3', 't[#t] = nil', 't[1] = 1.5',
      'setmetatable(t, {__newindex = function(tt, k, v) rawset(tt, k, "ni:" .. show(v)) end})',
      'setmetatable(t, {__index = IF()})', 'setmetatable(t, {__eq = function() return true end, __lt = function() return true end, __le = function() return false end})',
      'setmetatable(t, {__call = function(self, x) return "tcall", show(x) end})', 'BASE.m = g3', 'BASE.m = CALLT()',
      'setmetatable(t, {__index = "abc"})', 'setmetatable(t, {__index = setmetatable({}, {__index = BASE})})'];
    const k = this.pick(KEYS);
    const L = [`-- meta (key ${k})`,
      `  local t = {tag = "mt", x = 1, 1, 2}`,
      `  local base2y, basem = BASE2.y, BASE.m`,
      `  local function get(t, k) return t[k], t.x, t.y, t[1] end`,
      `  local function len(t) return #t end`,
      `  local function set(t, k, v) t[k] = v t.z = v return rawget(t, k), rawget(t, "z") end`,
      `  local function ar(t) return t + 1, 2 * t, t .. "s", -t end`,
      `  local function cmp(t, u) return t == u, t < u, t <= u end`,
      `  local function meth(t, a) return t:m(a) end`,
      `  local function callt(t, a) return t(a) end`,
      `  local E = EQ(1)`];
    const iters = 6 + this.int(8);
    const muts = new Map();
    for (let j = 0; j < 2 + this.int(4); j++) muts.set(this.int(iters) + 1, this.pick(MUT));
    L.push(`  for i = 1, ${iters} do`);
    for (const [at, m] of [...muts].sort((x, y) => x[0] - y[0])) L.push(`    if i == ${at} then ${m} end`);
    L.push(`    out("${id}." .. i .. "g", pcall(get, t, ${k}))`);
    L.push(`    out("${id}." .. i .. "l", pcall(len, t))`);
    if (this.chance(0.6)) L.push(`    out("${id}." .. i .. "s", pcall(set, t, ${k}, i))`);
    if (this.chance(0.6)) L.push(`    out("${id}." .. i .. "a", pcall(ar, t))`);
    if (this.chance(0.5)) L.push(`    out("${id}." .. i .. "c", pcall(cmp, t, ${this.pick(['E', 't', '1', 'O(1)'])}))`);
    if (this.chance(0.5)) L.push(`    out("${id}." .. i .. "m", pcall(meth, t, i))`);
    if (this.chance(0.3)) L.push(`    out("${id}." .. i .. "k", pcall(callt, t, i))`);
    L.push(`  end`);
    L.push(`  BASE2.y, BASE.m = base2y, basem`);
    return L;
  }

  /** Closures and upvalues: an accumulator whose type flips between calls. */
  scenarioClosure(id, coro) {
    const op = this.pick(['+', '-', '*', '//', '%', '..', '|', '/', '<<']);
    const L = [`-- closure: acc = acc ${op} x`,
      `  local function mk(acc) return function(x) acc = acc ${op} x return acc end, function() return acc end end`];
    const warms = [this.warm(this.warmKind()), this.warm(this.warmKind())];
    L.push(`  local inc, get = mk(${warms[0].replace(/\bw\b/g, '1')})`);
    L.push(`  local function f(a, b) local r = inc(a) if b == nil then return r end return r, get() end`);
    const flips = [];
    const n = 4 + this.int(6);
    for (let j = 0; j < n; j++) flips.push([this.value({ coro }), this.chance(0.5) ? 'nil' : '1']);
    return [...L, ...this.driver(id, coro, 2, [warms[1], '1'], flips)];
  }

  /** Varargs and multiple results passing through several frames. */
  scenarioVararg(id, coro) {
    const form = this.pick(['return select("#", ...), ...', 'local a, b = ... return a + b', 'local t = table.pack(...) return t.n, t[1], t[t.n]',
      'return select(2, ...)', 'return (select(-1, ...))', 'local a, b = ... return a .. b, ...', 'return g2(...)', 'return ... + 1']);
    const L = [`-- vararg: ${form}`, `  local function v(...) ${form} end`, `  local function f(a, b, c) return v(a, b, c) end`];
    const warms = [this.warm(this.warmKind()), this.warm('int'), this.warm('int')];
    const flips = [];
    const n = 4 + this.int(6);
    for (let j = 0; j < n; j++) flips.push([this.value({ coro }), this.value({ coro }), this.value({ coro })]);
    return [...L, ...this.driver(id, coro, 3, warms, flips)];
  }

  /** Recursion (Lua-to-Lua calls nested a few hundred deep) whose argument type flips. */
  scenarioRec(id, coro) {
    const op = this.pick(['+', '*', '..', '-']);
    const N = ['10', '3.5', '"4"', '-1', '250', '180', '0.5', 'O(2)', 'nil', '2^53 - 2^53 + 3', '199', '201', ...(op === '..' ? [] : ['3000', '12000'])];
    const L = [`-- recursion ${op}`,
      `  local function rec(n, acc) if n <= 0 then return acc end return rec(n - 1, acc ${op} n) end`,
      `  local function rec2(n, acc) if n <= 0 then return acc end local r = rec2(n - 1, acc) return r ${op} 1 end`,
      `  local function f(a, b) return rec(a, b), rec2(a, b) end`];
    const warms = [this.pick(['w', 'w % 5']), this.warm(this.warmKind())];
    const flips = [];
    const n = 3 + this.int(5);
    for (let j = 0; j < n; j++) flips.push([this.pick(N), this.value({ coro })]);
    return [...L, ...this.driver(id, coro, 2, warms, flips)];
  }

  /** Loop-carried values whose type changes in the middle of a compiled loop: wraparound at 2^63, the 2^53
   * boundary of the integer representation, int -> float at iteration k, and back. */
  scenarioAcc(id, coro) {
    const op = this.pick(['+', '-', '*', '//', '%', '|', '~', '<<', '/', '..']);
    const k = 2 + this.int(5);
    const L = [`-- acc: acc = acc ${op} b, flip at ${k}`,
      `  local function f(a, b, c) local acc, r = a, {} for i = 1, 8 do if i == ${k} then b = c end acc = acc ${op} b r[i] = show(acc) end return table.concat(r, " ") end`];
    const starts = ['math.maxinteger - 3', 'math.mininteger + 2', '9007199254740988', '-9007199254740989', '2^53 - 3', '1', '0.5', '-0.0', '(1 << 62)', '2147483640'];
    const steps = ['1', '-1', '2', '3', '1.0', '0.5', '2^52', '(1 << 52)', '-3', '7'];
    const warms = [this.pick(['w', 'w * 1000', '-w']), this.pick(['1', '2', '3']), this.pick(['1', '2', '3'])];
    const flips = [];
    const n = 4 + this.int(6);
    for (let j = 0; j < n; j++) flips.push([this.pick(starts), this.pick(steps), this.chance(0.7) ? this.pick([...steps, ...INT_EDGE, ...FLOATS]) : this.value({ coro })]);
    return [...L, ...this.driver(id, coro, 3, warms, flips)];
  }

  /** Generic for over coroutine generators and iterator functions whose values flip type. */
  scenarioGen(id, coro) {
    const body = this.pick(['r[#r + 1] = show(v)', 'r[#r + 1] = show(v + 1)', 'r[#r + 1] = show(k) .. ":" .. show(v)', 'r[#r + 1] = show(v < 2)']);
    const L = [`-- gen: ${body}`,
      `  local function gen(a, b, c) return coroutine.wrap(function() for i = a, b do coroutine.yield(i, c) c = c and i end return "last", c end) end`,
      `  local function f(a, b, c) local r = {} for k, v in gen(a, b, c) do ${body} if #r >= 6 then break end end return table.concat(r, " ") end`,
      `  local function f2(a, b, c) local r = {} for k, v in ${this.pick(['ipairs(c)', 'next, {c, "x"}', 'a, b, c', 'gen(1, 3, c)'])} do ${body} if #r >= 6 then break end end return table.concat(r, " ") end`,
      `  local function f3(a, b, c) return pcall(f, a, b, c), pcall(f2, a, b, c) end`,
    ];
    const warms = ['1', this.pick(['w % 4 + 1', '3']), this.pick(['w', '{tag = "seq", w, w + 1}', 'w + 0.5'])];
    const flips = [];
    const n = 4 + this.int(5);
    for (let j = 0; j < n; j++) flips.push([this.pick(['1', '1.5', '"1"', 'math.maxinteger - 1', '0']), this.pick(['3', '2.5', 'math.maxinteger', '"2"', 'math.huge']), this.value({ coro })]);
    // f3 is the function under test: rename it to f for the driver
    L[4] = L[4].replace('local function f3', 'local function f4');
    L.push('  local f = f4');
    return [...L.slice(0, 2), L[2].replace('local function f(', 'local function f1('), L[3], L[4].replace('pcall(f, ', 'pcall(f1, '), L[5], ...this.driver(id, coro, 3, warms, flips)];
  }

  /** 64-bit integer work in a loop over locals loaded from literals (so the JIT types them: safe integers,
   * unboxed 64-bit words, floats): random expression trees of every integer operator, wrapping past 2^63,
   * crossing 2^53, divisions by zero, floats in bitwise operators, values escaping mid-loop; optionally one
   * local takes the (flipped) argument at iteration k, merging 64-bit words with a value of unknown type. */
  scenarioWide(id, coro) {
    const LIT = ['0x7fffffffffffffff', '0x8000000000000000', '-1', '0', '1', '3', '7', '9007199254740993', '-9007199254740992',
      '9007199254740991', '0xcbf29ce484222325', '0x100000001b3', '12345', '0xffffffff', '0x100000000', '63', '64', '-64', '2.5', '2.0',
      '0x2545F4914F6CDD1D', '-0x80000000'];
    const OPS = ['+', '-', '*', '//', '%', '&', '|', '~', '<<', '>>', '&', '~', '>>', '<<', '*'];
    const SHIFTS = ['1', '7', '11', '12', '25', '27', '31', '32', '33', '40', '53', '63', '64', '-3', '-40'];
    const leaf = () => (this.chance(0.6) ? this.pick(['x', 'y', 'i', 'x', 'y']) : this.pick(LIT));
    const expr = (d) => {
      if (d === 0 || (d < 3 && this.chance(0.25))) return leaf();
      const k = this.f();
      if (k < 0.1) return `(${this.pick(['-', '~'])}${expr(d - 1)})`;
      if (k < 0.3) return `(${expr(d - 1)} ${this.pick(['<<', '>>'])} ${this.pick(SHIFTS)})`;
      if (k < 0.4) return `(${expr(d - 1)} & ${this.pick(['0xff', '0xffff', '1', '0x7fffffff', '0xffffffff', '-256'])})`;
      return `(${expr(d - 1)} ${this.pick(OPS)} ${expr(d - 1)})`;
    };
    const k = 2 + this.int(4);
    const flip = this.chance(0.5) ? `if i == ${k} then y = a end ` : '';
    const cmp = this.pick(['<', '<=', '==', '~=', '>', '>=']);
    const body = `x = ${expr(3)} ${flip}y = ${expr(2)} if x ${cmp} y then r[#r + 1] = show(x) else r[#r + 1] = show(y) .. "/" .. show(x >> 32) end`;
    const L = [`-- wide: ${body}`,
      `  local function f(a, b, c) local x, y, r = ${this.pick(LIT)}, ${this.pick(LIT)}, {} for i = 1, 6 do ${body} end return table.concat(r, " "), x, y end`];
    const warms = [this.pick(['w', 'w * 1000', '(1 << 62) + w', 'math.mininteger + w']), '1', '1'];
    const flips = [];
    const n = 3 + this.int(4);
    for (let j = 0; j < n; j++) flips.push([this.chance(0.6) ? this.pick([...INT_EDGE, ...INT_SMALL, '2.0', '0.5', '"3"']) : this.value({ coro }), '1', '1']);
    return [...L, ...this.driver(id, coro, 3, warms, flips)];
  }

  /** One operation over every pair of a set of edge values, flipping types on every iteration of one loop. */
  scenarioMatrix(id, coro) {
    const op = this.pick([...BINOPS, ...CMPOPS]);
    const E = ['0', '-1', '1', '2', 'math.maxinteger', 'math.mininteger', '9007199254740993', '-0.0', '0.5', '2.0', '(0/0)',
      'math.huge', '-math.huge', '2^63', '"7"', '"0x10"', '" -2 "', '"1.5"'];
    const vals = E.filter(() => this.chance(0.6));
    const shape = this.int(3);
    const site = shape === 0 ? `local function f(a, b) return a ${op} b end`
      : shape === 1 ? `local function f(a, b) if a ${op} b then return true end return false end`
        : `local function f(a, b) local v = a ${op} b return v, a ${op} 3 end`;
    return [`-- matrix: ${op}`,
      `  ${site}`,
      `  for w = 1, ${this.pick([3, 40])} do f(w, w + 1) end`,
      `  local V = table.pack(${vals.join(', ')})`,
      `  local r = {}`,
      `  for i = 1, V.n do for j = 1, V.n do`,
      `    local ok, v, v2 = pcall(f, V[i], V[j])`,
      `    r[#r + 1] = ok and show(v) .. (v2 ~= nil and "," .. show(v2) or "") or "E"`,
      `    if not ok and j == i then out("${id}e" .. i, v) end`,
      `  end out("${id}." .. i, table.concat(r, " ")) r = {} end`];
  }

  scenario(id, only) {
    const coro = this.chance(0.25);
    const k = this.f();
    const kinds = [[30, 'Op'], [8, 'Set'], [11, 'Call'], [11, 'For'], [11, 'Meta'], [7, 'Closure'], [6, 'Vararg'], [5, 'Rec'], [7, 'Acc'], [4, 'Gen'], [5, 'Matrix']];
    let x = k * kinds.reduce((sum, [w]) => sum + w, 0);
    let kind = kinds[0][1];
    for (const [w, name] of kinds) { if (x < w) { kind = name; break; } x -= w; }
    const body = this[`scenario${only ?? kind}`](id, coro);
    const [comment, ...rest] = body;
    return [comment, `scenario("${id}", ${coro}, function()`, '  local T0 = {tag = "T0", 1, 2}', ...rest, 'end)'];
  }
}

/** Program `index` of the run seeded `seed`: the prelude plus `scenarios` independent scenarios. `strict` also
 * generates what shows known bugs (tests/known-failures.txt): debug.traceback from tail-called callees. */
export function generateStressProgram(seed, index, { scenarios = 16, strict = false } = {}) {
  const g = new Gen((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0, strict);
  const out = [PRELUDE.trimEnd(), `-- moonrise stress program: seed ${seed}, index ${index}`];
  for (let s = 0; s < scenarios; s++) out.push(...g.scenario(`s${s}`));
  // 64-bit integer scenarios from their own random sequence (the programs above stay as they were)
  const gw = new Gen((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77) ^ 0x5bd1e995) >>> 0, strict);
  for (let s = 0; s < Math.max(1, scenarios >> 2); s++) out.push(...gw.scenario(`w${s}`, 'Wide'));
  out.push('print("done")');
  return out.join('\n') + '\n';
}
