/*
 * The basic library (lbaselib.c): print, type, tostring, tonumber, ipairs, pairs, next, select, raw*,
 * metatables, assert, error, pcall/xpcall, load/loadfile/dofile, warn, collectgarbage, _G, _VERSION.
 *
 * pcall, xpcall, dofile and pairs are implemented by the VM (SpecialFunction) so that they never recurse in JS
 * and can be yielded across, as PUC's continuation-based versions can.
 *
 * collectgarbage, and the finalizer/weak-table bookkeeping of setmetatable, are runtime/gc.ts's.
 */
import { LFloat, LuaFunction, NativeFunction, NONE, rawEquals, typeName, type LuaValue } from '../runtime/value.js';
import { LuaError } from '../runtime/errors.js';
import { LuaTable, metatableChanged, tableKeyError } from '../runtime/table.js';
import { str2number, tostringNumber } from '../runtime/number.js';
import { FastNative, ITERATORS, NOFAST, SECOND } from '../runtime/fastnative.js';
import {
  argError, checkAny, checkInteger, checkString, checkTable, luaError, optInteger, optString,
  typeError, toStringCoerce,
} from '../runtime/auxlib.js';
import { FileLoadError } from '../host/host.js';
import type { LuaState } from '../runtime/state.js';
import type { State } from '../interp/state.js';
import { FastSpecial, SpecialFunction, S_PCALL, S_XPCALL, S_PASS } from '../interp/call.js';
import { MULTRET } from '../interp/callinfo.js';
import { prepareChunkText } from './package.js';
import { collectgarbage, gcSetMetatable } from '../runtime/gc.js';

const fail = [undefined];

function print(L: State, args: LuaValue[]): LuaValue[] {
  let s = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0) s += '\t';
    const v = args[i];
    // strings too: a `__tostring` on the string metatable applies (luaL_tolstring)
    s += L.tostring(v);
  }
  const out = L.stdout;
  out.write(s + '\n');
  out.settle?.();
  return NONE;
}

const SPACES = ' \f\n\r\t\v';

/** tonumber(s, base): lbaselib's b_str2int, wrapping modulo 2^64 like C's unsigned arithmetic. */
function strToInt(s: string, base: number): number | bigint | undefined {
  let i = 0;
  while (i < s.length && SPACES.includes(s[i])) i++;
  let neg = false;
  if (s[i] === '-') {
    neg = true;
    i++;
  } else if (s[i] === '+') i++;
  const digit = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : c >= 65 && c <= 90 ? c - 55 : -1);
  if (i >= s.length || digit(s.charCodeAt(i)) < 0) return undefined;
  let n = 0n;
  const b = BigInt(base);
  for (; i < s.length; i++) {
    const d = digit(s.charCodeAt(i));
    if (d < 0) break;
    if (d >= base) return undefined;
    n = (n * b + BigInt(d)) & 0xffffffffffffffffn;
  }
  while (i < s.length && SPACES.includes(s[i])) i++;
  if (i !== s.length) return undefined;
  const r = BigInt.asIntN(64, neg ? -n : n);
  return r >= -9007199254740991n && r <= 9007199254740991n ? Number(r) : r;
}

function tonumber(L: State, args: LuaValue[]): LuaValue[] {
  if (args[1] === undefined) {
    const v = args[0];
    if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat) return [v];
    if (typeof v === 'string') {
      const n = str2number(v);
      if (n !== undefined) return [n];
    }
    checkAny(L, args, 1);
    return fail;
  }
  const base = checkInteger(L, args, 2);
  const s = args[0];
  if (typeof s !== 'string') typeError(L, 1, 'string', s, args);
  if (!(base >= 2 && base <= 36)) argError(L, 2, 'base out of range');
  const n = strToInt(s, Number(base));
  return n === undefined ? fail : [n];
}

function ipairsAux(L: State, args: LuaValue[]): LuaValue[] {
  const t = args[0];
  const i0 = args[1];
  if (typeof i0 === 'number' && t instanceof LuaTable && t.metatable === undefined && Math.floor(i0) === i0 &&
    i0 < 9007199254740991) {
    // the usual step: a plain table and an integer control value (raw reads are what lua_geti does then)
    const i1 = i0 + 1;
    const v1 = t.getInt(i1);
    return v1 === undefined ? fail : [i1, v1];
  }
  let i = checkInteger(L, args, 2);
  i = typeof i === 'number' && i < 9007199254740991 ? i + 1 : BigInt.asIntN(64, BigInt(i) + 1n);
  if (typeof i === 'bigint' && i >= -9007199254740991n && i <= 9007199254740991n) i = Number(i);
  const v = t instanceof LuaTable && t.metatable === undefined && typeof i === 'number' ? t.getInt(i) : L.index(t, i);
  return v === undefined ? fail : [i, v];
}

function next(L: State, args: LuaValue[]): LuaValue[] {
  const t = checkTable(L, args, 1);
  const out: LuaValue[] = [undefined, undefined];
  return t.nextInto(args[1], out) ? out : fail;
}

function select(L: State, args: LuaValue[]): LuaValue[] {
  const n = args.length;
  const a = args[0];
  if (typeof a === 'string' && a[0] === '#') return [n - 1];
  const i0 = checkInteger(L, args, 1);
  let i = typeof i0 === 'bigint' ? (i0 < 0n ? -Infinity : Infinity) : i0;
  if (i < 0) i = n + i;
  else if (i > n) i = n;
  if (!(i >= 1)) argError(L, 1, 'index out of range');
  return args.slice(i);
}

/** select's fast entries (runtime/fastnative.ts): an integer or '#' selector and the n - 1 values after it
 * (pending results of a call included, `select('#', f())`); the start index of the results, n when none,
 * or -1 to leave the call (errors included) to the general entry. */
function selectStart(n: number, sel: LuaValue): number {
  if (typeof sel !== 'number' || Math.floor(sel) !== sel) return -1;
  const i = sel < 0 ? n + sel : sel > n ? n : sel;
  return i >= 1 ? i : -1;
}
function selectArg(i: number, a: LuaValue, b: LuaValue, c: LuaValue): LuaValue {
  return i === 1 ? a : i === 2 ? b : i === 3 ? c : undefined;
}
const selectFn = new FastNative('select', select as Fn, (_L, n, s, a, b, c) => {
  if (typeof s === 'string' && s[0] === '#') return n - 1;
  const i = selectStart(n, s);
  return i < 0 ? NOFAST : selectArg(i, a, b, c);
}, false, (_L, n, s, a, b, c) => {
  if (typeof s === 'string' && s[0] === '#') {
    SECOND.v = undefined;
    return n - 1;
  }
  const i = selectStart(n, s);
  if (i < 0) return NOFAST;
  SECOND.v = selectArg(i + 1, a, b, c);
  return selectArg(i, a, b, c);
}, (_L, n, s, a, b, c) => {
  if (typeof s === 'string' && s[0] === '#') {
    SECOND.n = 1;
    return n - 1;
  }
  const i = selectStart(n, s);
  if (i < 0) return NOFAST;
  SECOND.n = n - i;
  SECOND.v = selectArg(i + 1, a, b, c);
  SECOND.w = selectArg(i + 2, a, b, c);
  return selectArg(i, a, b, c);
});

function setmetatable(L: State, args: LuaValue[]): LuaValue[] {
  const t = checkTable(L, args, 1);
  const mt = args[1];
  if (args.length < 2 || (mt !== undefined && !(mt instanceof LuaTable))) typeError(L, 2, 'nil or table', mt, args);
  if (t.metatable !== undefined && t.metatable.getStr('__metatable') !== undefined) {
    luaError(L, 'cannot change a protected metatable');
  }
  setMt(L, t, mt as LuaTable | undefined);
  return [t];
}

function setMt(L: State, t: LuaTable, mt: LuaTable | undefined): void {
  t.metatable = mt;
  metatableChanged(t);
  gcSetMetatable(L, t, mt);
}

/** setmetatable's fast entry (runtime/fastnative.ts): a table whose metatable is not protected, and a table or
 * nil; anything else (errors included) takes the general entry. */
const setmetatableFn = new FastNative('setmetatable', setmetatable as Fn, (L, n, t, mt) => {
  if (n < 2 || !(t instanceof LuaTable) || (mt !== undefined && !(mt instanceof LuaTable))) return NOFAST;
  if (t.metatable !== undefined && t.metatable.getStr('__metatable') !== undefined) return NOFAST;
  setMt(L as State, t, mt);
  return t;
}, true);

function getmetatable(L: State, args: LuaValue[]): LuaValue[] {
  checkAny(L, args, 1);
  const mt = L.getMetatable(args[0]);
  if (mt === undefined) return fail;
  const protectedMt = mt.getStr('__metatable');
  return [protectedMt !== undefined ? protectedMt : mt];
}

function errorFn(L: State, args: LuaValue[]): LuaValue[] {
  const level = optInteger(L, args, 2, 1);
  let msg = args[0];
  if (typeof msg === 'string' && level > 0) msg = L.where(Number(level)) + msg;
  throw new LuaError(msg);
}

function assertFn(L: State, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (v !== undefined && v !== false) return args;
  checkAny(L, args, 1);
  let msg = args.length > 1 ? args[1] : 'assertion failed!';
  if (typeof msg === 'string') msg = L.where(1) + msg;
  throw new LuaError(msg);
}

function rawlen(L: State, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (v instanceof LuaTable) return [v.length()];
  if (typeof v === 'string') return [v.length];
  return typeError(L, 1, 'table or string', v, args);
}

/** Reads a whole chunk from a reader function (load's "generic reader"). */
function readAll(L: State, reader: LuaValue): string {
  let text = '';
  for (;;) {
    const r = L.call(reader, NONE)[0];
    if (r === undefined || r === '') return text;
    const piece = toStringCoerce(r);
    // luaL_error: positioned at load's caller
    if (piece === undefined) luaError(L, 'reader function must return a string');
    text += piece;
  }
}

function load(L: State, args: LuaValue[]): LuaValue[] {
  const chunk = args[0];
  const mode = optString(L, args, 3, 'bt');
  const hasEnv = args.length >= 4;
  const s = toStringCoerce(chunk);
  let text: string;
  let chunkname: string;
  if (s !== undefined) {
    text = s;
    chunkname = optString(L, args, 2, s);
  } else {
    chunkname = optString(L, args, 2, '=(load)');
    if (!(chunk instanceof LuaFunction)) typeError(L, 1, 'function', chunk, args);
    try {
      text = readAll(L, chunk);
    } catch (e) {
      if (e instanceof LuaError) return [undefined, e.value];
      throw e;
    }
  }
  const r = L.load(text, chunkname, mode, args[3], hasEnv);
  return Array.isArray(r) ? r : [r];
}

/** luaL_loadfilex: the function, or the error message. `fname` undefined reads standard input. */
function loadFile(L: State, fname: string | undefined, mode: string, env: LuaValue, hasEnv: boolean): LuaValue | [undefined, string] {
  const host = L.host;
  let data: string;
  let chunkname: string;
  if (fname === undefined) {
    chunkname = '=stdin';
    if (host === undefined) return [undefined, 'cannot read stdin: no host'];
    data = '';
    for (;;) {
      const piece = host.stdin.read(65536, 0);
      if (piece === '') break;
      data += piece;
    }
  } else {
    chunkname = '@' + fname;
    if (host === undefined) return [undefined, `cannot open ${fname}`];
    try {
      data = host.readFileOrThrow(fname);
    } catch (e) {
      if (e instanceof FileLoadError) return [undefined, `cannot ${e.op} ${fname}: ${e.text}`];
      throw e;
    }
  }
  return L.load(prepareChunkText(data), chunkname, mode, env, hasEnv);
}

function loadfile(L: State, args: LuaValue[]): LuaValue[] {
  const fname = optString(L, args, 1, undefined);
  const mode = optString(L, args, 2, 'bt');
  const r = loadFile(L, fname, mode, args[2], args.length >= 3);
  return Array.isArray(r) ? r : [r];
}

function dofilePass(L: State, args: LuaValue[]): { fn: LuaValue; args: LuaValue[]; nresults: number } {
  const fname = optString(L, args, 1, undefined);
  const r = loadFile(L, fname, 'bt', undefined, false);
  if (Array.isArray(r)) throw new LuaError(r[1]);
  return { fn: r, args: [], nresults: MULTRET };
}

function pairsPass(L: State, args: LuaValue[]): { fn: LuaValue; args: LuaValue[]; nresults: number } | LuaValue[] {
  checkAny(L, args, 1);
  const t = args[0];
  const mt = L.getMetatable(t);
  const mm = mt === undefined ? undefined : mt.getStr('__pairs');
  if (mm === undefined) return [nextFn, t, undefined];
  return { fn: mm, args: [t], nresults: 3 };
}

function warn(L: State, args: LuaValue[]): LuaValue[] {
  const n = args.length;
  checkString(L, args, 1);
  for (let i = 2; i <= n; i++) checkString(L, args, i);
  for (let i = 0; i < n - 1; i++) L.warn(toStringCoerce(args[i])!, true);
  L.warn(toStringCoerce(args[n - 1])!, false);
  return NONE;
}

type Fn = (L: State, args: LuaValue[]) => LuaValue[];

/** next's fast entry (runtime/fastnative.ts): the next key of a table, or nil at the end; an invalid key is
 * left to the general entry, which raises the error. */
const nextPair: LuaValue[] = [undefined, undefined];
function nextFast(_L: LuaState, n: number, t: LuaValue, k: LuaValue): LuaValue | typeof NOFAST {
  if (n < 1 || !(t instanceof LuaTable)) return NOFAST;
  const r = t.step(k, nextPair);
  if (r < 0) return NOFAST;
  if (r === 0) {
    SECOND.v = undefined;
    return undefined;
  }
  const key = nextPair[0];
  SECOND.v = nextPair[1]; // (for the two-result entry)
  nextPair[0] = nextPair[1] = undefined;
  return key;
}

/** next's multi-result entry (`return next(t, k)`, `local k, v, x = next(t)`): key and value, or one nil. */
function nextFastM(L: LuaState, n: number, t: LuaValue, k: LuaValue): LuaValue | typeof NOFAST {
  const r = nextFast(L, n, t, k);
  SECOND.n = r === undefined ? 1 : 2;
  return r;
}

const nextFn = new FastNative('next', next as Fn, nextFast, false, nextFast, nextFastM);

/** pairs' fast entries (runtime/fastnative.ts) for a value whose metatable has no `__pairs` (raw lookup, as
 * pairsPass does): next, the value, nil, as the general path returns them; anything else (no argument, a
 * `__pairs` to call) takes the special protocol. */
function pairsPlain(L: LuaState, n: number, t: LuaValue): boolean {
  if (n < 1) return false;
  const mt = t instanceof LuaTable ? t.metatable : L.getMetatable(t);
  return mt === undefined || mt.getStr('__pairs') === undefined;
}
const pairsEntries = {
  fast: (L: LuaState, n: number, t: LuaValue): LuaValue | typeof NOFAST => (pairsPlain(L, n, t) ? nextFn : NOFAST),
  one: false,
  fast2: (L: LuaState, n: number, t: LuaValue): LuaValue | typeof NOFAST => {
    if (!pairsPlain(L, n, t)) return NOFAST;
    SECOND.v = t;
    return nextFn;
  },
  fastm: (L: LuaState, n: number, t: LuaValue): LuaValue | typeof NOFAST => {
    if (!pairsPlain(L, n, t)) return NOFAST;
    SECOND.n = 3;
    SECOND.v = t;
    SECOND.w = undefined;
    return nextFn;
  },
};

/** Opens the basic library into the global table and returns it. */
export function openBase(L0: LuaState): LuaTable {
  const L = L0 as State;
  const G = L.globals;
  const reg = (name: string, fn: Fn): void => G.setStr(name, new NativeFunction(name, fn));
  reg('assert', assertFn);
  reg('collectgarbage', collectgarbage);
  G.setStr('dofile', new SpecialFunction('dofile', S_PASS, undefined, dofilePass));
  reg('error', errorFn);
  G.setStr('getmetatable', new FastNative('getmetatable', getmetatable as Fn, (L2, n, v) => {
    if (n < 1) return NOFAST;
    const mt = L2.getMetatable(v);
    if (mt === undefined) return undefined;
    const protectedMt = mt.getStr('__metatable');
    return protectedMt !== undefined ? protectedMt : mt;
  }, true));
  // fast entries (runtime/fastnative.ts): ipairs_aux, the value, 0, for any argument given
  G.setStr('ipairs', new FastNative('ipairs', (L2, args) => {
    checkAny(L2, args, 1);
    return [ipairsIter, args[0], 0];
  }, (_L2, n) => (n < 1 ? NOFAST : ipairsIter), false, (_L2, n, t) => {
    if (n < 1) return NOFAST;
    SECOND.v = t;
    return ipairsIter;
  }, (_L2, n, t) => {
    if (n < 1) return NOFAST;
    SECOND.n = 3;
    SECOND.v = t;
    SECOND.w = 0;
    return ipairsIter;
  }));
  reg('loadfile', loadfile);
  reg('load', load);
  G.setStr('next', nextFn);
  G.setStr('pairs', new FastSpecial('pairs', S_PASS, pairsPass, pairsEntries));
  G.setStr('pcall', new SpecialFunction('pcall', S_PCALL));
  reg('print', print);
  reg('warn', warn);
  // fast entries (runtime/fastnative.ts) for the raw accessors: a table (or a string for rawlen) and enough
  // arguments; rawset only with a valid key (nil and NaN keys raise through the general entry)
  G.setStr('rawequal', new FastNative('rawequal', (L2, args) => {
    checkAny(L2, args, 1);
    checkAny(L2, args, 2);
    return [rawEquals(args[0], args[1])];
  }, (_L2, n, a, b) => (n < 2 ? NOFAST : rawEquals(a, b)), true));
  G.setStr('rawlen', new FastNative('rawlen', rawlen as Fn, (_L2, n, v) => {
    if (v instanceof LuaTable) return v.length();
    return typeof v === 'string' ? v.length : NOFAST;
  }, true));
  G.setStr('rawget', new FastNative('rawget', (L2, args) => {
    const t = checkTable(L2, args, 1);
    checkAny(L2, args, 2);
    return [t.get(args[1])];
  }, (_L2, n, t, k) => (n < 2 || !(t instanceof LuaTable) ? NOFAST : t.get(k)), true));
  G.setStr('rawset', new FastNative('rawset', (L2, args) => {
    const t = checkTable(L2, args, 1);
    checkAny(L2, args, 2);
    checkAny(L2, args, 3);
    t.set(args[1], args[2]);
    return [t];
  }, (_L2, n, t, k, v) => {
    if (n < 3 || !(t instanceof LuaTable) || tableKeyError(k) !== undefined) return NOFAST;
    t.set(k, v);
    return t;
  }, true));
  G.setStr('select', selectFn);
  G.setStr('setmetatable', setmetatableFn);
  // fast entry (runtime/fastnative.ts): tonumber(v) without a base
  G.setStr('tonumber', new FastNative('tonumber', tonumber as Fn, (_L2, n, v, base) => {
    if (n < 1 || n > 2 || base !== undefined) return NOFAST;
    if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat) return v;
    return typeof v === 'string' ? str2number(v) : undefined;
  }, true));
  // fast entries for compiled call sites (runtime/fastnative.ts): type of anything given, tostring of a
  // string, plain number or boolean whose type has no __tostring
  G.setStr('tostring', new FastNative('tostring', (L2, args) => {
    checkAny(L2, args, 1);
    return [L2.tostring(args[0])];
  }, (L2, n, v) => {
    if (n < 1 || (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')) return NOFAST;
    const mt = L2.getMetatable(v);
    if (mt !== undefined && mt.getStr('__tostring') !== undefined) return NOFAST;
    return typeof v === 'string' ? v : typeof v === 'number' ? tostringNumber(v) : v ? 'true' : 'false';
  }, true));
  G.setStr('type', new FastNative('type', (L2, args) => {
    if (args.length === 0) argError(L2, 1, 'value expected');
    return [typeName(args[0])];
  }, (_L2, n, v) => n < 1 ? NOFAST : typeName(v), true));
  G.setStr('xpcall', new SpecialFunction('xpcall', S_XPCALL));
  G.setStr('_G', G);
  G.setStr('_VERSION', 'Lua 5.4');
  return G;
}

/** ipairs_aux's fast entry (runtime/fastnative.ts) for plain tables and integer control values: the usual
 * step of ipairsAux, the value in SECOND.v for two-result sites. */
function ipairsFast(_L: LuaState, _n: number, t: LuaValue, i0: LuaValue): LuaValue | typeof NOFAST {
  if (typeof i0 !== 'number' || !(t instanceof LuaTable) || t.metatable !== undefined || Math.floor(i0) !== i0 ||
    !(i0 < 9007199254740991)) return NOFAST;
  const i1 = i0 + 1;
  const v1 = t.getInt(i1);
  SECOND.v = v1;
  return v1 === undefined ? undefined : i1;
}

const ipairsIter = new FastNative('ipairs_aux', ipairsAux as Fn, ipairsFast, false, ipairsFast, (L, n, t, i0) => {
  const r = ipairsFast(L, n, t, i0);
  SECOND.n = r === undefined ? 1 : 2;
  return r;
});
ITERATORS.next = nextFn;
ITERATORS.ipairs = ipairsIter;
