/*
 * Unboxed 64-bit integers for the JS tier: helpers of the I64 representation of types.ts.
 *
 * A register typed I64 lives in two int32 JS locals, `h<r>` (high word, signed) and `l<r>` (low word, its bits
 * as an int32; read unsigned with `>>> 0`), exact two's complement: every operation wraps modulo 2^64 as Lua
 * 5.4's integers do, without allocating. Simple operations (add, sub, and/or/xor, shifts by constants,
 * comparisons) are emitted inline by codegen.ts; multiplication, division, modulo and variable shifts call the
 * functions here, which return the low word and leave the high word in `I64.h` (one shared slot, read at once
 * by the generated code before anything else can run).
 *
 * Boxing (where a value escapes) gives the canonical b2 value: a JS number when within +-(2^53-1), else a
 * bigint (already within int64). Measured (bench/hash-int.lua, user s; lua5.4 0.71): bigints through the
 * generic paths 14.6; int32 word pairs in locals 0.55, 0.34 once shifts by 11..31 keep the pair instead of
 * making a safe integer that the next operation splits again (types.ts's bitResult decides which registers
 * get the pair). Constant multipliers are inlined by codegen.ts (0.37 -> 0.35 against calling mul).
 */

const TWO32 = 4294967296;

/** The bigint of the 64-bit integer (h, l). */
function big(h: number, l: number): bigint {
  return (BigInt(h) << 32n) | BigInt(l >>> 0);
}

/** The low word of bigint b (within int64); the high word in I64.h. */
function fromBig(b: bigint): number {
  I64.h = Number(BigInt.asIntN(32, b >> 32n));
  return Number(BigInt.asIntN(32, b));
}

/** Whether (h, l) is a safe integer (|v| <= 2^53-1). */
function safe(h: number, l: number): boolean {
  return ((h + 2097152) >>> 22) === 0 && (h !== -2097152 || l !== 0);
}

export const I64 = {
  /** High word of the last result. */
  h: 0,

  /** The canonical b2 value of (h, l). */
  box(h: number, l: number): number | bigint {
    if (safe(h, l)) return h * TWO32 + (l >>> 0);
    return big(h, l);
  },

  /** The bigint of a (h, l) outside the safe range (the cold half of inline boxing). */
  big,

  /** Low word of a bigint Lua integer; high word in I64.h. */
  split: fromBig,

  /** 64x64 -> 64 multiplication (wrapping): 16-bit limbs for the unsigned high word of al * bl, Math.imul
   * for the rest. */
  mul(ah: number, al: number, bh: number, bl: number): number {
    const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
    const p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0;
    const c = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
    const hu = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (c >>> 16);
    I64.h = (hu + Math.imul(ah, bl) + Math.imul(al, bh)) | 0;
    return Math.imul(al, bl);
  },

  /** Floor division (b != 0, checked by the caller): on doubles when both operands are safe integers,
   * else through bigint (doubles cannot hold the operands exactly). */
  idiv(ah: number, al: number, bh: number, bl: number): number {
    if (safe(ah, al) && safe(bh, bl)) {
      const x = ah * TWO32 + (al >>> 0), y = bh * TWO32 + (bl >>> 0);
      // exact for safe integers (number.ts's idivNum)
      const q = Math.floor(x / y) + 0;
      I64.h = Math.floor(q / TWO32) | 0;
      return q | 0;
    }
    const x = big(ah, al), y = big(bh, bl);
    if (y === -1n) return fromBig(BigInt.asIntN(64, -x));
    let q = x / y;
    if ((x < 0n) !== (y < 0n) && q * y !== x) q -= 1n;
    return fromBig(q);
  },

  /** Floor modulo (b != 0, checked by the caller): the result has the divisor's sign. */
  mod(ah: number, al: number, bh: number, bl: number): number {
    if (safe(ah, al) && safe(bh, bl)) {
      const x = ah * TWO32 + (al >>> 0), y = bh * TWO32 + (bl >>> 0);
      let r = x % y;
      if (r !== 0 && (r < 0) !== (y < 0)) r += y;
      I64.h = Math.floor(r / TWO32) | 0;
      return r | 0;
    }
    const x = big(ah, al), y = big(bh, bl);
    let r = x % y;
    if (r !== 0n && (r < 0n) !== (y < 0n)) r += y;
    return fromBig(r);
  },

  /** x << n for any count n (a JS number, possibly huge or a rounded double): negative counts shift right
   * logically, |n| >= 64 gives 0. */
  shl(h: number, l: number, n: number): number {
    if (n >= 64 || n <= -64) {
      I64.h = 0;
      return 0;
    }
    if (n >= 32) {
      I64.h = l << (n - 32);
      return 0;
    }
    if (n > 0) {
      I64.h = (h << n) | (l >>> (32 - n));
      return l << n;
    }
    if (n === 0) {
      I64.h = h;
      return l;
    }
    n = -n;
    if (n >= 32) {
      I64.h = 0;
      return (h >>> (n - 32)) | 0;
    }
    I64.h = (h >>> n) | 0;
    return (l >>> n) | (h << (32 - n));
  },
};

/** The (high, low) int32 words of an integer constant (a safe integer or an int64 bigint). */
export function words(v: number | bigint): [number, number] {
  if (typeof v === 'bigint') {
    const lo = fromBig(v);
    return [I64.h, lo];
  }
  return [Math.floor(v / TWO32) | 0, v | 0];
}
