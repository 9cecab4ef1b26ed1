/*
 * Compile-time arithmetic for constant folding, with Lua 5.4's exact semantics: 64-bit wrapping integers,
 * floor division and modulo, float exponentiation and division, bitwise operations on exactly-representable
 * integers. The compiler folds only when this cannot raise an error (see `canFold`), and never produces NaN
 * or a float zero (that check lives in the caller).
 *
 * Operands are numerals: integers are canonical Lua integers (number in the safe range, else bigint), floats
 * are raw JS doubles tagged by `isFloat`.
 */
import { cpow } from '../runtime/number.js';

/** Arithmetic operators in Lua's order (LUA_OPADD ... LUA_OPBNOT). */
export const enum ArithOp {
  ADD = 0, SUB, MUL, MOD, POW, DIV, IDIV, BAND, BOR, BXOR, SHL, SHR, UNM, BNOT,
}

export interface Numeral {
  isFloat: boolean;
  /** integer: number | bigint; float: number */
  v: number | bigint;
}

const TWO63 = 9223372036854775808;

/** The integer with exactly the value of float `n`, or undefined (F2Ieq). */
export function floatToInt(n: number): number | bigint | undefined {
  if (!Number.isInteger(n) || n < -TWO63 || n >= TWO63) return undefined;
  return Number.isSafeInteger(n) ? n + 0 : BigInt(n);
}

function big(i: number | bigint): bigint {
  return typeof i === 'bigint' ? i : BigInt(i);
}

/** Canonical integer from a bigint, wrapped to int64. */
export function wrapInt(b: bigint): number | bigint {
  const w = BigInt.asIntN(64, b);
  return w >= -9007199254740991n && w <= 9007199254740991n ? Number(w) : w;
}

function toDouble(x: Numeral): number {
  return typeof x.v === 'bigint' ? Number(x.v) : x.v;
}

function toInteger(x: Numeral): number | bigint | undefined {
  return x.isFloat ? floatToInt(x.v as number) : x.v;
}

/** Whether folding `op` over these operands is safe (no conversion error, no division by zero). */
export function canFold(op: ArithOp, a: Numeral, b: Numeral): boolean {
  switch (op) {
    case ArithOp.BAND: case ArithOp.BOR: case ArithOp.BXOR:
    case ArithOp.SHL: case ArithOp.SHR: case ArithOp.BNOT:
      return toInteger(a) !== undefined && toInteger(b) !== undefined;
    case ArithOp.DIV: case ArithOp.IDIV: case ArithOp.MOD:
      return toDouble(b) !== 0;
    default:
      return true;
  }
}

function shiftLeft(x: bigint, y: bigint): number | bigint {
  if (y <= -64n || y >= 64n) return 0;
  if (y >= 0n) return wrapInt(x << y);
  return wrapInt(BigInt.asUintN(64, x) >> -y);
}

function intArith(op: ArithOp, a: number | bigint, b: number | bigint): number | bigint {
  if (typeof a === 'number' && typeof b === 'number') {
    let r: number | undefined;
    switch (op) {
      case ArithOp.ADD: r = a + b; break;
      case ArithOp.SUB: r = a - b; break;
      case ArithOp.MUL: r = a * b + 0; break;
      case ArithOp.UNM: r = 0 - a; break;
      default: break;
    }
    if (r !== undefined && Number.isSafeInteger(r)) return r;
  }
  const x = big(a), y = big(b);
  switch (op) {
    case ArithOp.ADD: return wrapInt(x + y);
    case ArithOp.SUB: return wrapInt(x - y);
    case ArithOp.MUL: return wrapInt(x * y);
    case ArithOp.UNM: return wrapInt(-x);
    case ArithOp.IDIV: {
      let q = x / y;
      if (x % y !== 0n && (x < 0n) !== (y < 0n)) q -= 1n;
      return wrapInt(q);
    }
    case ArithOp.MOD: {
      let m = x % y;
      if (m !== 0n && (m < 0n) !== (y < 0n)) m += y;
      return wrapInt(m);
    }
    case ArithOp.BAND: return wrapInt(x & y);
    case ArithOp.BOR: return wrapInt(x | y);
    case ArithOp.BXOR: return wrapInt(x ^ y);
    case ArithOp.BNOT: return wrapInt(~x);
    case ArithOp.SHL: return shiftLeft(x, y);
    case ArithOp.SHR: return shiftLeft(x, -y);
    default: throw new Error('not an integer operation');
  }
}

function floatArith(op: ArithOp, a: number, b: number): number {
  switch (op) {
    case ArithOp.ADD: return a + b;
    case ArithOp.SUB: return a - b;
    case ArithOp.MUL: return a * b;
    case ArithOp.DIV: return a / b;
    case ArithOp.POW: return cpow(a, b);
    case ArithOp.IDIV: return Math.floor(a / b);
    case ArithOp.UNM: return -a;
    case ArithOp.MOD: {
      const m = a % b;
      return (m > 0 ? b < 0 : m < 0 && b > 0) ? m + b : m;
    }
    default: throw new Error('not a float operation');
  }
}

/** Performs `op` (raw, no metamethods); callers have checked `canFold`. */
export function arith(op: ArithOp, a: Numeral, b: Numeral): Numeral {
  switch (op) {
    case ArithOp.BAND: case ArithOp.BOR: case ArithOp.BXOR:
    case ArithOp.SHL: case ArithOp.SHR: case ArithOp.BNOT:
      return { isFloat: false, v: intArith(op, toInteger(a)!, toInteger(b)!) };
    case ArithOp.DIV: case ArithOp.POW:
      return { isFloat: true, v: floatArith(op, toDouble(a), toDouble(b)) };
    default:
      if (!a.isFloat && !b.isFloat) return { isFloat: false, v: intArith(op, a.v, b.v) };
      return { isFloat: true, v: floatArith(op, toDouble(a), toDouble(b)) };
  }
}
