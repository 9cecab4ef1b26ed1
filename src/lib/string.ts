/*
 * The `string` library and the string metatable, behaving as Lua 5.4.4's lstrlib.
 *
 * Strings are JS strings of bytes (char codes 0..255). Case mapping is the C locale's: only 'a'..'z' and
 * 'A'..'Z' change (never JS toUpperCase on non-ASCII text, which would map 'ÿ' out of the byte range).
 * The pattern functions live in strpattern.ts, string.format in strformat.ts, pack/unpack in strpack.ts.
 *
 * The string metatable has `__index` = the string table, plus the arithmetic metamethods through which Lua
 * 5.4 coerces numeric strings in arithmetic ("10" + 1 == 11); bitwise operators have no string metamethods.
 */
import { gcAllocated } from '../runtime/gc.js';
import { LuaTable } from '../runtime/table.js';
import { LFloat, LuaFunction, NativeFunction, typeName, type LuaValue } from '../runtime/value.js';
import type { ArithOp, LuaState } from '../runtime/state.js';
import {
  argError, checkInteger, checkString, luaError, optInteger, optString, typeError,
} from '../runtime/auxlib.js';
import { arithNum, str2number } from '../runtime/number.js';
import { LuaError } from '../runtime/errors.js';
import { Proto } from '../compiler/proto.js';
import { dump } from '../compiler/dump.js';
import { MAX_RESULTS, findEntry, gsubEntry, gsubReplace, startPos, strFind, strGmatch, strGsub } from './strpattern.js';
import { formatEntry, strFormat } from './strformat.js';
import { strPack, strPackSize, strUnpack } from './strpack.js';
import { FastNative, NOFAST, SECOND, viaArgs, viaArgs2, type FastFn } from '../runtime/fastnative.js';

type Fn = (L: LuaState, args: LuaValue[]) => LuaValue[];

/** C's INT_MAX: the largest string string.rep may build (lstrlib's MAXSIZE). */
const MAX_SIZE = 2147483647;
/** The longest string V8 can hold; beyond it PUC would run out of memory rather than refuse. */
const MAX_JS_STRING = 536870888;

/** What string.dump needs from the engine: the binary chunk of a Lua function, or undefined for functions that
 * cannot be dumped (native ones). Not part of the LuaState contract yet; when the engine does not provide it,
 * a function value carrying its prototype in `p` (the interpreter's LuaClosure) is dumped with the compiler's
 * chunk writer. */
interface DumpHook {
  dumpFunction?(fn: LuaFunction, strip: boolean): string | undefined;
}

export function openString(L: LuaState): LuaTable {
  const lib = new LuaTable();
  const fns: [string, Fn][] = [
    ['byte', strByte], ['char', strChar], ['dump', strDump], ['find', (L2, a) => strFind(L2, a, true)],
    ['format', strFormat], ['gmatch', strGmatch], ['gsub', strGsub], ['len', strLen], ['lower', strLower],
    ['match', (L2, a) => strFind(L2, a, false)], ['rep', strRep], ['reverse', strReverse], ['sub', strSub],
    ['upper', strUpper], ['pack', strPack], ['packsize', strPackSize], ['unpack', strUnpack],
  ];
  for (const [name, fn] of fns) {
    const fast = FAST[name];
    lib.setStr(name, fast !== undefined ? new FastNative(name, fn, fast, ONE.has(name), FAST2[name], FASTM[name]) : new NativeFunction(name, fn));
  }
  L.setTypeMetatable('string', stringMetatable(L, lib));
  warmFormat(L);
  return lib;
}

/* ------------------------------------------------------------------------------------------ fast entries */

/* Entries for compiled call sites wanting at most one result (runtime/fastnative.ts: the common argument
 * types, exactly as the general functions treat them; NOFAST for anything else, before any effect). */

const findFast = viaArgs((L, a) => strFind(L, a, true));
const matchFast = viaArgs((L, a) => strFind(L, a, false));
const gsubFast = viaArgs(strGsub);
const formatFast = viaArgs(strFormat);

/** A value that luaL_tolstring (string.format's %s) turns into text without calling Lua: a string or a
 * number whose type has no __tostring. */
function plainText(L: LuaState, v: LuaValue, given: boolean): boolean {
  if (!given) return true;
  // nil too: debug.setmetatable(nil, mt) can give it a __tostring
  if (typeof v !== 'string' && typeof v !== 'number' && v !== undefined && typeof v !== 'bigint' && !(v instanceof LFloat)) return false;
  const mt = L.getMetatable(v);
  return mt === undefined || mt.getStr('__tostring') === undefined;
}

/** Runs string.format's fast entry on the rare number kinds (boxed integral floats, big integers) once, before
 * any compiled code inlines it: a branch that first runs inside optimised code deoptimises the whole caller
 * (V8: insufficient type feedback), which recompiles it. No effects. */
let formatWarmed = false;

function warmFormat(L: LuaState): void {
  if (formatWarmed) return; // V8's feedback belongs to the process, not to a state
  formatWarmed = true;
  const fmt = FAST.format!;
  for (let k = 0; k < 16; k++) {
    fmt(L, 2, '%d', new LFloat(2), undefined, undefined);
    fmt(L, 2, '%.14g', new LFloat(2), undefined, undefined);
    fmt(L, 2, '%d', 2n ** 62n, undefined, undefined);
  }
}

/** Fast entries that always stand for exactly one result (FastNative.one). */
const ONE = new Set(['len', 'sub', 'upper', 'lower', 'reverse', 'rep', 'format', 'char']);

/** A byte value argument of string.char (an integer 0..255), else -1. */
function byteArg(v: LuaValue): number {
  return typeof v === 'number' && v >= 0 && v <= 255 && Math.floor(v) === v ? v : -1;
}

const find2 = viaArgs2((L, a) => strFind(L, a, true));
const match2 = viaArgs2((L, a) => strFind(L, a, false));

/** find/match answers that need no matcher (strpattern.ts findEntry) first, then `general`. */
function fixedFirst(fixed: FastFn, general: FastFn): FastFn {
  return (L, n, a, b, c, d) => {
    const r = fixed(L, n, a, b, c, d);
    return r !== NOFAST ? r : general(L, n, a, b, c, d);
  };
}
const findFixed = findEntry(true);
const matchFixed = findEntry(false);
const gsub2 = viaArgs2(strGsub);

/** Two-result entries (FastNative.fast2) of functions that are not `one`. */
const FAST2: Record<string, FastFn | undefined> = {
  find: fixedFirst(findFixed, find2),
  match: fixedFirst(matchFixed, match2),
  gsub: fixedFirst(gsubEntry, (L, n, s, p, r, m) => typeof r === 'string' || typeof r === 'number' ||
    (r instanceof LuaTable && r.metatable === undefined) ? gsub2(L, n, s, p, r, m) : NOFAST),
};

/** Multi-result entries (FastNative.fastm: up to three results, count in SECOND.n). */
const FASTM: Record<string, FastFn | undefined> = {
  // byte(s [, i [, j]]) with integer positions spanning at most three bytes, as strByte clips them
  byte: (_L, n, s, i, j) => {
    if (typeof s !== 'string' || n > 3) return NOFAST;
    const i0 = n < 2 || i === undefined ? 1 : i;
    if (typeof i0 !== 'number' || Math.floor(i0) !== i0) return NOFAST;
    const j0 = n < 3 || j === undefined ? i0 : j;
    if (typeof j0 !== 'number' || Math.floor(j0) !== j0) return NOFAST;
    const l = s.length;
    const posi = startPos(i0, l);
    const pose = j0 > l ? l : j0 >= 0 ? j0 : j0 < -l ? 0 : l + j0 + 1;
    const k = posi > pose ? 0 : pose - posi + 1;
    if (k > 3) return NOFAST;
    SECOND.n = k;
    if (k > 1) SECOND.v = s.charCodeAt(posi);
    if (k > 2) SECOND.w = s.charCodeAt(posi + 1);
    return k > 0 ? s.charCodeAt(posi - 1) : undefined;
  },
  // gsub always returns two results (`select(2, s:gsub(p, r))`, `return s:gsub(p, r)`)
  gsub: (L, n, s, p, r, m) => {
    const v = FAST2.gsub!(L, n, s, p, r, m);
    SECOND.n = 2;
    return v;
  },
};

const FAST: Record<string, FastFn | undefined> = {
  len: (_L, _n, s) => typeof s === 'string' ? s.length : NOFAST,
  char: (_L, n, a, b, c, d) => {
    const x = n > 0 ? byteArg(a) : 0, y = n > 1 ? byteArg(b) : 0, z = n > 2 ? byteArg(c) : 0, w = n > 3 ? byteArg(d) : 0;
    if (x < 0 || y < 0 || z < 0 || w < 0) return NOFAST;
    return n === 1 ? String.fromCharCode(x) : n === 2 ? String.fromCharCode(x, y) : n === 3 ? String.fromCharCode(x, y, z)
      : n === 4 ? String.fromCharCode(x, y, z, w) : '';
  },
  sub: (_L, n, s, i, j) => {
    if (typeof s !== 'string' || typeof i !== 'number' || Math.floor(i) !== i || n > 3) return NOFAST;
    if (j !== undefined && (typeof j !== 'number' || Math.floor(j) !== j)) return NOFAST;
    const l = s.length;
    const start = startPos(i, l);
    const end = j === undefined ? l : j > l ? l : j >= 0 ? j : j < -l ? 0 : l + j + 1;
    return start <= end ? s.slice(start - 1, end) : '';
  },
  byte: (_L, n, s, i) => {
    if (typeof s !== 'string' || n > 2) return NOFAST;
    const i0 = i === undefined ? 1 : i;
    if (typeof i0 !== 'number' || Math.floor(i0) !== i0) return NOFAST;
    // one position: its byte, or no result (nil) outside the string, as strByte's range logic gives
    const l = s.length;
    const k = i0 < 0 ? l + i0 + 1 : i0;
    return k >= 1 && k <= l ? s.charCodeAt(k - 1) : undefined;
  },
  upper: (_L, _n, s) => typeof s === 'string' ? upper(s) : NOFAST,
  lower: (_L, _n, s) => typeof s === 'string' ? lower(s) : NOFAST,
  reverse: (_L, _n, s) => typeof s === 'string' && s.length <= 4096 ? reverse(s) : NOFAST,
  rep: (L, n, s, k, sep) => {
    if (typeof s !== 'string' || typeof k !== 'number' || Math.floor(k) !== k) return NOFAST;
    if (n > 2 && typeof sep !== 'string' && sep !== undefined) return NOFAST;
    const sp = typeof sep === 'string' ? sep : '';
    if (k <= 0) return '';
    const unit = s.length + sp.length;
    if (unit > Math.floor(MAX_SIZE / k)) return NOFAST;
    if (unit === 0) return '';
    const total = k * s.length + (k - 1) * sp.length;
    if (total > MAX_JS_STRING) return NOFAST;
    gcAllocated(L, total);
    return sp.length === 0 ? s.repeat(k) : (s + sp).repeat(k - 1) + s;
  },
  find: fixedFirst(findFixed, findFast),
  match: fixedFirst(matchFixed, matchFast),
  // replacement functions and metatables call Lua: only strings, numbers and plain tables here
  gsub: fixedFirst(gsubEntry, (L, n, s, p, r, m) => {
    if (typeof r === 'string') {
      const v = gsubReplace(n, s, p, r);
      if (v !== NOFAST) return v;
    }
    return typeof r === 'string' || typeof r === 'number' || (r instanceof LuaTable && r.metatable === undefined)
      ? gsubFast(L, n, s, p, r, m) : NOFAST;
  }),
  format: (L, n, f, a, b, c) => {
    const r = formatEntry(L, n, f, a, b, c);
    if (r !== NOFAST) return r;
    return plainText(L, a, n > 1) && plainText(L, b, n > 2) && plainText(L, c, n > 3)
      ? formatFast(L, n, f, a, b, c) : NOFAST;
  },
};

/* ------------------------------------------------------------------------------------------ basic functions */

function strLen(L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = args[0];
  return [typeof s === 'string' ? s.length : checkString(L, args, 1).length];
}

/** getendpos: an optional 1-based end position, negative from the end, clipped to [0, len]. */
function endPos(L: LuaState, args: LuaValue[], i: number, def: number | bigint, len: number): number {
  const v = optInteger(L, args, i, def);
  const p = typeof v === 'number' ? v : Number(v);
  if (p > len) return len;
  if (p >= 0) return p;
  if (p < -len) return 0;
  return len + p + 1;
}

function strSub(L: LuaState, args: LuaValue[]): LuaValue[] {
  const s0 = args[0], i0 = args[1], j0 = args[2];
  if (typeof s0 === 'string' && typeof i0 === 'number' && Math.floor(i0) === i0 && args.length <= 3 &&
    (j0 === undefined || (typeof j0 === 'number' && Math.floor(j0) === j0))) {
    // integer positions (JS numbers): the same clipping as startPos/endPos, without the argument checks
    const l = s0.length;
    const start = startPos(i0, l);
    const end = j0 === undefined ? l : j0 > l ? l : j0 >= 0 ? j0 : j0 < -l ? 0 : l + j0 + 1;
    return [start <= end ? s0.slice(start - 1, end) : ''];
  }
  const s = checkString(L, args, 1);
  const l = s.length;
  const start = startPos(checkInteger(L, args, 2), l);
  const end = endPos(L, args, 3, -1, l);
  return [start <= end ? s.slice(start - 1, end) : ''];
}

function strReverse(L: LuaState, args: LuaValue[]): LuaValue[] {
  return [reverse(checkString(L, args, 1))];
}

/** A decoder of bytes into a byte string when the host has an exact one, else null. The Encoding standard
 * makes 'latin1' a label of windows-1252 (0x80..0x9f decode elsewhere), but Node decodes it as ISO-8859-1,
 * byte = char code: so it is checked once on all 256 bytes. */
const LATIN1: { decode(b: Uint8Array): string } | null = (() => {
  try {
    const d = new TextDecoder('latin1');
    const b = new Uint8Array(256);
    for (let i = 0; i < 256; i++) b[i] = i;
    const t = d.decode(b);
    if (t.length !== 256) return null;
    for (let i = 0; i < 256; i++) if (t.charCodeAt(i) !== i) return null;
    return d;
  } catch {
    return null;
  }
})();

/** Node's Buffer, when the host has it (its latin1 copies and Uint8Array's reverse are native). */
const NODE_BUFFER: typeof Buffer | null = typeof Buffer === 'function' && typeof Buffer.allocUnsafe === 'function'
  ? Buffer : null;
let revNodeBuf: Buffer | null = null;

/** reverse's byte buffer (grown as needed, kept: string.reverse is often called on strings of one size). */
let revBuf = new Uint8Array(256);

function reverse(s: string): string {
  const n = s.length;
  if (n < 24) {
    let r = '';
    for (let i = n - 1; i >= 0; i--) r += s[i];
    return r;
  }
  if (NODE_BUFFER !== null && n >= 256) { // native copies and reversal: ~6 instructions a byte against ~40
    let b = revNodeBuf;
    if (b === null || b.length < n) {
      b = NODE_BUFFER.allocUnsafe(Math.max(n, 4096));
      if (n <= 65536) revNodeBuf = b; // a big one is not kept
    }
    b.write(s, 0, n, 'latin1');
    b.subarray(0, n).reverse();
    return b.toString('latin1', 0, n);
  }
  if (LATIN1 !== null && n <= 1 << 20) { // 3-4x the chunked fromCharCode below
    if (revBuf.length < n && n <= 65536) revBuf = new Uint8Array(Math.max(n, revBuf.length * 2));
    const b = n <= revBuf.length ? revBuf : new Uint8Array(n); // a big one is not kept
    for (let k = 0, j = n - 1; j >= 0; k++, j--) b[k] = s.charCodeAt(j);
    return LATIN1.decode(b.subarray(0, n));
  }
  let out = '';
  // Reversed chunks of up to 4096 chars keep the concatenation rope shallow and apply() within limits.
  const codes: number[] = [];
  for (let i = s.length; i > 0; i -= 4096) {
    codes.length = 0;
    for (let j = i - 1; j >= 0 && j >= i - 4096; j--) codes.push(s.charCodeAt(j));
    out += String.fromCharCode.apply(null, codes);
  }
  return out;
}

const HAS_HIGH = /[\x80-\xff]/;

/** The UTF-8 length of a string, when the host has a native count (Node's Buffer.byteLength): a byte string
 * has a byte >= 0x80 exactly when that length exceeds its char count (each such byte takes two UTF-8 bytes).
 * Measured on 3 KB strings: ~5k instructions against ~24k for HAS_HIGH.test. */
const utf8Length: ((s: string) => number) | null = NODE_BUFFER !== null &&
  typeof NODE_BUFFER.byteLength === 'function' && NODE_BUFFER.byteLength('\xff\x7f', 'utf8') === 3
  ? (s) => NODE_BUFFER.byteLength(s, 'utf8') : null;

/** Does s have a byte >= 0x80? (A loop: cheaper than a regular expression on the short strings usual here.) */
function hasHigh(s: string): boolean {
  const n = s.length;
  if (n > 64) return utf8Length !== null ? utf8Length(s) !== n : HAS_HIGH.test(s);
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) >= 0x80) return true;
  return false;
}

function strLower(L: LuaState, args: LuaValue[]): LuaValue[] {
  const s0 = args[0];
  return [lower(typeof s0 === 'string' ? s0 : checkString(L, args, 1))];
}

/** C-locale case maps of every byte: only A-Z / a-z change (high bytes never do, whatever JS thinks). */
const LOWER = new Uint8Array(256);
const UPPER = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
  UPPER[c] = c >= 97 && c <= 122 ? c - 32 : c;
}

const fromCodes = String.fromCharCode;

/** Codes of the string being mapped by mapShort. */
const CODES = new Uint8Array(12);

/** `s` (1 to 12 bytes) mapped byte by byte through `m`, as one flat one-byte string, or undefined for other
 * lengths. Short strings are the usual case (words, keys): toUpperCase/toLowerCase cost a runtime call
 * (~60 ns for 7 bytes) where fromCharCode with the codes as arguments builds the string directly. (The codes
 * go through CODES, read by one loop: a charCodeAt per argument made TurboFan take ~100 ms to compile this.) */
function mapShort(s: string, m: Uint8Array): string | undefined {
  const n = s.length;
  if (n > 12) return undefined;
  const b = CODES;
  for (let i = 0; i < n; i++) b[i] = m[s.charCodeAt(i)];
  switch (n) {
    case 1: return fromCodes(b[0]);
    case 2: return fromCodes(b[0], b[1]);
    case 3: return fromCodes(b[0], b[1], b[2]);
    case 4: return fromCodes(b[0], b[1], b[2], b[3]);
    case 5: return fromCodes(b[0], b[1], b[2], b[3], b[4]);
    case 6: return fromCodes(b[0], b[1], b[2], b[3], b[4], b[5]);
    case 7: return fromCodes(b[0], b[1], b[2], b[3], b[4], b[5], b[6]);
    case 8: return fromCodes(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
    case 9: return fromCodes(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8]);
    case 10: return fromCodes(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9]);
    case 11: return fromCodes(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10]);
    case 12: return fromCodes(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11]);
  }
  return undefined;
}

/** On pure ASCII, JS case mapping is exactly C's; otherwise map only the ASCII letters. */
function lower(s: string): string {
  const r = mapShort(s, LOWER);
  if (r !== undefined) return r;
  return hasHigh(s) ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s.toLowerCase();
}

function strUpper(L: LuaState, args: LuaValue[]): LuaValue[] {
  const s0 = args[0];
  return [upper(typeof s0 === 'string' ? s0 : checkString(L, args, 1))];
}

function upper(s: string): string {
  const r = mapShort(s, UPPER);
  if (r !== undefined) return r;
  return hasHigh(s) ? s.replace(/[a-z]+/g, (m) => m.toUpperCase()) : s.toUpperCase();
}

function strRep(L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(L, args, 1);
  const nv = checkInteger(L, args, 2);
  const sep = optString(L, args, 3, '');
  const n = typeof nv === 'number' ? nv : Number(nv);
  if (n <= 0) return [''];
  const unit = s.length + sep.length;
  if (unit > Math.floor(MAX_SIZE / n)) luaError(L, 'resulting string too large');
  if (unit === 0) return [''];
  const total = n * s.length + (n - 1) * sep.length;
  if (total > MAX_JS_STRING) throw new LuaError('not enough memory');
  gcAllocated(L, total); // "count" and the collector's pacing see big strings, as PUC's allocator does
  if (sep.length === 0) return [s.repeat(n)];
  return [(s + sep).repeat(n - 1) + s];
}

function strByte(L: LuaState, args: LuaValue[]): LuaValue[] {
  const s0 = args[0];
  if (typeof s0 === 'string' && args.length <= 2) {
    // one byte at an integer position inside the string (the default j is i)
    const i0 = args.length === 1 ? 1 : args[1];
    if (typeof i0 === 'number') {
      const l = s0.length;
      const i = i0 < 0 ? l + i0 + 1 : i0;
      if (i >= 1 && i <= l && Math.floor(i) === i) return [s0.charCodeAt(i - 1)];
    }
  }
  const s = checkString(L, args, 1);
  const l = s.length;
  const pi = optInteger(L, args, 2, 1);
  const posi = startPos(pi, l);
  const pose = endPos(L, args, 3, pi, l);
  if (posi > pose) return [];
  const n = pose - posi + 1;
  if (n > MAX_RESULTS) luaError(L, 'stack overflow (string slice too long)');
  const out: LuaValue[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = s.charCodeAt(posi - 1 + i);
  return out;
}

function strChar(L: LuaState, args: LuaValue[]): LuaValue[] {
  const n = args.length;
  const codes: number[] = new Array(n);
  for (let i = 1; i <= n; i++) {
    const v = args[i - 1];
    const c = typeof v === 'number' && Math.floor(v) === v ? v : checkInteger(L, args, i);
    if (!(c >= 0 && c <= 255)) argError(L, i, 'value out of range'); // negatives are huge as unsigned
    codes[i - 1] = Number(c);
  }
  return [codesToString(codes)];
}

/** A byte string from an array of byte values (in chunks: apply() has an argument limit). */
export function codesToString(codes: number[]): string {
  if (codes.length <= 8192) return String.fromCharCode.apply(null, codes);
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) {
    out += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
  }
  return out;
}

function strDump(L: LuaState, args: LuaValue[]): LuaValue[] {
  const fn = args[0];
  const strip = args[1] !== undefined && args[1] !== false;
  if (!(fn instanceof LuaFunction)) typeError(L, 1, 'function', fn, args);
  const bytes = dumpOf(L, fn, strip);
  if (bytes === undefined) luaError(L, 'unable to dump given function');
  return [bytes];
}

function dumpOf(L: LuaState, fn: LuaFunction, strip: boolean): string | undefined {
  const hook = (L as LuaState & DumpHook).dumpFunction;
  if (hook !== undefined) return hook.call(L, fn, strip);
  const p = (fn as { p?: unknown }).p;
  return p instanceof Proto ? dump(p, strip) : undefined;
}

/* ---------------------------------------------------------------------------------- the string metatable */

/** The metatable shared by all strings: `__index` = the string library, arithmetic on numeric strings. */
export function stringMetatable(L: LuaState, stringTable: LuaTable): LuaTable {
  const mt = new LuaTable();
  const ops: ArithOp[] = ['add', 'sub', 'mul', 'mod', 'pow', 'div', 'idiv', 'unm'];
  for (const op of ops) {
    const event = '__' + op;
    mt.setStr(event, new NativeFunction(event, (L2, args) => stringArith(L2, args, op, event)));
  }
  mt.setStr('__index', stringTable);
  void L;
  return mt;
}

/** lstrlib's tonum: a number, or a string that is entirely a numeral. */
function toNum(v: LuaValue): number | bigint | LuaValue | undefined {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'string') return str2number(v);
  return typeName(v) === 'number' ? v : undefined;
}

function stringArith(L: LuaState, args: LuaValue[], op: ArithOp, event: string): LuaValue[] {
  const a = toNum(args[0]);
  const b = a === undefined ? undefined : toNum(args[1]);
  if (a !== undefined && b !== undefined) return [arithNum(op, a as never, b as never)];
  return [tryMetamethod(L, args[0], args[1], event)];
}

/** trymt: the second operand's metamethod, when it is not a string; else "attempt to add a 'x' with a 'y'". */
function tryMetamethod(L: LuaState, a: LuaValue, b: LuaValue, event: string): LuaValue {
  const mt = typeof b === 'string' ? undefined : L.getMetatable(b);
  const h = mt === undefined ? undefined : mt.get(event);
  if (h === undefined) {
    luaError(L, `attempt to ${event.slice(2)} a '${typeName(a)}' with a '${typeName(b)}'`);
  }
  return L.call(h, [a, b])[0];
}
