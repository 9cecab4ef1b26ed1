// Unit tests of src/jit/int64.ts (the helpers of the JS tier's unboxed 64-bit integers): every helper against
// BigInt arithmetic on edge values and seeded random values, including the canonical boxing (a JS number within
// +-(2^53-1), else a bigint).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { I64, words } from '../../src/jit/int64.js';

const EDGE: bigint[] = [0n, 1n, -1n, 2n, -2n, 3n, 7n, -7n, 0xffffn, 0x10000n, 0x7fffffffn, 0x80000000n, -0x80000000n, 0xffffffffn,
  0x100000000n, -0x100000000n, 9007199254740991n, 9007199254740992n, 9007199254740993n, -9007199254740991n,
  -9007199254740992n, -9007199254740993n, 0x7fffffffffffffffn, -0x8000000000000000n, 0x123456789abcdef0n,
  -0x123456789abcdef0n, 0x100000001b3n, 0x2545f4914f6cdd1dn];

function seeded(seed: number): () => bigint {
  let s = BigInt(seed);
  return () => {
    s = BigInt.asUintN(64, s * 6364136223846793005n + 1442695040888963407n);
    const v = BigInt.asIntN(64, s ^ (s >> 29n));
    // mostly full-width, some small values
    const k = Number(s & 3n);
    return k === 0 ? BigInt.asIntN(64, v >> 40n) : k === 1 ? BigInt.asIntN(64, v >> 10n) : v;
  };
}

const rnd = seeded(7);
const VALUES = [...EDGE, ...Array.from({ length: 60 }, rnd)];

const split = (v: bigint): [number, number] => {
  const [h, l] = words(v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);
  return [h, l];
};
const join = (h: number, l: number): bigint => (BigInt(h) << 32n) | BigInt(l >>> 0);
const canon = (v: bigint): number | bigint => (v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);

test('int64: words and box round-trip to the canonical value', () => {
  for (const v of VALUES) {
    const [h, l] = split(v);
    assert.equal(h | 0, h);
    assert.equal(l | 0, l);
    assert.equal(join(h, l), v);
    assert.equal(I64.box(h, l), canon(v));
    if (typeof canon(v) === 'bigint') assert.equal(I64.big(h, l), v);
    const lo = I64.split(v);
    assert.deepEqual([I64.h, lo], [h, l]);
  }
});

test('int64: mul, idiv and mod against bigint', () => {
  for (const a of VALUES) {
    for (const b of VALUES) {
      const [ah, al] = split(a), [bh, bl] = split(b);
      let l = I64.mul(ah, al, bh, bl);
      assert.equal(join(I64.h, l), BigInt.asIntN(64, a * b), `${a} * ${b}`);
      if (b === 0n) continue;
      let q = a / b;
      if ((a < 0n) !== (b < 0n) && q * b !== a) q -= 1n;
      l = I64.idiv(ah, al, bh, bl);
      assert.equal(join(I64.h, l), BigInt.asIntN(64, q), `${a} // ${b}`);
      let r = a % b;
      if (r !== 0n && (r < 0n) !== (b < 0n)) r += b;
      l = I64.mod(ah, al, bh, bl);
      assert.equal(join(I64.h, l), r, `${a} % ${b}`);
    }
  }
});

test('int64: shl with any count (negative: logical right shift)', () => {
  const counts = [0, 1, 5, 11, 31, 32, 33, 52, 53, 63, 64, 65, 100, 2 ** 60, -1, -5, -31, -32, -33, -63, -64, -65, -(2 ** 60)];
  for (const v of VALUES) {
    const [h, l] = split(v);
    for (const n of counts) {
      const u = BigInt.asUintN(64, v);
      const want = n >= 64 || n <= -64 ? 0n : n >= 0 ? BigInt.asIntN(64, u << BigInt(n)) : BigInt.asIntN(64, u >> BigInt(-n));
      const lo = I64.shl(h, l, n);
      assert.equal(join(I64.h, lo), want, `${v} << ${n}`);
      assert.equal(I64.h | 0, I64.h);
      assert.equal(lo | 0, lo);
    }
  }
});
