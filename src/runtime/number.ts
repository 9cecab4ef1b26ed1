/*
 * Lua 5.4 number semantics on Moonrise's value representation (see value.ts):
 *   integer = integral JS number within +-(2^53-1), or an int64-wrapped bigint outside that range;
 *   float   = non-integral JS number (incl. NaN), or an LFloat box for integral values (1.0, -0.0, inf, 2^63).
 * Every function here returns canonical values (never a bigint in the safe range, never a box around a
 * non-integral float, never an integer -0).
 *
 * What the VM / JIT should call:
 *   - Arithmetic on two values already known to be numbers (after its own inline fast cases):
 *       arithNum(op, a, b)               generic entry (b ignored for 'unm' and 'bnot')
 *       addNum subNum mulNum divNum powNum modNum idivNum unmNum
 *       bandNum borNum bxorNum shlNum shrNum bnotNum     the same, one function per operator
 *     Each has the both-JS-numbers case first; bigint/LFloat work happens in named slow functions.
 *     Strings are NOT numbers here: string arithmetic goes through the string metatable (lstrlib-style).
 *   - Errors: these functions throw NumberOpError (a LuaError subclass) WITHOUT a position prefix:
 *       kind 'divzero'  "attempt to divide by zero"         (integer // 0)
 *       kind 'modzero'  "attempt to perform 'n%0'"           (integer % 0)
 *       kind 'noint'    "number has no integer representation"   (bitwise op on 2.5, 2^63, nan...)
 *     PUC-Lua raises them with luaG_runerror, i.e. prefixed with "chunk:line:" of the running Lua function,
 *     and for 'noint' with the variable info of the offending operand inserted after "number"
 *     ("number (local 'x') has no integer representation"; `operand` says which: 1 = a, 2 = b).
 *     So the VM catches NumberOpError in its arithmetic slow path and rethrows
 *       new LuaError(where + (e.kind === 'noint' ? 'number' + varinfo(operand) + ' has no integer representation' : e.message)).
 *     Raised un-decorated (e.g. from a native function), it is still a proper Lua error.
 *   - Comparisons of two numbers: numLessThan, numLessEqual, numEquals (exact across int/float/bigint).
 *   - Conversions: tointeger (OP_FORPREP, table keys, lua_tointeger incl. strings), flttointeger (float to int
 *     with 'eq' | 'floor' | 'ceil' rounding: for-loop limits, table keys), tonumber (lua_tonumber incl. strings),
 *     str2number (lua_stringtonumber; also what the lexer's numerals mean), tostringNumber (tostring/print/..).
 *   - Printf-style float formatting for string.format: formatG, formatE, formatF, formatA (exact, as glibc,
 *     ties included; they return the sign for negatives and -0, and leave flags/width to the caller).
 *   - `^` is powNum (a*a for b == 2, else libm.ts's pow, which gives glibc's results: V8's Math.pow differs in
 *     the last bit for a few percent of arguments); cpow is the same on doubles, for constant folding.
 *   - fltMod / fmodNaN: float `%` and C fmod with glibc's NaN signs (V8's own fmod returns +nan).
 *   - fmod: JS `x % y` (C fmod) exactly, without V8's call into C for operands that are not int32 (generated
 *     code and the `%` here use it: the call costs ~20 ns, as much as the rest of a small Lua function).
 *   - DEFAULT_NAN: the NaN x86 produces for invalid operations (prints "-nan"); use it, never the `NaN` literal,
 *     when a NaN must be made from scratch.
 *
 * NaN sign: PUC-Lua on x86-64 prints the sign bit of a NaN ("-nan" for 0/0, "nan" for -(0/0)). V8 keeps NaN bit
 * patterns through arithmetic, variables, arrays and Maps on x86-64 (measured: 0/0, inf-inf, sqrt(-1) have the sign
 * bit set exactly as in C), so tostringNumber reads the real sign bit. Only NaNs that V8 creates itself
 * (the `NaN` literal, constant-folded `0/0` in generated JS, Number('x')) are positive; generated code should not
 * constant-fold NaN-producing operations if it wants to print like lua5.4.
 */
import { LFloat, MAX_SAFE, type LuaValue } from './value.js';
import { LuaError } from './errors.js';
import type { ArithOp } from './state.js';
import { pow as libmPow, DEFAULT_NAN } from './libm.js';

export { DEFAULT_NAN };

type Num = number | bigint | LFloat;

const TWO63 = 9223372036854775808; // 2^63 as a double
const TWO32 = 4294967296;

/* ------------------------------------------------------------------------------------------------------------ */
/* Errors                                                                                                        */

export type NumberOpErrorKind = 'divzero' | 'modzero' | 'noint';

/** An arithmetic error raised without position; the VM decorates it (see the header). */
export class NumberOpError extends LuaError {
  constructor(readonly kind: NumberOpErrorKind, readonly operand: 0 | 1 | 2) {
    super(kind === 'divzero' ? 'attempt to divide by zero'
      : kind === 'modzero' ? "attempt to perform 'n%0'"
      : 'number has no integer representation');
  }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Bits of doubles                                                                                               */

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;

/** True when the sign bit of x is set (distinguishes -0.0 and "-nan"). */
export function signBit(x: number): boolean {
  F64[0] = x;
  return (U32[HI] >>> 31) === 1;
}

/** x = mant * 2^exp with mant an integer < 2^53 (x finite, >= 0). */
function decompose(x: number): [number, number] {
  F64[0] = x;
  const hi = U32[HI], lo = U32[LO];
  const bexp = (hi >>> 20) & 0x7ff;
  const frac = (hi & 0xfffff) * TWO32 + lo;
  return bexp === 0 ? [frac, -1074] : [frac + 4503599627370496, bexp - 1075];
}

/** x * 2^k exactly when the result is representable (steps keep intermediates exact). */
function mulPow2(x: number, k: number): number {
  while (k > 1000) { x *= 2 ** 1000; k -= 1000; }
  while (k < -1000) { x *= 2 ** -1000; k += 1000; }
  return x * 2 ** k;
}

/** The double nearest to m * 2^e (m >= 0), ties to even: strtod's rounding for hex numerals, C's ldexp. */
export function bigTimesPow2(m: bigint, e: number): number {
  if (m === 0n) return 0;
  const bl = m.toString(2).length;
  const top = bl + e; // m * 2^e < 2^top
  if (top > 1024) return Infinity;
  const keep = top - 1 >= -1022 ? 53 : top + 1074; // significant bits available at that magnitude
  if (keep < 0) return 0;
  const shift = bl - keep;
  if (shift <= 0) return mulPow2(Number(m), e);
  let q = m >> BigInt(shift);
  const rem = m - (q << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  return mulPow2(Number(q), e + shift);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* String -> number (lua_stringtonumber)                                                                        */

// C isspace in the "C" locale; JS \s would also accept \u00a0 (a Latin-1 byte here), which C does not.
const DEC_INT = /^[ \t\n\v\f\r]*([-+]?)0*([0-9]+)[ \t\n\v\f\r]*$/;
const HEX_INT = /^[ \t\n\v\f\r]*([-+]?)0[xX]([0-9a-fA-F]+)[ \t\n\v\f\r]*$/;
const DEC_FLT = /^[ \t\n\v\f\r]*([-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)[ \t\n\v\f\r]*$/;
const HEX_FLT = /^[ \t\n\v\f\r]*([-+]?)0[xX](?:([0-9a-fA-F]+)\.?([0-9a-fA-F]*)|\.([0-9a-fA-F]+))(?:[pP]([-+]?[0-9]+))?[ \t\n\v\f\r]*$/;

/** lua_stringtonumber: an integer if the numeral is an integer that fits (hex integers wrap modulo 2^64),
 * else a float; undefined if the whole string (spaces aside) is not a numeral. 'inf'/'nan' are rejected. */
export function str2number(s: string): number | bigint | LFloat | undefined {
  // fast path: an optional '-' and 1 to 15 decimal digits, nothing else
  const n = s.length;
  if (n > 0 && n <= 16) {
    const i = s.charCodeAt(0) === 45 ? 1 : 0;
    let v = 0;
    let j = i;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
    }
    if (j === n && j > i && j - i <= 15) return i === 1 ? 0 - v : v;
  }
  let m = DEC_INT.exec(s);
  if (m !== null) return decimalInteger(m[1] === '-', m[2]);
  if (DEC_FLT.test(s)) {
    const x = Number(s); // the regex admitted only C spaces around the numeral, which Number() trims too
    return Math.floor(x) === x ? new LFloat(x) : x;
  }
  m = HEX_INT.exec(s);
  if (m !== null) return hexInteger(m[1] === '-', m[2]);
  m = HEX_FLT.exec(s);
  if (m !== null) return hexFloat(m);
  return undefined;
}

function decimalInteger(neg: boolean, digits: string): number | bigint | LFloat {
  if (digits.length <= 15) return neg ? 0 - Number(digits) : Number(digits);
  const b = BigInt(digits);
  if (b > 9223372036854775807n + (neg ? 1n : 0n)) {
    // does not fit: the numeral is read as a float (strtod of the same digits)
    const x = Number((neg ? '-' : '') + digits);
    return new LFloat(x);
  }
  return bigToInt(neg ? -b : b);
}

function hexInteger(neg: boolean, digits: string): number | bigint {
  if (digits.length <= 13) {
    const v = parseInt(digits, 16);
    return neg ? 0 - v : v;
  }
  const b = BigInt.asIntN(64, BigInt('0x' + digits));
  return bigToInt(neg ? BigInt.asIntN(64, -b) : b);
}

function hexFloat(m: RegExpExecArray): number | LFloat {
  const intPart = m[2] ?? '';
  const fracPart = m[2] !== undefined ? m[3] : m[4];
  let exp = 0;
  if (m[5] !== undefined) {
    // clamp absurd exponents: beyond +-1e7 any mantissa over/underflows anyway
    exp = parseInt(m[5], 10);
    if (exp > 1e7) exp = 1e7;
    else if (exp < -1e7) exp = -1e7;
  }
  const mant = BigInt('0x' + (intPart + fracPart || '0'));
  let x = bigTimesPow2(mant, exp - 4 * fracPart.length);
  if (m[1] === '-') x = -x;
  return Math.floor(x) === x ? new LFloat(x) : x;
}

function bigToInt(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Conversions                                                                                                   */

/** Float -> integer: 'eq' demands an integral value, 'floor'/'ceil' round; undefined when out of int64 range
 * or NaN (luaV_flttointeger). */
export function flttointeger(n: number, mode: 'eq' | 'floor' | 'ceil'): number | bigint | undefined {
  let f = Math.floor(n);
  if (n !== f) {
    if (mode === 'eq') return undefined;
    if (mode === 'ceil') f += 1;
  }
  if (f <= MAX_SAFE && f >= -MAX_SAFE) return f + 0; // + 0 turns -0 into 0
  if (f >= -TWO63 && f < TWO63) return BigInt(f);
  return undefined; // out of range, or NaN
}

/** lua_tointeger: integers, floats with an exact integer value in range, and strings converting to those. */
export function tointeger(v: LuaValue): number | bigint | undefined {
  if (typeof v === 'number') return Math.floor(v) === v ? v : undefined;
  if (typeof v === 'bigint') return v;
  if (v instanceof LFloat) return flttointeger(v.n, 'eq');
  if (typeof v === 'string') {
    const n = str2number(v);
    return n === undefined ? undefined : tointeger(n);
  }
  return undefined;
}

/** lua_tonumber: numbers as they are, numeric strings converted; undefined otherwise. */
export function tonumber(v: LuaValue): number | bigint | LFloat | undefined {
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat) return v;
  if (typeof v === 'string') return str2number(v);
  return undefined;
}

/** The value of a float operand as a double (v known to be a number). */
function dbl(v: Num): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
}

function isFloatNum(v: Num): boolean {
  return typeof v === 'number' ? Math.floor(v) !== v : v instanceof LFloat;
}

/** Integer value of a number operand of a bitwise operator, or NumberOpError('noint'). */
function bitOperand(v: Num, which: 1 | 2): number | bigint {
  if (typeof v === 'number') {
    if (Math.floor(v) === v) return v;
  } else if (typeof v === 'bigint') {
    return v;
  } else {
    const i = flttointeger(v.n, 'eq');
    if (i !== undefined) return i;
  }
  throw new NumberOpError('noint', which);
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Number -> string                                                                                              */

/** tostring of a number: integers in decimal, floats as "%.14g" (plus ".0" when that looks like an integer). */
export function tostringNumber(v: number | bigint | LFloat): string {
  if (typeof v === 'number') {
    if (Math.floor(v) === v) return String(v);
    return floatToString(v);
  }
  if (typeof v === 'bigint') return v.toString();
  return floatToString(v.n);
}

/** lua_Number -> string as luaO_tostring does it: "%.14g", plus ".0" when that looks like an integer. */
export function floatToString(x: number): string {
  if (x !== x) return signBit(x) ? '-nan' : 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const ax = Math.abs(x);
  if (ax !== 0) {
    const f = formatGScaled(ax, 14, false);
    if (f !== undefined) {
      const r = x < 0 ? '-' + f : f;
      return gLooksInt ? r + '.0' : r;
    }
  }
  const s = formatG(x, 14);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 48 || c > 57) && c !== 45) return s; // has '.', 'e': does not look like an integer
  }
  return s + '.0';
}

/* Exact decimal digits of a positive finite double: value = 0.D1D2D3... * 10^point, no trailing zeros. */
function exactDecimal(ax: number): [string, number] {
  const [m, e] = decompose(ax);
  let digits: string;
  let point: number;
  if (e >= 0) {
    digits = (BigInt(m) << BigInt(e)).toString();
    point = digits.length;
  } else {
    digits = (BigInt(m) * 5n ** BigInt(-e)).toString();
    point = digits.length + e;
  }
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  return [digits.slice(0, end), point];
}

/* Rounds the digit string d (no trailing zeros) to `keep` digits, half to even. Returns the kept digits
 * (length keep, or keep + 1 when the rounding carried into a new leading digit, e.g. 999 -> 1000). */
function roundDigits(d: string, keep: number): string {
  if (keep >= d.length) return d + '0'.repeat(keep - d.length);
  if (keep < 0) return '0'.repeat(0);
  const next = d.charCodeAt(keep);
  const prevOdd = keep > 0 && (d.charCodeAt(keep - 1) & 1) === 1;
  const up = next > 53 || (next === 53 && (d.length > keep + 1 || prevOdd));
  let kept = d.slice(0, keep);
  if (!up) return keep === 0 ? '' : kept;
  let i = keep - 1;
  while (i >= 0 && kept.charCodeAt(i) === 57) i--;
  if (i < 0) return '1' + '0'.repeat(keep);
  kept = kept.slice(0, i) + String.fromCharCode(kept.charCodeAt(i) + 1) + '0'.repeat(keep - 1 - i);
  return kept;
}

/** n significant digits of ax (> 0, finite), rounded half-even on the exact value, and the decimal exponent
 * of the first digit. */
function sigDigits(ax: number, n: number): [string, number] {
  if (n <= 15) {
    const d = sigDigitsScaled(ax, n);
    if (d !== undefined) return [d, scaledExp];
  }
  if (n <= 101) {
    const s = ax.toExponential(n - 1); // exact except for ties, which it rounds away from zero
    const ePos = s.indexOf('e');
    const exp = +s.slice(ePos + 1);
    if (!mayTie(ax, n - 1 - exp)) {
      return [n === 1 ? s.slice(0, 1) : s[0] + s.slice(2, ePos), exp];
    }
  }
  const [d, point] = exactDecimal(ax);
  let r = roundDigits(d, n);
  let exp = point - 1;
  if (r.length > n) { r = r.slice(0, n); exp++; }
  return [r, exp];
}

let scaledExp = 0; // decimal exponent of the last scaledInt result

/* The common case of %.14g: n <= 15 digits of a value between ~1e-8 and 1e15, so that ax * 10^k (k <= 22) is an
 * exact double-double h + l and the digits are the integer nearest to it (ties to even, decided exactly).
 * Returns that integer (n digits; its exponent in scaledExp), or -1 outside this range. */
function scaledInt(ax: number, n: number): number {
  let e = Math.floor(Math.log10(ax)); // may be off by one near powers of 10: corrected below
  for (let attempt = 0; attempt < 3; attempt++) {
    const k = n - 1 - e;
    if (k < 0 || k > 22) return -1;
    const p = POW10[k];
    const h = ax * p;
    // l = exact error of h (Dekker's product; no overflow in this range)
    let t = 134217729 * ax;
    const ah = t - (t - ax), al = ax - ah;
    t = 134217729 * p;
    const ph = t - (t - p), pl = p - ph;
    const l = ((ah * ph - h) + ah * pl + al * ph) + al * pl;
    const fl = Math.floor(h);
    if (fl >= POW10[n]) { e++; continue; }
    if (fl < POW10[n - 1]) { e--; continue; }
    const d = (h - fl) - 0.5; // exact; with |l| <= ulp(h)/2 the sign of d + l is decided exactly
    const m = d > 0 || (d === 0 && (l > 0 || (l === 0 && fl % 2 === 1))) ? fl + 1 : fl;
    if (m === POW10[n]) { scaledExp = e + 1; return POW10[n - 1]; }
    scaledExp = e;
    return m;
  }
  return -1;
}

function sigDigitsScaled(ax: number, n: number): string | undefined {
  const m = scaledInt(ax, n);
  return m < 0 ? undefined : intDigits(m);
}

/* Decimal digits of an integer 0 <= m < 10^15. V8 converts integers beyond the Smi range through its slow
 * double-to-shortest path (~300 ns); two halves below 10^8 take its fast integer path. */
function intDigits(m: number): string {
  if (m < 1073741824) return String(m);
  const hi = Math.floor(m / 1e8);
  const lo = String(m - hi * 1e8);
  return String(hi) + ZEROS8.slice(lo.length) + lo;
}

const ZEROS8 = '00000000';

/* Can rounding ax at k digits after the decimal point hit an exact tie (...5000... exactly)? */
function mayTie(ax: number, k: number): boolean {
  if (k >= 1000) return true; // 2^(k+1) would overflow; let the exact path decide
  if (k >= 0) {
    // ax * 10^k has fraction exactly .5 only if ax * 2^(k+1) is an integer and ax * 2^k is not
    const y = ax * pow2(k + 1);
    return Math.floor(y) === y && Math.floor(y / 2) !== y / 2;
  }
  if (ax >= 9007199254740992) return true; // let the exact path decide
  const unit = POW10[-k];
  return ax % unit === unit / 2;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
  1e19, 1e20, 1e21, 1e22];

/** 2^m for -1022 <= m <= 1023 from its bits (`2 ** m` with a variable m is a slow generic pow call in V8). */
function pow2(m: number): number {
  U32[LO] = 0;
  U32[HI] = (m + 1023) << 20;
  return F64[0];
}

/** Digits of ax (>= 0, finite) with `prec` digits after the point, as "int.frac" text without sign
 * (no point when prec is 0). */
function fixedText(ax: number, prec: number): string {
  if (ax < 1e21 && prec <= 100 && !mayTie(ax, prec)) return ax.toFixed(prec);
  let intDigits: string;
  let frac: string;
  if (ax === 0) {
    intDigits = '0';
    frac = '0'.repeat(prec);
  } else {
    const [d, point] = exactDecimal(ax);
    const keep = point + prec;
    let r = roundDigits(d, keep);
    if (keep <= 0) {
      // everything is below the last kept digit: r is '' (rounded to 0) or '1' (rounded up to one unit)
      r = r === '' ? '0'.repeat(prec + 1) : '0'.repeat(prec) + '1';
    } else if (r.length > keep) {
      // carried into a new digit: one more integer digit
    } else if (point <= 0) {
      r = '0'.repeat(1 - point) + r;
    }
    const nInt = r.length - prec;
    intDigits = nInt > 0 ? r.slice(0, nInt) : '0';
    frac = r.slice(r.length - prec);
  }
  return prec > 0 ? intDigits + '.' + frac : intDigits;
}

function nonFinite(x: number, upper: boolean): string {
  const s = x !== x ? (signBit(x) ? '-nan' : 'nan') : x > 0 ? 'inf' : '-inf';
  return upper ? s.toUpperCase() : s;
}

/** C printf "%.<prec>f" of a double (sign included for negatives and -0; flags/width are the caller's). */
export function formatF(x: number, prec: number, upper = false, alt = false): string {
  if (!Number.isFinite(x)) return nonFinite(x, upper);
  const neg = x < 0 || (x === 0 && signBit(x));
  let s = fixedText(Math.abs(x), prec);
  if (alt && prec === 0) s += '.';
  return neg ? '-' + s : s;
}

/** C printf "%.<prec>e" ("%E" with upper). */
export function formatE(x: number, prec: number, upper = false, alt = false): string {
  if (!Number.isFinite(x)) return nonFinite(x, upper);
  const neg = x < 0 || (x === 0 && signBit(x));
  const ax = Math.abs(x);
  let digits: string;
  let exp: number;
  if (ax === 0) {
    digits = '0'.repeat(prec + 1);
    exp = 0;
  } else {
    [digits, exp] = sigDigits(ax, prec + 1);
  }
  let s = digits[0];
  if (prec > 0 || alt) s += '.' + digits.slice(1);
  s += expText(exp, upper ? 'E' : 'e');
  return neg ? '-' + s : s;
}

function expText(exp: number, letter: string): string {
  const a = Math.abs(exp);
  return letter + (exp < 0 ? '-' : '+') + (a < 10 ? '0' + a : String(a));
}

/** C printf "%.<prec>g" ("%G" with upper, "%#g" with alt). */
export function formatG(x: number, prec: number, upper = false, alt = false): string {
  if (!Number.isFinite(x)) return nonFinite(x, upper);
  const P = prec === 0 ? 1 : prec;
  const neg = x < 0 || (x === 0 && signBit(x));
  const ax = Math.abs(x);
  if (!alt && P <= 15 && ax !== 0) {
    const f = formatGScaled(ax, P, upper);
    if (f !== undefined) return neg ? '-' + f : f;
  }
  let digits: string;
  let exp: number;
  if (ax === 0) {
    digits = '0'.repeat(P);
    exp = 0;
  } else {
    [digits, exp] = sigDigits(ax, P);
  }
  let s: string;
  if (exp < P && exp >= -4) {
    // fixed notation with P - 1 - exp digits after the point
    if (exp >= 0) {
      s = digits.slice(0, exp + 1);
      const frac = digits.slice(exp + 1);
      if (frac.length > 0 || alt) s += '.' + frac;
    } else {
      s = '0.' + '0'.repeat(-exp - 1) + digits;
    }
    if (!alt) s = stripZeros(s);
  } else {
    let mant = digits[0];
    if (P > 1 || alt) mant += '.' + digits.slice(1);
    if (!alt) mant = stripZeros(mant);
    s = mant + expText(exp, upper ? 'E' : 'e');
  }
  return neg ? '-' + s : s;
}

let gLooksInt = false; // the last formatGScaled result has neither '.' nor an exponent

/* %.Pg (no '#') of ax > 0 from the scaled integer of sigDigitsScaled, with arithmetic instead of string
 * surgery (this is tostring's path for most floats). */
function formatGScaled(ax: number, P: number, upper: boolean): string | undefined {
  const m0 = scaledInt(ax, P);
  if (m0 < 0) return undefined;
  const e = scaledExp;
  gLooksInt = false;
  if (e < P && e >= -4) {
    const fd = P - 1 - e; // digits after the point
    const unit = POW10[fd];
    const ip = Math.floor(m0 / unit);
    const frac = m0 - ip * unit;
    if (frac === 0) { gLooksInt = true; return intDigits(ip); }
    return intDigits(ip) + '.' + fractionDigits(frac, fd);
  }
  const unit = POW10[P - 1];
  const d0 = Math.floor(m0 / unit);
  const rest = m0 - d0 * unit;
  let s: string;
  if (rest === 0) {
    s = String(d0);
  } else {
    s = d0 + '.' + fractionDigits(rest, P - 1);
  }
  return s + expText(e, upper ? 'E' : 'e');
}

/* The fd digits of 0 < f < 10^fd (leading zeros included) without their trailing zeros. (Stripping them as
 * text: `f % 10` on values beyond int32 is a slow fmod call in V8.) */
function fractionDigits(f: number, fd: number): string {
  const t = intDigits(f);
  let end = t.length;
  while (t.charCodeAt(end - 1) === 48) end--;
  const lead = fd - t.length;
  return lead > 0 ? '0'.repeat(lead) + t.slice(0, end) : t.slice(0, end);
}

/* %g without '#': removes trailing zeros of the fraction, and the point if nothing remains after it. */
function stripZeros(s: string): string {
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--;
  if (s.charCodeAt(end - 1) === 46) end--;
  return s.slice(0, end);
}

/** C printf "%a" / "%.<prec>a" as glibc prints doubles ("0x1.8p+1"; subnormals as "0x0.<digits>p-1022").
 * prec undefined = as many hex digits as needed. */
export function formatA(x: number, prec: number | undefined = undefined, upper = false, alt = false): string {
  if (!Number.isFinite(x)) return nonFinite(x, upper);
  const neg = x < 0 || (x === 0 && signBit(x));
  const [m, e] = decompose(Math.abs(x));
  let lead: number;
  let frac: bigint; // 52 bits of fraction
  let exp: number;
  if (m === 0) {
    lead = 0; frac = 0n; exp = 0;
  } else if (m < 4503599627370496) { // subnormal: glibc keeps the 0x0.xxx form with exponent -1022
    lead = 0; frac = BigInt(m); exp = -1022;
  } else {
    lead = 1; frac = BigInt(m - 4503599627370496); exp = e + 52;
  }
  let hex = frac.toString(16).padStart(13, '0');
  if (prec === undefined) {
    hex = hex.replace(/0+$/, '');
  } else if (prec < 13) {
    // round the 52-bit fraction to 4*prec bits, half to even; a carry goes into the leading digit
    const drop = BigInt(52 - 4 * prec);
    let q = frac >> drop;
    const rem = frac - (q << drop);
    const half = 1n << (drop - 1n);
    const odd = prec === 0 ? (lead & 1) === 1 : (q & 1n) === 1n; // parity of the last kept digit
    if (rem > half || (rem === half && odd)) q += 1n;
    if (q >> BigInt(4 * prec) !== 0n) { lead += 1; q -= 1n << BigInt(4 * prec); }
    hex = prec === 0 ? '' : q.toString(16).padStart(prec, '0');
  } else {
    hex += '0'.repeat(prec - 13);
  }
  let s = '0x' + lead + (hex.length > 0 || alt ? '.' + hex : '') + 'p' + (exp < 0 ? '-' : '+') + Math.abs(exp);
  if (upper) s = s.toUpperCase();
  return neg ? '-' + s : s;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Arithmetic                                                                                                    */

/** Any arithmetic or bitwise operator on two numbers (b ignored for unary ops). */
export function arithNum(op: ArithOp, a: Num, b: Num): Num {
  switch (op) {
    case 'add': return addNum(a, b);
    case 'sub': return subNum(a, b);
    case 'mul': return mulNum(a, b);
    case 'div': return divNum(a, b);
    case 'mod': return modNum(a, b);
    case 'pow': return powNum(a, b);
    case 'idiv': return idivNum(a, b);
    case 'unm': return unmNum(a);
    case 'band': return bandNum(a, b);
    case 'bor': return borNum(a, b);
    case 'bxor': return bxorNum(a, b);
    case 'shl': return shlNum(a, b);
    case 'shr': return shrNum(a, b);
    case 'bnot': return bnotNum(a);
  }
}

const toBig = (v: number | bigint): bigint => (typeof v === 'bigint' ? v : BigInt(v));
const wrap = (b: bigint): number | bigint => bigToInt(BigInt.asIntN(64, b));

export function addNum(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Math.floor(a) === a && Math.floor(b) === b) {
      // the double sum of two safe integers is exact whenever the exact sum is safe
      if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
      return wrap(BigInt(a) + BigInt(b));
    }
    return Math.floor(r) === r ? new LFloat(r) : r;
  }
  return addSlow(a, b);
}

function addSlow(a: Num, b: Num): Num {
  if (isFloatNum(a) || isFloatNum(b)) return mkflt(dbl(a) + dbl(b));
  return wrap(toBig(a as number | bigint) + toBig(b as number | bigint));
}

export function subNum(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Math.floor(a) === a && Math.floor(b) === b) {
      if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
      return wrap(BigInt(a) - BigInt(b));
    }
    return Math.floor(r) === r ? new LFloat(r) : r;
  }
  return subSlow(a, b);
}

function subSlow(a: Num, b: Num): Num {
  if (isFloatNum(a) || isFloatNum(b)) return mkflt(dbl(a) - dbl(b));
  return wrap(toBig(a as number | bigint) - toBig(b as number | bigint));
}

export function mulNum(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Math.floor(a) === a && Math.floor(b) === b) {
      if (r <= MAX_SAFE && r >= -MAX_SAFE) return r + 0; // 0 * -3 is -0 in JS
      return wrap(BigInt(a) * BigInt(b));
    }
    return Math.floor(r) === r ? new LFloat(r) : r;
  }
  return mulSlow(a, b);
}

function mulSlow(a: Num, b: Num): Num {
  if (isFloatNum(a) || isFloatNum(b)) return mkflt(dbl(a) * dbl(b));
  return wrap(toBig(a as number | bigint) * toBig(b as number | bigint));
}

/** `/`: always a float. */
export function divNum(a: Num, b: Num): Num {
  return mkflt(dbl(a) / dbl(b));
}

/** `^`: always a float. */
export function powNum(a: Num, b: Num): Num {
  return mkflt(cpow(dbl(a), dbl(b)));
}

/** Lua's `^` on doubles (luai_numpow): b == 2 is a*a, anything else C's pow (libm.ts: glibc's results,
 * which V8's Math.pow does not reproduce in the last bit). */
export function cpow(x: number, y: number): number {
  if (y === 2) return x * x;
  return libmPow(x, y);
}

/** 2^52: below it, quotients and products in fmod are exact enough (see there). */
const TWO52 = 4503599627370496;

/** `x % y` of JS (which is C fmod: the exact remainder, with the sign of x) for any doubles. V8 computes `%`
 * of operands that are not both int32 by calling C's fmod (~20 ns); for |x| < 2^52 and an integral
 * 0 < |y| < 2^52 this does it in a few instructions: q = trunc(x / y) is the true quotient's truncation or
 * off by one (the division's relative error is 2^-53 and |x / y| < 2^52); q * y is an integer of at most
 * |x|'s magnitude, so exact; x - q * y and the correction by |y| are exact too (they are multiples of x's
 * ulp, which divides 1, and no larger than x or y). A zero remainder takes x's sign, as fmod's. */
export function fmod(x: number, y: number): number {
  // int32 operands (x > 0: no -0 to keep): V8's integer remainder; the `| 0` makes V8 treat doubles (a value
  // taken out of an LFloat) as int32 too
  if ((x | 0) === x && (y | 0) === y && x > 0 && y > 0) return (x | 0) % (y | 0);
  if (x < TWO52 && x > -TWO52 && y < TWO52 && y > -TWO52 && Math.floor(y) === y && y !== 0) {
    const a = y < 0 ? -y : y;
    let r = x - Math.trunc(x / y) * y;
    if (x >= 0) {
      if (r < 0) r += a;
      else if (r >= a) r -= a;
    } else if (r > 0) r -= a;
    else if (r <= -a) r += a;
    return r === 0 ? x * 0 : r;
  }
  return x % y;
}

/** `%`: integer modulo with the sign of the divisor (error on 0), float fmod with the same sign fix. */
export function modNum(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number' && Math.floor(a) === a && Math.floor(b) === b && b !== 0) {
    let r = (a | 0) === a && (b | 0) === b ? a % b : fmod(a, b); // exact for safe integers
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    return r + 0;
  }
  return modSlow(a, b);
}

function modSlow(a: Num, b: Num): Num {
  if (isFloatNum(a) || isFloatNum(b)) return mkflt(fltMod(dbl(a), dbl(b)));
  const bb = toBig(b as number | bigint);
  if (bb === 0n) throw new NumberOpError('modzero', 0);
  const ab = toBig(a as number | bigint);
  let r = ab % bb;
  if (r !== 0n && (r < 0n) !== (bb < 0n)) r += bb;
  return bigToInt(r);
}

/** Float modulo as Lua 5.4 defines it: C fmod (JS % is exactly fmod), then move to the divisor's sign. */
export function fltMod(x: number, y: number): number {
  let m = fmod(x, y);
  if (m > 0 ? y < 0 : m < 0 && y > 0) m += y;
  else if (m !== m) m = fmodNaN(x, y);
  return m;
}

/** C fmod's NaN (glibc, x86-64): a NaN operand comes back (x first), else (inf % y, x % 0) the default NaN.
 * V8's own fmod returns a positive NaN instead. */
export function fmodNaN(x: number, y: number): number {
  return x !== x ? x : y !== y ? y : DEFAULT_NAN;
}

/** `//`: floor division; integer division by zero is an error, float division by zero gives inf/nan. */
export function idivNum(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.floor(a) === a && Math.floor(b) === b) {
      // floor of the rounded quotient is exact for |a|, |b| < 2^53 (the quotient is never within
      // half an ulp below an integer it does not reach)
      if (b !== 0) return Math.floor(a / b) + 0;
      throw new NumberOpError('divzero', 0);
    }
    const r = Math.floor(a / b);
    return Math.floor(r) === r ? new LFloat(r) : r;
  }
  return idivSlow(a, b);
}

function idivSlow(a: Num, b: Num): Num {
  if (isFloatNum(a) || isFloatNum(b)) return mkflt(Math.floor(dbl(a) / dbl(b)));
  const bb = toBig(b as number | bigint);
  const ab = toBig(a as number | bigint);
  if (bb === 0n) throw new NumberOpError('divzero', 0);
  if (bb === -1n) return wrap(-ab);
  let q = ab / bb;
  if ((ab < 0n) !== (bb < 0n) && q * bb !== ab) q -= 1n;
  return bigToInt(q);
}

/** Unary minus. */
export function unmNum(a: Num): Num {
  if (typeof a === 'number') {
    if (Math.floor(a) === a) return 0 - a; // never -0 for integers
    return -a; // a non-integral float stays non-integral (NaN stays NaN, with its sign flipped as in C)
  }
  if (typeof a === 'bigint') return wrap(-a);
  return new LFloat(-a.n);
}

/* Bitwise operators: operands converted to integers exactly ("number has no integer representation"). */

export function bandNum(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a & b;
  return bitwise(a, b, 0);
}

export function borNum(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a | b;
  return bitwise(a, b, 1);
}

export function bxorNum(a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a ^ b;
  return bitwise(a, b, 2);
}

/* and/or/xor on 64-bit values. Safe integers are split into a sign-extended high part (|hi| < 2^21) and a
 * low uint32, so the result of combining two of them is again a safe integer: no bigint needed. */
function bitwise(a: Num, b: Num, op: 0 | 1 | 2): number | bigint {
  const x = bitOperand(a, 1);
  const y = bitOperand(b, 2);
  if (typeof x === 'number' && typeof y === 'number') {
    const xl = x >>> 0, yl = y >>> 0;
    const xh = (x - xl) / TWO32, yh = (y - yl) / TWO32;
    const h = op === 0 ? xh & yh : op === 1 ? xh | yh : xh ^ yh;
    const l = op === 0 ? xl & yl : op === 1 ? xl | yl : xl ^ yl;
    return h * TWO32 + (l >>> 0);
  }
  const xb = toBig(x), yb = toBig(y);
  return bigToInt(op === 0 ? xb & yb : op === 1 ? xb | yb : xb ^ yb);
}

/** `<<`: shifts >= 64 give 0; a negative count shifts right (logically). */
export function shlNum(a: Num, b: Num): Num {
  const x = bitOperand(a, 1);
  const n = bitOperand(b, 2);
  return shiftLeft(x, n);
}

/** `>>`: logical shift right (zero fill); a negative count shifts left. */
export function shrNum(a: Num, b: Num): Num {
  const x = bitOperand(a, 1);
  const n = bitOperand(b, 2);
  if (typeof n === 'bigint') return 0; // |n| >= 2^53: everything shifted out either way
  return shiftLeft(x, 0 - n);
}

function shiftLeft(x: number | bigint, n: number | bigint): number | bigint {
  if (typeof n === 'bigint' || n >= 64 || n <= -64) return 0;
  if (n >= 0) {
    if (typeof x === 'number') {
      const r = x * pow2(n);
      if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
    }
    return wrap(toBig(x) << BigInt(n));
  }
  if (typeof x === 'number' && x >= 0) return Math.floor(x * pow2(n));
  return wrap(BigInt.asUintN(64, toBig(x)) >> BigInt(-n));
}

/** `~` (unary). */
export function bnotNum(a: Num): Num {
  const x = bitOperand(a, 1);
  if (typeof x === 'number') {
    const r = -x - 1;
    if (r >= -MAX_SAFE) return r;
  }
  return wrap(~toBig(x));
}

function mkflt(x: number): number | LFloat {
  return Math.floor(x) === x ? new LFloat(x) : x;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* Comparisons                                                                                                   */

/* JS compares a bigint with a number by their mathematical values (NaN: false), which is exactly Lua's
 * int/float comparison, so once boxes are opened no case analysis is needed. */

export function numLessThan(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return open(a) < open(b);
}

export function numLessEqual(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  return open(a) <= open(b);
}

export function numEquals(a: Num, b: Num): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  // eslint-disable-next-line eqeqeq -- loose equality between a bigint and a number compares values exactly
  return open(a) == open(b);
}

function open(v: Num): number | bigint {
  return v instanceof LFloat ? v.n : v;
}
