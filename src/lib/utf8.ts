/*
 * The `utf8` library, behaving as Lua 5.4.4's lutf8lib: strings are byte strings holding UTF-8; code points go
 * up to 0x7FFFFFFF (the original 6-byte UTF-8) in lax mode, up to 0x10FFFF without surrogates in strict mode
 * (the default). Overlong encodings are always invalid.
 */
import { LuaTable } from '../runtime/table.js';
import { NativeFunction, NONE, type LuaValue } from '../runtime/value.js';
import { FastNative, NOFAST, SECOND, type FastFn } from '../runtime/fastnative.js';
import type { LuaState } from '../runtime/state.js';
import { argError, checkInteger, checkString, luaError, optInteger } from '../runtime/auxlib.js';
import { tointeger } from '../runtime/number.js';
import { MAX_RESULTS } from './strpattern.js';

const MAXUNICODE = 0x10ffff;
const MAXUTF = 0x7fffffff;

/** The smallest code point needing 1 + n continuation bytes' worth of encoding (overlong check). */
const LIMITS = [Infinity, 0x80, 0x800, 0x10000, 0x200000, 0x4000000];

/** SHIFT5[n] = 2^(5n): decode's shift of a lead byte's payload (a table: `2 **` is a float power, slow). The
 * loop over a lead byte reads at most 7 continuation bytes (0xFF). */
const SHIFT5 = [1, 2 ** 5, 2 ** 10, 2 ** 15, 2 ** 20, 2 ** 25, 2 ** 30, 2 ** 35];

/** A byte pattern matching one UTF-8 sequence. */
const CHARPATTERN = '[\0-\x7F\xC2-\xFD][\x80-\xBF]*';

export function openUtf8(L: LuaState): LuaTable {
  const lib = new LuaTable();
  const iterStrict = codesIterator(true);
  const iterLax = codesIterator(false);
  const fns: [string, (L: LuaState, args: LuaValue[]) => LuaValue[]][] = [
    ['offset', byteOffset], ['codepoint', codepoint], ['char', utfChar], ['len', utfLen],
    ['codes', (L2, args) => {
      const lax = args[1] !== undefined && args[1] !== false;
      const s = checkString(L2, args, 1);
      return [lax ? iterLax : iterStrict, s, 0];
    }],
  ];
  for (const [name, fn] of fns) lib.setStr(name, new NativeFunction(name, fn));
  lib.setStr('charpattern', CHARPATTERN);
  void L;
  return lib;
}

/* ------------------------------------------------------------------------------------------------- helpers */

/** u_posrelat: negative positions count from the end (-1 = last byte); too negative gives 0. */
function posRelat(v: number | bigint, len: number): number {
  const p = typeof v === 'number' ? v : Number(v);
  if (p >= 0) return p;
  if (-p > len) return 0;
  return len + p + 1;
}

function isCont(s: string, i: number): boolean {
  return (s.charCodeAt(i) & 0xc0) === 0x80;
}

/** The code decoded by the last successful decode(). */
let decoded = 0;

/** Decodes the sequence at s[i]: the position after it (and the code in `decoded`), or -1 if invalid.
 * Past the end, charCodeAt gives NaN, which is no continuation byte (like C's '\0' terminator). */
function decode(s: string, i: number, strict: boolean): number {
  let c = s.charCodeAt(i);
  let res: number;
  if (c < 0x80) {
    res = c;
  } else {
    let count = 0;
    res = 0;
    for (; c & 0x40; c <<= 1) { // while the lead byte asks for more continuation bytes
      const cc = s.charCodeAt(i + ++count);
      if ((cc & 0xc0) !== 0x80) return -1;
      res = res * 64 + (cc & 0x3f);
    }
    res += (c & 0x7f) * SHIFT5[count]; // the lead byte's payload bits, shifted back into place
    if (count > 5 || res > MAXUTF || res < LIMITS[count]) return -1;
    i += count;
  }
  if (strict && (res > MAXUNICODE || (res >= 0xd800 && res <= 0xdfff))) return -1;
  decoded = res;
  return i + 1;
}

/** luaO_utf8esc: the UTF-8 bytes of x (<= 0x7FFFFFFF), up to 6 of them. */
export function utf8Encode(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  let out = '';
  let mfb = 0x3f; // the largest payload that still fits in the lead byte
  do {
    out = String.fromCharCode(0x80 | (x & 0x3f)) + out;
    x = Math.floor(x / 64);
    mfb >>= 1;
  } while (x > mfb);
  return String.fromCharCode(((~mfb << 1) | x) & 0xff) + out;
}

/* ---------------------------------------------------------------------------------------------- functions */

/** utf8.len(s [, i [, j [, lax]]]): characters starting in [i, j], or fail plus the first invalid position. */
function utfLen(L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(L, args, 1);
  const len = s.length;
  let posi = posRelat(optInteger(L, args, 2, 1), len);
  let posj = posRelat(optInteger(L, args, 3, -1), len);
  const lax = args[3] !== undefined && args[3] !== false;
  if (!(1 <= posi && --posi <= len)) argError(L, 2, 'initial position out of bounds');
  if (!(--posj < len)) argError(L, 3, 'final position out of bounds');
  let n = 0;
  while (posi <= posj) {
    const next = decode(s, posi, !lax);
    if (next < 0) return [undefined, posi + 1];
    posi = next;
    n++;
  }
  return [n];
}

/** utf8.codepoint(s [, i [, j [, lax]]]): the codes of the characters starting in [i, j]. */
function codepoint(L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(L, args, 1);
  const len = s.length;
  const iv = optInteger(L, args, 2, 1);
  const posi = posRelat(iv, len);
  const pose = posRelat(optInteger(L, args, 3, posi), len);
  const lax = args[3] !== undefined && args[3] !== false;
  if (!(posi >= 1)) argError(L, 2, 'out of bounds');
  if (!(pose <= len)) argError(L, 3, 'out of bounds');
  if (posi > pose) return NONE;
  if (pose - posi + 1 > MAX_RESULTS) luaError(L, 'stack overflow (string slice too long)');
  const out: LuaValue[] = [];
  for (let i = posi - 1; i < pose;) {
    i = decode(s, i, !lax);
    if (i < 0) luaError(L, 'invalid UTF-8 code');
    out.push(decoded);
  }
  return out;
}

/** utf8.char(...): the UTF-8 encoding of each code. */
function utfChar(L: LuaState, args: LuaValue[]): LuaValue[] {
  let out = '';
  const n = args.length;
  for (let i = 1; i <= n; i++) {
    const c = checkInteger(L, args, i);
    if (!(c >= 0 && c <= MAXUTF)) argError(L, i, 'value out of range'); // negatives are huge unsigned
    out += utf8Encode(Number(c));
  }
  return [out];
}

/** utf8.offset(s, n [, i]): the byte position where the n-th character counting from position i starts. */
function byteOffset(L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(L, args, 1);
  const len = s.length;
  const nv = checkInteger(L, args, 2);
  let n = typeof nv === 'number' ? nv : Number(nv);
  let posi = posRelat(optInteger(L, args, 3, n >= 0 ? 1 : len + 1), len);
  if (!(1 <= posi && --posi <= len)) argError(L, 3, 'position out of bounds');
  if (n === 0) {
    while (posi > 0 && isCont(s, posi)) posi--; // the start of the character containing posi
  } else {
    if (isCont(s, posi)) luaError(L, 'initial position is a continuation byte');
    if (n < 0) {
      while (n < 0 && posi > 0) { // move back
        do posi--; while (posi > 0 && isCont(s, posi));
        n++;
      }
    } else {
      n--; // the first character is the one at posi
      while (n > 0 && posi < len) {
        do posi++; while (isCont(s, posi));
        n--;
      }
    }
  }
  return n === 0 ? [posi + 1] : [undefined];
}

/** utf8.codes' iterator, with fast entries for compiled `for p, c in utf8.codes(s)` loops (the general entry
 * costs an argument array, a result array and a call record per character). */
function codesIterator(strict: boolean): FastNative {
  const fast2: FastFn = (_L, n, s, ctl) => {
    const p = n === 2 && typeof s === 'string' ? iterStep(s, ctl, strict) : -1;
    if (p < 0) return NOFAST;
    if (p === 0) {
      SECOND.v = undefined;
      return undefined;
    }
    SECOND.v = decoded;
    return p;
  };
  const fast1: FastFn = (_L, n, s, ctl) => {
    const p = n === 2 && typeof s === 'string' ? iterStep(s, ctl, strict) : -1;
    return p < 0 ? NOFAST : p === 0 ? undefined : p;
  };
  return new FastNative('for iterator', (L2, args) => iterAux(L2, args, strict), fast1, false, fast2);
}

/** iterAux's step for an integer control value `ctl` (a JS number): the next position (1-based, its code in
 * `decoded`), 0 at the end, or -1 when the general entry must run (another control value, an invalid
 * sequence: it raises). */
function iterStep(s: string, ctl: LuaValue, strict: boolean): number {
  if (typeof ctl !== 'number' || Math.floor(ctl) !== ctl) return -1;
  let n = ctl;
  if (n < 0) return 0; // huge as an unsigned
  const len = s.length;
  if (n < len) {
    while (isCont(s, n)) n++;
  }
  if (n >= len) return 0;
  return decode(s, n, strict) < 0 ? -1 : n + 1;
}

/** The iterator of utf8.codes: from the previous position, skip its continuation bytes, decode the next. */
function iterAux(L: LuaState, args: LuaValue[], strict: boolean): LuaValue[] {
  const s = checkString(L, args, 1);
  const len = s.length;
  const iv = tointeger(args[1]);
  let n = iv === undefined ? 0 : typeof iv === 'number' ? iv : Number(iv);
  if (n < 0) return NONE; // huge as an unsigned
  if (n < len) {
    while (isCont(s, n)) n++;
  }
  if (n >= len) return NONE;
  const next = decode(s, n, strict);
  if (next < 0) luaError(L, 'invalid UTF-8 code');
  return [n + 1, decoded];
}
