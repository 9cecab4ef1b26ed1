/*
 * The `math` library, behaving as Debian's lua5.4 (5.4.4 built with LUA_COMPAT_5_3, so the deprecated
 * atan2/cosh/sinh/tanh/pow/frexp/ldexp/log10 are present too).
 *
 * Results keep Lua's integer/float subtypes exactly as lmathlib does (floor/ceil/modf give integers when the
 * value fits, abs/fmod stay integer on integers, max/min return the chosen argument untouched).
 * The C math functions come from runtime/libm.ts, which reproduces glibc's results (V8's Math.sin etc. differ
 * in the last bit for a few percent of arguments) and its NaN signs (a NaN argument comes back unchanged; a
 * domain error gives the default "-nan", except asin/acos/log10, whose glibc versions return "nan").
 *
 * math.random is PUC's xoshiro256** with the same seeding, float conversion (53 high bits) and projection into
 * intervals, so `math.randomseed(n)` reproduces lua5.4's sequences. The 64-bit state is kept as eight uint32
 * halves (measured faster than BigInt by a wide margin; see nextRandom).
 */
import { LuaTable } from '../runtime/table.js';
import { LFloat, NativeFunction, MAX_SAFE, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import {
  argError, checkAny, checkInteger, checkNumber, luaError, optInteger,
} from '../runtime/auxlib.js';
import { tointeger, numLessThan, bigTimesPow2, fmodNaN } from '../runtime/number.js';
import * as libm from '../runtime/libm.js';
import { FastNative, NOFAST, type FastFn } from '../runtime/fastnative.js';

type Int = number | bigint;
type Fn = (L: LuaState, args: LuaValue[]) => LuaValue[];

const TWO63 = 9223372036854775808;
const TWO32 = 4294967296;

export function openMath(L: LuaState): LuaTable {
  const lib = new LuaTable();
  const fns: [string, Fn][] = [
    ['abs', mathAbs], ['acos', unary(libm.acos)], ['asin', unary(libm.asin)],
    ['atan', mathAtan], ['ceil', mathCeil], ['cos', unary(libm.cos)], ['deg', mathDeg],
    ['exp', unary(libm.exp)], ['tointeger', mathToInteger], ['floor', mathFloor], ['fmod', mathFmod],
    ['ult', mathUlt], ['log', mathLog], ['max', mathMax], ['min', mathMin], ['modf', mathModf], ['rad', mathRad],
    ['sin', unary(libm.sin)], ['sqrt', unary(Math.sqrt)], ['tan', unary(libm.tan)],
    ['type', mathType],
    // LUA_COMPAT_MATHLIB
    ['atan2', mathAtan], ['cosh', unary(libm.cosh)], ['sinh', unary(libm.sinh)],
    ['tanh', unary(libm.tanh)], ['pow', mathPow], ['frexp', mathFrexp], ['ldexp', mathLdexp],
    ['log10', unary(libm.log10)],
  ];
  for (const [name, fn] of fns) {
    const fast = FAST[name];
    lib.setStr(name, fast !== undefined ? new FastNative(name, fn, fast, true) : new NativeFunction(name, fn));
  }
  const rng = new RandomState();
  rng.seed(Math.floor(Date.now() / 1000), randomAddress());
  lib.setStr('random', new FastNative('random', (L2, args) => mathRandom(L2, args, rng), randomFast(rng), true));
  lib.setStr('randomseed', new NativeFunction('randomseed', (L2, args) => mathRandomseed(L2, args, rng)));
  lib.setStr('pi', Math.PI);
  lib.setStr('huge', new LFloat(Infinity));
  lib.setStr('maxinteger', 9223372036854775807n);
  lib.setStr('mininteger', -9223372036854775808n);
  void L;
  warmFast();
  return lib;
}

let warmed = false;

/** Runs the fast entries with branches for boxed floats (floor, ceil) on every argument kind once (no
 * effects): compiled code inlines them, and a branch that first runs inside optimised code (the first boxed
 * integral float at math.floor, say) deoptimises the whole caller (V8: insufficient type feedback), which V8
 * then compiles again. (Not the libm ones: they only test typeof, and some are slow on odd arguments.) */
function warmFast(): void {
  if (warmed) return;
  warmed = true;
  const L = undefined as unknown as LuaState; // the entries never use it
  const kinds: LuaValue[] = [3, -2.5, new LFloat(2), NaN, 2n ** 62n, '1', undefined];
  for (let k = 0; k < 16; k++) {
    for (const f of [FAST.floor!, FAST.ceil!]) for (const x of kinds) f(L, 1, x, undefined, undefined, undefined);
  }
}

/* ------------------------------------------------------------------------------------------ fast entries */

/* Entries for compiled call sites wanting at most one result (runtime/fastnative.ts): plain JS numbers
 * (integers and non-integral floats) as the general functions treat them; NOFAST for anything else. */
const FAST: Record<string, FastFn | undefined> = {
  // a non-integral float's floor is within the safe range (an integer); NaN goes the general way
  // (an integral float within the safe range is that integer: -0.0 gives 0)
  sqrt: unaryFast(Math.sqrt), sin: unaryFast(libm.sin), cos: unaryFast(libm.cos), tan: unaryFast(libm.tan),
  exp: unaryFast(libm.exp),
  log: (_L, n, x) => n === 1 && typeof x === 'number' ? floatResult(libm.log(x)) : NOFAST,
  // (a NaN comes back as it is: Math.floor may not keep its sign bit)
  floor: (_L, _n, x) => typeof x === 'number' ? (x === x ? Math.floor(x) : x) : x instanceof LFloat ? safeInt(x.n) : NOFAST,
  ceil: (_L, _n, x) => typeof x === 'number' ? (x === x ? Math.ceil(x) + 0 : x) : x instanceof LFloat ? safeInt(x.n) : NOFAST,
  abs: (_L, _n, x) => typeof x === 'number' && Math.floor(x) === x ? (x < 0 ? 0 - x : x) : NOFAST,
  // max/min return the chosen argument itself (numbers compare with JS's `<` as numLessThan does for them)
  max: (_L, n, a, b, c) => {
    if (typeof a !== 'number' || (n > 1 && typeof b !== 'number') || (n > 2 && typeof c !== 'number') || n > 3 || n < 1) return NOFAST;
    let best = a;
    if (n > 1 && best < (b as number)) best = b as number;
    if (n > 2 && best < (c as number)) best = c as number;
    return best;
  },
  min: (_L, n, a, b, c) => {
    if (typeof a !== 'number' || (n > 1 && typeof b !== 'number') || (n > 2 && typeof c !== 'number') || n > 3 || n < 1) return NOFAST;
    let best = a;
    if (n > 1 && (b as number) < best) best = b as number;
    if (n > 2 && (c as number) < best) best = c as number;
    return best;
  },
};

/** The fast entry of a one-argument C math function (see unary), for plain JS number arguments. */
function unaryFast(f: (x: number) => number): FastFn {
  return (_L, _n, x) => typeof x === 'number' ? floatResult(f(x)) : NOFAST;
}

function floatResult(r: number): LuaValue {
  return Math.floor(r) === r ? new LFloat(r) : r;
}

/** An integral double as the integer it is, when safe. Math.floor tags its result as a small integer where it
 * can (`d + 0` would give a heap number, and tables storing it would get double fields, slower to read). */
function safeInt(d: number): number | typeof NOFAST {
  return d <= MAX_SAFE && d >= -MAX_SAFE ? (d === 0 ? 0 : Math.floor(d)) : NOFAST;
}

/* ---------------------------------------------------------------------------------------------- helpers */

/** luaL_checknumber as a C double. */
function checkFloat(L: LuaState, args: LuaValue[], i: number): number {
  const v = args[i - 1];
  if (typeof v === 'number') return v;
  const n = checkNumber(L, args, i);
  return typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : n.n;
}

/** lua_isinteger: an integer value (not a numeric string). */
function isInt(v: LuaValue): v is Int {
  return (typeof v === 'number' && Math.floor(v) === v) || typeof v === 'bigint';
}

function float(x: number): LuaValue {
  return Math.floor(x) === x ? new LFloat(x) : x;
}

/** pushnumint: an integer when the (integral) double fits int64, else the float. */
function numint(d: number): LuaValue {
  if (d <= MAX_SAFE && d >= -MAX_SAFE) return Math.floor(d) === d ? d + 0 : d;
  if (d >= -TWO63 && d < TWO63) return BigInt(d);
  return float(d);
}

/** A one-argument C math function (libm.ts returns glibc's values, NaN signs included; Math.sqrt is exact and
 * gives x86's NaNs itself). */
function unary(f: (x: number) => number): Fn {
  return (L, args) => {
    const r = f(checkFloat(L, args, 1));
    return [Math.floor(r) === r ? new LFloat(r) : r];
  };
}

/* ------------------------------------------------------------------------------------------- functions */

function mathAbs(L: LuaState, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (typeof v === 'number' && Math.floor(v) === v) return [v < 0 ? 0 - v : v];
  if (typeof v === 'bigint') return [v < 0n ? wrapInt(-v) : v];
  return [float(Math.abs(checkFloat(L, args, 1)))];
}

function mathAtan(L: LuaState, args: LuaValue[]): LuaValue[] {
  const y = checkFloat(L, args, 1);
  const ox = args[1];
  const x = ox === undefined ? 1 : checkFloat(L, args, 2);
  return [float(libm.atan2(y, x))];
}

function mathCeil(L: LuaState, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (isInt(v)) return [v];
  const d = checkFloat(L, args, 1);
  return [d === d ? numint(Math.ceil(d)) : d]; // a NaN as it is (Math.ceil may not keep its sign bit)
}

function mathFloor(L: LuaState, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (isInt(v)) return [v];
  const d = checkFloat(L, args, 1);
  return [d === d ? numint(Math.floor(d)) : d]; // a NaN as it is (Math.floor may not keep its sign bit)
}

function mathDeg(L: LuaState, args: LuaValue[]): LuaValue[] {
  return [float(checkFloat(L, args, 1) * (180 / Math.PI))];
}

function mathRad(L: LuaState, args: LuaValue[]): LuaValue[] {
  return [float(checkFloat(L, args, 1) * (Math.PI / 180))];
}

function mathToInteger(L: LuaState, args: LuaValue[]): LuaValue[] {
  const n = tointeger(args[0]);
  if (n !== undefined) return [n];
  checkAny(L, args, 1);
  return [undefined];
}

function mathFmod(L: LuaState, args: LuaValue[]): LuaValue[] {
  const a = args[0], b = args[1];
  if (isInt(a) && isInt(b)) {
    if (b === 0 || b === -1) {
      if (b === 0) argError(L, 2, 'zero');
      return [0];
    }
    if (typeof a === 'number' && typeof b === 'number') return [(a % b) + 0];
    const r = BigInt(a) % BigInt(b);
    return [wrapInt(r)];
  }
  // gcc evaluates the two luaL_checknumber calls of fmod(...) right to left: argument 2 is checked first
  const y = checkFloat(L, args, 2);
  const x = checkFloat(L, args, 1);
  const r = x % y; // JS % is C fmod except for the sign of NaN results
  return [float(r === r ? r : fmodNaN(x, y))];
}

function mathModf(L: LuaState, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (isInt(v)) return [v, new LFloat(0)];
  const n = checkFloat(L, args, 1);
  const ip = n < 0 ? Math.ceil(n) : Math.floor(n);
  return [numint(ip), n === ip ? new LFloat(0) : float(n - ip)];
}

function mathUlt(L: LuaState, args: LuaValue[]): LuaValue[] {
  const a = checkInteger(L, args, 1);
  const b = checkInteger(L, args, 2);
  // as unsigned 64-bit values, non-negative integers are all below the negative ones
  return [(a >= 0) === (b >= 0) ? a < b : a >= 0];
}

function mathLog(L: LuaState, args: LuaValue[]): LuaValue[] {
  const x = checkFloat(L, args, 1);
  let r: number;
  if (args[1] === undefined) {
    r = libm.log(x);
  } else {
    const base = checkFloat(L, args, 2);
    if (base === 2) r = libm.log2(x);
    else if (base === 10) r = libm.log10(x);
    else r = libm.log(x) / libm.log(base);
  }
  return [float(r)];
}

function mathMax(L: LuaState, args: LuaValue[]): LuaValue[] {
  const n = args.length;
  if (n < 1) argError(L, 1, 'value expected');
  let best = args[0];
  for (let i = 1; i < n; i++) {
    const v = args[i];
    if (less(L, best, v)) best = v;
  }
  return [best];
}

function mathMin(L: LuaState, args: LuaValue[]): LuaValue[] {
  const n = args.length;
  if (n < 1) argError(L, 1, 'value expected');
  let best = args[0];
  for (let i = 1; i < n; i++) {
    const v = args[i];
    if (less(L, v, best)) best = v;
  }
  return [best];
}

/** lua_compare(LUA_OPLT): numbers directly, anything else through the VM (metamethods, errors). */
function less(L: LuaState, a: LuaValue, b: LuaValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (isNum(a) && isNum(b)) return numLessThan(a, b);
  return L.lessThan(a, b);
}

function isNum(v: LuaValue): v is number | bigint | LFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat;
}

function mathType(L: LuaState, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  if (typeof v === 'number') return [Math.floor(v) === v ? 'integer' : 'float'];
  if (typeof v === 'bigint') return ['integer'];
  if (v instanceof LFloat) return ['float'];
  checkAny(L, args, 1);
  return [undefined];
}

function mathPow(L: LuaState, args: LuaValue[]): LuaValue[] {
  const x = checkFloat(L, args, 1);
  const y = checkFloat(L, args, 2);
  return [float(libm.pow(x, y))];
}

function mathFrexp(L: LuaState, args: LuaValue[]): LuaValue[] {
  const x = checkFloat(L, args, 1);
  if (x === 0 || x !== x || x === Infinity || x === -Infinity) return [float(x), 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = ldexp(x, -e);
  // log2 may be off by one near powers of two: normalise m into [0.5, 1)
  while (Math.abs(m) >= 1) { e++; m = ldexp(x, -e); }
  while (Math.abs(m) < 0.5) { e--; m = ldexp(x, -e); }
  return [float(m), e];
}

function mathLdexp(L: LuaState, args: LuaValue[]): LuaValue[] {
  const x = checkFloat(L, args, 1);
  const ep = checkInteger(L, args, 2);
  // (int) cast of a lua_Integer: keeps the low 32 bits
  const e = typeof ep === 'number' ? ep | 0 : Number(BigInt.asIntN(32, ep));
  return [float(ldexp(x, e))];
}

/** C ldexp: x * 2^e rounded once. */
function ldexp(x: number, e: number): number {
  if (x === 0 || x !== x || x === Infinity || x === -Infinity) return x;
  const neg = x < 0;
  // x = m * 2^k exactly with m an integer (scaling by powers of two is exact)
  const ax = Math.abs(x);
  let m = ax;
  let k = 0;
  while (Math.floor(m) !== m) { m *= 2 ** 60; k -= 60; }
  const r = bigTimesPow2(BigInt(m), k + e);
  return neg ? -r : r;
}

/* ---------------------------------------------------------------------------------------------- random */

/**
 * xoshiro256** state: four 64-bit words as (high, low) uint32 pairs.
 */
class RandomState {
  h0 = 0; l0 = 0; h1 = 0; l1 = 0; h2 = 0; l2 = 0; h3 = 0; l3 = 0;
  /** High and low halves of the last output of next(). */
  outH = 0;
  outL = 0;

  /** Advances the generator; the 64-bit output is left in outH/outL. */
  next(): void {
    const h0 = this.h0, l0 = this.l0, h1 = this.h1, l1 = this.l1;
    const h2 = this.h2 ^ h0, l2 = this.l2 ^ l0;
    const h3 = this.h3 ^ h1, l3 = this.l3 ^ l1;
    // res = rotl(s1 * 5, 7) * 9
    let lo = l1 * 5;
    let hi = (Math.imul(h1, 5) + Math.floor(lo / TWO32)) >>> 0;
    lo >>>= 0;
    const rh = ((hi << 7) | (lo >>> 25)) >>> 0;
    const rl = ((lo << 7) | (hi >>> 25)) >>> 0;
    lo = rl * 9;
    hi = (Math.imul(rh, 9) + Math.floor(lo / TWO32)) >>> 0;
    this.outH = hi;
    this.outL = lo >>> 0;
    this.h0 = (h0 ^ h3) >>> 0; this.l0 = (l0 ^ l3) >>> 0;
    this.h1 = (h1 ^ h2) >>> 0; this.l1 = (l1 ^ l2) >>> 0;
    // s2 = state2 ^ (state1 << 17)
    this.h2 = (h2 ^ ((h1 << 17) | (l1 >>> 15))) >>> 0;
    this.l2 = (l2 ^ (l1 << 17)) >>> 0;
    // s3 = rotl(state3, 45) = rotl(swap halves, 13)
    this.h3 = ((l3 << 13) | (h3 >>> 19)) >>> 0;
    this.l3 = ((h3 << 13) | (l3 >>> 19)) >>> 0;
  }

  seed(n1: Int, n2: Int): void {
    [this.h0, this.l0] = halves(n1);
    this.h1 = 0; this.l1 = 0xff; // avoid a zero state
    [this.h2, this.l2] = halves(n2);
    this.h3 = 0; this.l3 = 0;
    for (let i = 0; i < 16; i++) this.next(); // discard initial values to "spread" the seed
  }

  /** The last output as a Lua integer (the unsigned value reinterpreted as int64). */
  outInt(): Int {
    return fromHalves(this.outH, this.outL);
  }
}

function halves(n: Int): [number, number] {
  if (typeof n === 'number') {
    const lo = n >>> 0;
    return [((n - lo) / TWO32) >>> 0, lo];
  }
  const u = BigInt.asUintN(64, n);
  return [Number(u >> 32n), Number(u & 0xffffffffn)];
}

function fromHalves(h: number, l: number): Int {
  const sh = h | 0; // signed high half
  if (sh >= -2097152 && sh < 2097152) return sh * TWO32 + l; // within +-2^53
  return (BigInt(sh) << 32n) | BigInt(l);
}

function randomAddress(): number {
  // stands in for the address of the lua_State that PUC mixes into the default seed
  return Math.floor(Math.random() * 2 ** 47) * 16;
}

function mathRandom(L: LuaState, args: LuaValue[], rng: RandomState): LuaValue[] {
  rng.next(); // PUC draws before looking at the arguments
  let low: Int;
  let up: Int;
  switch (args.length) {
    case 0:
      // 53 high bits scaled to [0, 1)
      return [float((rng.outH * 2097152 + (rng.outL >>> 11)) * 2 ** -53)];
    case 1:
      low = 1;
      up = checkInteger(L, args, 1);
      if (up === 0) return [rng.outInt()];
      break;
    case 2:
      low = checkInteger(L, args, 1);
      up = checkInteger(L, args, 2);
      break;
    default:
      return luaError(L, 'wrong number of arguments');
  }
  if (!(low <= up)) argError(L, 1, 'interval is empty');
  if (typeof low === 'number' && typeof up === 'number' && up - low < TWO32) {
    return [low + projectSmall(rng, up - low)];
  }
  return [projectBig(rng, low, up)];
}

/** math.random's fast entry (runtime/fastnative.ts): no argument, or integer bounds (JS numbers) of a
 * non-empty interval narrower than 2^32; NOFAST otherwise, before drawing (the general entry draws first, then
 * checks the arguments, and raises or goes through BigInt for wide intervals). */
function randomFast(rng: RandomState): FastFn {
  return (_L, n, a, b) => {
    let low: number;
    let up: number;
    if (n === 0) {
      rng.next();
      return float((rng.outH * 2097152 + (rng.outL >>> 11)) * 2 ** -53);
    }
    if (typeof a !== 'number' || Math.floor(a) !== a) return NOFAST;
    if (n === 1) {
      if (a === 0) {
        rng.next();
        return rng.outInt();
      }
      low = 1;
      up = a;
    } else if (n === 2 && typeof b === 'number' && Math.floor(b) === b) {
      low = a;
      up = b;
    } else {
      return NOFAST;
    }
    if (!(low <= up) || up - low >= TWO32) return NOFAST;
    rng.next();
    return low + projectSmall(rng, up - low);
  };
}

/** project() for n < 2^32: only the low word of each draw matters. */
function projectSmall(rng: RandomState, n: number): number {
  const ran = rng.outL;
  if ((n & (n + 1)) === 0) return (ran & n) >>> 0; // n + 1 a power of 2 (int32 wrap makes 2^32 work too)
  let lim = n;
  lim |= lim >>> 1; lim |= lim >>> 2; lim |= lim >>> 4; lim |= lim >>> 8; lim |= lim >>> 16;
  lim >>>= 0;
  let r = (ran & lim) >>> 0;
  while (r > n) {
    rng.next();
    r = (rng.outL & lim) >>> 0;
  }
  return r;
}

/** project() for wide intervals, in unsigned 64-bit BigInt arithmetic. */
function projectBig(rng: RandomState, low: Int, up: Int): Int {
  const lo = BigInt(low);
  const n = BigInt.asUintN(64, BigInt(up) - lo);
  const draw = (): bigint => (BigInt(rng.outH) << 32n) | BigInt(rng.outL);
  let r: bigint;
  if ((n & (n + 1n)) === 0n) {
    r = draw() & n;
  } else {
    let lim = n;
    for (let s = 1n; s <= 32n; s *= 2n) lim |= lim >> s;
    r = draw() & lim;
    while (r > n) {
      rng.next();
      r = draw() & lim;
    }
  }
  return wrapInt(r + lo);
}

function mathRandomseed(L: LuaState, args: LuaValue[], rng: RandomState): LuaValue[] {
  let n1: Int;
  let n2: Int;
  if (args.length === 0) {
    n1 = Math.floor(Date.now() / 1000);
    n2 = randomAddress();
  } else {
    n1 = checkInteger(L, args, 1);
    n2 = optInteger(L, args, 2, 0);
  }
  rng.seed(n1, n2);
  return [n1, n2];
}

/** An int64 result from bigint arithmetic, in canonical form. */
function wrapInt(b: bigint): Int {
  const w = BigInt.asIntN(64, b);
  return w >= -9007199254740991n && w <= 9007199254740991n ? Number(w) : w;
}
