/*
 * C math library functions with glibc's results. V8's Math.exp/log/pow/sin/... are fdlibm ports that differ
 * from glibc 2.36 (x86-64) in the last bit for 1-10% of arguments (measured), so Lua programs printing with
 * %.17g, comparing results or accumulating them would not reproduce lua5.4. glibc's modern exp, log, pow,
 * sin, cos, atan... are correctly rounded in all but very rare cases, so this file computes correctly rounded
 * results: each function evaluates in double-double arithmetic (~100 bits) and rounds once.
 * log10, sinh, cosh and tanh follow glibc's own (fdlibm-derived) formulas instead, because glibc does not
 * round those correctly and we want its exact results.
 *
 * Double-double values are pairs (hi, lo) with |lo| <= ulp(hi)/2. Helpers return them through the module
 * registers R[0] and R[1] (no allocation in the kernels). All constants (pi/2 and ln 2 split into several doubles,
 * tables of log(1 + j/256) and 2^(j/256), 2/pi to 1250 bits for huge trigonometric arguments) are computed
 * exactly with BigInt fixed-point arithmetic when first needed, rather than typed in.
 *
 * NaN results: a NaN argument is returned as is; domain errors return DEFAULT_NAN ("-nan" on x86-64) except
 * where glibc differs (see math.ts).
 */

// Result registers of the double-double helpers: R[0] = hi, R[1] = lo. A typed array, because doubles stored
// in module-level variables are boxed (one allocation per write) and the kernels write them constantly.
const R = new Float64Array(2);

const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter

/* ------------------------------------------------------------------------------------ double-double ops */

/** R[0] + R[1] = a + b exactly. */
function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  R[1] = (a - (s - bb)) + (b - bb);
  R[0] = s;
}

/** R[0] + R[1] = a + b exactly, when |a| >= |b| (or a == 0). */
function fastTwoSum(a: number, b: number): void {
  const s = a + b;
  R[1] = b - (s - a);
  R[0] = s;
}

/** R[0] + R[1] = a * b exactly (barring overflow/underflow). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  R[1] = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  R[0] = p;
}

/** (ah, al) + (bh, bl). */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const s = R[0];
  let e = R[1];
  twoSum(al, bl);
  const t = R[0];
  const f = R[1];
  e += t;
  fastTwoSum(s, e);
  e = R[1] + f;
  fastTwoSum(R[0], e);
}

/** (ah, al) * (bh, bl). */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const e = R[1] + (ah * bl + al * bh);
  fastTwoSum(R[0], e);
}

/** (ah, al) * b. */
function ddMulD(ah: number, al: number, b: number): void {
  twoProd(ah, b);
  const e = R[1] + al * b;
  fastTwoSum(R[0], e);
}

/** (ah, al) / (bh, bl). */
function ddDiv(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  ddMulD(bh, bl, q1);
  ddAdd(ah, al, -R[0], -R[1]);
  const q2 = R[0] / bh;
  const rh = R[0], rl = R[1];
  ddMulD(bh, bl, q2);
  ddAdd(rh, rl, -R[0], -R[1]);
  const q3 = R[0] / bh;
  fastTwoSum(q1, q2);
  ddAdd(R[0], R[1], q3, 0);
}

/* ------------------------------------------------------------------------- exact constants (BigInt) */

const P = 240; // fixed-point fraction bits for the tables
const ONE = 1n << BigInt(P);

/** atanh(p/q) * 2^prec. */
function atanhFix(p: bigint, q: bigint, prec: number): bigint {
  let term = (p << BigInt(prec)) / q;
  const p2 = p * p, q2 = q * q;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * p2) / q2;
  }
  return sum;
}

/** atan(1/n) * 2^prec. */
function atanInvFix(n: bigint, prec: number): bigint {
  let term = (1n << BigInt(prec)) / n;
  const n2 = n * n;
  let sum = 0n;
  for (let k = 1n, sign = 1n; term !== 0n; k += 2n, sign = -sign) {
    sum += (sign * term) / k;
    term /= n2;
  }
  return sum;
}

function piFix(prec: number): bigint {
  const g = prec + 16; // guard bits
  return (16n * atanInvFix(5n, g) - 4n * atanInvFix(239n, g)) >> 16n;
}

/** e^(v / 2^P) * 2^P for 0 <= v / 2^P < 1. */
function expFix(v: bigint): bigint {
  let term = ONE;
  let sum = 0n;
  for (let n = 1n; term !== 0n; n++) {
    sum += term;
    term = (term * v) / (ONE * n);
  }
  return sum;
}

/** The nearest double to v / 2^prec, and then the nearest double to the remainder, ...: `parts` doubles. */
function fixToDoubles(v: bigint, prec: number, parts: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < parts; i++) {
    const neg = v < 0n;
    const a = neg ? -v : v;
    let d = bigToDouble(a, prec);
    if (neg) d = -d;
    out.push(d);
    v -= doubleToFix(d, prec);
  }
  return out;
}

/** Constants split into doubles whose products with small integers are exact: each part keeps `bits` bits. */
function fixToShortDoubles(v: bigint, prec: number, parts: number, bits: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < parts; i++) {
    let d = bigToDouble(v < 0n ? -v : v, prec);
    if (v < 0n) d = -d;
    if (i < parts - 1 && d !== 0) {
      // keep only the top `bits` bits of the mantissa
      const e = Math.floor(Math.log2(Math.abs(d)));
      const scale = 2 ** (bits - 1 - e);
      d = Math.trunc(d * scale) / scale;
    }
    out.push(d);
    v -= doubleToFix(d, prec);
  }
  return out;
}

function bigToDouble(a: bigint, prec: number): number {
  // nearest double to a * 2^-prec (a >= 0), ties to even
  if (a === 0n) return 0;
  const bl = a.toString(2).length;
  const shift = bl - 53;
  if (shift <= 0) return Number(a) * 2 ** -prec;
  let q = a >> BigInt(shift);
  const rem = a - (q << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  return Number(q) * 2 ** (shift - prec);
}

function doubleToFix(d: number, prec: number): bigint {
  if (d === 0) return 0n;
  // d = m * 2^e exactly with m an integer
  let m = Math.abs(d);
  let e = 0;
  while (Math.floor(m) !== m) { m *= 2 ** 30; e -= 30; }
  while (m > 2 ** 53) { m /= 2; e += 1; }
  const b = BigInt(m);
  const sh = e + prec;
  const r = sh >= 0 ? b << BigInt(sh) : b >> BigInt(-sh);
  return d < 0 ? -r : r;
}

interface Tables {
  ln2: number[]; // ln 2 in three parts, the first two short (exact products with |k| < 2^20)
  ln2dd: [number, number];
  pio2: number[]; // pi/2 in four parts, the first three short (32 bits)
  pio2w: number[]; // pi/2 in six parts of 26 bits (exact products with |k| < 2^27)
  pio2dd: [number, number];
  pidd: [number, number];
  logc: Float64Array; // log(1 + j/256) for j = -128..128, as (hi, lo) pairs
  exp2: Float64Array; // 2^(j/256) for j = 0..255, as (hi, lo) pairs
  invFact: Float64Array; // 1/n! for n = 0..30, as (hi, lo) pairs
}

let tables: Tables | undefined;

function getTables(): Tables {
  if (tables !== undefined) return tables;
  const ln2 = 2n * atanhFix(1n, 3n, P);
  const pi = piFix(P);
  const logc = new Float64Array(2 * 257);
  for (let j = -128; j <= 128; j++) {
    // log((256 + j) / 256) = 2 atanh(j / (512 + j))
    const v = 2n * atanhFix(BigInt(j), BigInt(512 + j), P);
    const [h, l] = fixToDoubles(v, P, 2);
    logc[2 * (j + 128)] = h;
    logc[2 * (j + 128) + 1] = l;
  }
  const exp2 = new Float64Array(2 * 256);
  for (let j = 0; j < 256; j++) {
    const [h, l] = fixToDoubles(expFix((ln2 * BigInt(j)) / 256n), P, 2);
    exp2[2 * j] = h;
    exp2[2 * j + 1] = l;
  }
  const invFact = new Float64Array(2 * 31);
  let f = 1n;
  for (let n = 0; n <= 30; n++) {
    if (n > 0) f *= BigInt(n);
    const [h, l] = fixToDoubles(ONE / f, P, 2);
    invFact[2 * n] = h;
    invFact[2 * n + 1] = l;
  }
  const ln2dd = fixToDoubles(ln2, P, 2) as [number, number];
  const pio2 = pi / 2n;
  tables = {
    ln2: fixToShortDoubles(ln2, P, 3, 32),
    ln2dd,
    pio2: fixToShortDoubles(pio2, P, 4, 32),
    pio2w: fixToShortDoubles(pio2, P, 7, 26),
    pio2dd: fixToDoubles(pio2, P, 2) as [number, number],
    pidd: fixToDoubles(pi, P, 2) as [number, number],
    logc,
    exp2,
    invFact,
  };
  return tables;
}

/* Tables and constants of the fast paths (built on first use, after `tables`, since they use its kernels). */
let EXP2: Float64Array = new Float64Array(0); // 2^(j/256) (hi, lo)
let INVC: Float64Array = new Float64Array(0); // INVC[j + 128] ~ 1 / (1 + j/256), rounded to a double
let LOGINV: Float64Array = new Float64Array(0); // -log(INVC[j + 128]) exactly, (hi, lo)
let SINCOS: Float64Array = new Float64Array(0); // sin(j/64) (hi, lo), cos(j/64) (hi, lo) for j = 0..52
const KC = new Float64Array(8); // ln2 in three parts (first two short), 1/ln2 (hi, lo), pi/2 (hi, lo)
let fastReady = false;

function initFast(): void {
  const T = getTables();
  EXP2 = T.exp2;
  KC[0] = T.ln2[0]; KC[1] = T.ln2[1]; KC[2] = T.ln2[2];
  const ln2 = doubleToFix(T.ln2dd[0], P) + doubleToFix(T.ln2dd[1], P);
  const inv = fixToDoubles((ONE * ONE) / ln2, P, 2);
  KC[3] = inv[0]; KC[4] = inv[1];
  KC[5] = T.pio2dd[0]; KC[6] = T.pio2dd[1];
  const invc = new Float64Array(257);
  const loginv = new Float64Array(2 * 257);
  for (let j = -128; j <= 128; j++) {
    const ic = 256 / (256 + j);
    invc[j + 128] = ic;
    const f = doubleToFix(ic, P);
    const [h, l] = fixToDoubles(-2n * atanhFix(f - ONE, f + ONE, P), P, 2);
    loginv[2 * (j + 128)] = h;
    loginv[2 * (j + 128) + 1] = l;
  }
  INVC = invc;
  LOGINV = loginv;
  const sc = new Float64Array(4 * 53);
  for (let j = 0; j <= 52; j++) {
    sinKernel(j / 64, 0);
    sc[4 * j] = R[0]; sc[4 * j + 1] = R[1];
    cosKernel(j / 64, 0);
    sc[4 * j + 2] = R[0]; sc[4 * j + 3] = R[1];
  }
  SINCOS = sc;
  fastReady = true;
}

/** 2^m for -1022 <= m <= 1023, built from its bits (`2 ** m` calls V8's generic pow: ~50 ns). */
function pow2(m: number): number {
  W32[1 - HIW] = 0;
  W32[HIW] = (m + 1023) << 20;
  return W64[0];
}

/** Ziv's rounding test: true when h + l +- err all round to the same double, so h + l is the correctly
 * rounded value of anything within err of it. */
function roundsSafely(h: number, l: number, err: number): boolean {
  const r = h + l;
  return r === h + (l + err) && r === h + (l - err);
}

/* ------------------------------------------------------------------------------------------------- exp */

const INV_LN2_256 = 369.3299304675746; // 256 / ln 2, only used to pick the reduction index

/** Correctly rounded exp(xh + xl). */
function expDD(xh: number, xl: number): number {
  if (xh > 710) return Infinity;
  if (xh < -746) return 0;
  const T = getTables();
  const k = Math.round(xh * INV_LN2_256);
  const c1 = T.ln2[0], c2 = T.ln2[1], c3 = T.ln2[2];
  // r = x - k * ln2 / 256 (c1/256, c2/256 products with k are exact)
  const kk = k / 256;
  twoSum(xh, -kk * c1);
  let rh = R[0], rl = R[1] + xl;
  ddAdd(rh, rl, -kk * c2, -kk * c3);
  rh = R[0]; rl = R[1];
  // expm1(r) for |r| <= ln2/512: r + r^2/2 + ... + r^9/9!; the terms from r^4 on only need double precision
  const F = T.invFact;
  let tail = F[2 * 9];
  for (let n = 8; n >= 4; n--) tail = tail * rh + F[2 * n];
  tail *= rh * rh * rh * rh;
  // Horner in double-double for 1/3! + r/4!... folded: p = r * (1 + r * (1/2 + r * (1/6 + tail/r^3)))
  ddMulD(F[6], F[7], rh); // r/6 (rl's contribution to this term is negligible)
  ddAdd(R[0], R[1], F[4], F[5]); // 1/2 + r/6
  ddMul(R[0], R[1], rh, rl);
  ddMul(R[0], R[1], rh, rl); // r^2/2 + r^3/6
  ddAdd(R[0], R[1], tail, 0);
  ddAdd(R[0], R[1], rh, rl); // expm1(r)
  const eh = R[0], el = R[1];
  // 2^(j/256) * (1 + expm1(r))
  const j = ((k % 256) + 256) % 256;
  const m = (k - j) / 256;
  const th = T.exp2[2 * j], tl = T.exp2[2 * j + 1];
  ddMul(th, tl, eh, el);
  ddAdd(th, tl, R[0], R[1]);
  return scaleDD(R[0], R[1], m);
}

/** Correctly rounded (h + l) * 2^m, subnormal results included. */
function scaleDD(h: number, l: number, m: number): number {
  if (m > -1000 && m < 1000) {
    const r = h + l; // the rounding happens here; scaling a normal result is exact
    const s = r * 2 ** m;
    if (Math.abs(s) >= 2.2250738585072014e-308 || s === 0) {
      return s === 0 && r !== 0 ? roundScaledTiny(h, l, m) : s;
    }
    return roundScaledTiny(h, l, m);
  }
  if (m >= 1000) return (h + l) * 2 ** 1000 * 2 ** (m - 1000);
  return roundScaledTiny(h, l, m);
}

/* (h + l) * 2^m rounded once into the subnormal range (exact BigInt arithmetic). */
function roundScaledTiny(h: number, l: number, m: number): number {
  const hf = doubleToFix(h, 1200);
  const lf = doubleToFix(l, 1200);
  const v = hf + lf;
  const neg = v < 0n;
  const r = bigRound(neg ? -v : v, 1200 - m);
  return neg ? -r : r;
}

/** Nearest double to a * 2^-prec (a >= 0), subnormals and overflow included, ties to even. */
function bigRound(a: bigint, prec: number): number {
  if (a === 0n) return 0;
  const bl = a.toString(2).length;
  const top = bl - prec; // a * 2^-prec < 2^top
  if (top > 1024) return Infinity;
  const keep = top - 1 >= -1022 ? 53 : top + 1074;
  if (keep < 0) return 0;
  const shift = bl - keep;
  if (shift <= 0) return Number(a) * 2 ** -prec;
  let q = a >> BigInt(shift);
  const rem = a - (q << BigInt(shift));
  const half = 1n << BigInt(shift - 1);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  const e = shift - prec;
  let d = Number(q);
  // scale in steps that stay exact
  let k = e;
  while (k > 1000) { d *= 2 ** 1000; k -= 1000; }
  while (k < -1000) { d *= 2 ** -1000; k += 1000; }
  return d * 2 ** k;
}

let expM = 0; // binary exponent of the last expCore result

/** exp(xh + xl) = (R[0] + R[1]) * 2^expM with relative error below 2^-68, for |xh| < 709 (the fast path):
 * x = k ln2/256 + r, exp(x) = 2^(k/256) (1 + r + q(r)) with |r| <= ln2/512 and q in double precision. */
function expCore(xh: number, xl: number): void {
  const k = Math.round(xh * INV_LN2_256);
  const kk = k / 256;
  const a = xh - kk * KC[0]; // exact: kk * KC[0] is exact and close to xh
  twoSum(a, -kk * KC[1]);
  const rh = R[0];
  const rl = R[1] - kk * KC[2] + xl;
  const q = rh * rh * (0.5 + rh * (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720)))));
  const j = k & 255;
  const th = EXP2[2 * j], tl = EXP2[2 * j + 1];
  twoProd(th, rh);
  const pl = R[1];
  twoSum(th, R[0]);
  const lo = R[1] + pl + th * (rl + q + rl * rh) + tl * (1 + rh + q);
  fastTwoSum(R[0], lo);
  expM = (k - j) / 256;
}

export function exp(x: number): number {
  if (x !== x) return x;
  if (x > -707 && x < 709) {
    if (!fastReady) initFast();
    expCore(x, 0);
    const h = R[0], l = R[1];
    if (roundsSafely(h, l, h * 2 ** -63)) return (h + l) * pow2(expM);
  }
  if (x === Infinity) return x;
  if (x === -Infinity) return 0;
  return expDD(x, 0);
}

/* ------------------------------------------------------------------------------------------------- log */

const SQRT2 = 1.4142135623730951;

/** log(x) for finite x > 0 as a double-double in R[0], R[1] (relative error ~2^-100). */
function logDD(x: number): void {
  const T = getTables();
  let e = 0;
  if (x < 2.2250738585072014e-308) { x *= 2 ** 54; e = -54; }
  // x = m * 2^e with m in [sqrt(1/2), sqrt(2))
  let ex = Math.floor(Math.log2(x));
  let m = x * 2 ** -ex;
  if (m >= 2) { m /= 2; ex++; } else if (m < 1) { m *= 2; ex--; }
  if (m >= SQRT2) { m /= 2; ex++; }
  e += ex;
  const j = Math.round((m - 1) * 256);
  const c = 1 + j / 256;
  const d = m - c; // exact (Sterbenz)
  // q = d / c in double-double
  const qh = d / c;
  twoProd(qh, c);
  const ql = ((d - R[0]) - R[1]) / c;
  // log1p(q) = 2 atanh(u), u = q / (2 + q)
  twoSum(2, qh);
  const dh = R[0], dl = R[1] + ql;
  ddDiv(qh, ql, dh, dl);
  const uh = R[0], ul = R[1];
  ddMul(uh, ul, uh, ul);
  const u2h = R[0], u2l = R[1];
  // 2u (1 + u^2/3 + u^4/5 + ...): the u^4 terms on need only double precision
  let tail = 1 / 13;
  for (let k = 11; k >= 5; k -= 2) tail = tail * u2h + 1 / k;
  tail *= u2h * u2h;
  ddMulD(u2h, u2l, 1 / 3);
  // 1/3 is inexact: correct with the remainder of 1/3 (1/3 = THIRD_H + THIRD_L)
  ddAdd(R[0], R[1], u2h * THIRD_L, 0);
  ddAdd(R[0], R[1], tail, 0);
  ddMul(R[0], R[1], uh, ul);
  ddAdd(R[0], R[1], uh, ul);
  const ph = 2 * R[0], pl = 2 * R[1]; // log1p(q)
  // + log(c) + e * ln2
  ddAdd(ph, pl, T.logc[2 * (j + 128)], T.logc[2 * (j + 128) + 1]);
  if (e !== 0) {
    const sh = R[0], sl = R[1];
    const a = T.ln2[0], b = T.ln2[1], cc = T.ln2[2];
    twoProd(e, a);
    const th = R[0], tl = R[1];
    ddAdd(th, tl, e * b, e * cc);
    ddAdd(sh, sl, R[0], R[1]);
  }
}

const THIRD_H = 1 / 3;
const THIRD_L = 1.850371707708594e-17; // 1/3 - THIRD_H

let logE = 0; // binary exponent used by the last logCore (0: |log x| may be small, precision 2^-68 only)

/** log(x) for finite x > 0 into R[0] + R[1] (the fast path): relative error below 2^-68, and below 2^-76
 * when logE != 0. x = 2^e m, m ~ (1 + j/256), log x = e ln2 - log(ic) + log1p(m ic - 1), ic ~ 1/(1 + j/256). */
function logCore(x: number): void {
  let e = 0;
  if (x < 2.2250738585072014e-308) { x *= 18014398509481984; e = -54; }
  W64[0] = x;
  const hw = W32[HIW];
  e += (hw >>> 20) - 1023;
  W32[HIW] = (hw & 0x000fffff) | 0x3ff00000;
  let m = W64[0]; // in [1, 2)
  if (m >= SQRT2) { m *= 0.5; e++; }
  const j = Math.round((m - 1) * 256);
  twoProd(m, INVC[j + 128]);
  const zh = R[0] - 1; // exact
  const zl = R[1];
  // log1p(z) = z - z^2/2 + z^3 (1/3 - z/4 + ...), |z| < 2^-8.4
  twoProd(zh, zh);
  const z2h = R[0], z2l = R[1];
  twoSum(zh, -0.5 * z2h);
  const ph = R[0];
  const poly = 1 / 3 + zh * (-0.25 + zh * (0.2 + zh * (-1 / 6 + zh * (1 / 7 + zh * (-0.125 + zh * (1 / 9 + zh * -0.1))))));
  const pl = R[1] + zl - 0.5 * z2l - zh * zl + z2h * zh * poly;
  twoSum(e * KC[0], LOGINV[2 * (j + 128)]);
  const s1 = R[0], e1 = R[1];
  twoSum(s1, ph);
  const lo = R[1] + e1 + pl + e * KC[1] + (e * KC[2] + LOGINV[2 * (j + 128) + 1]);
  fastTwoSum(R[0], lo);
  logE = e;
}

export function log(x: number): number {
  if (x !== x) return x;
  if (x < 0) return DEFAULT_NAN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  if (x === 1) return 0;
  if (!fastReady) initFast();
  logCore(x);
  const h = R[0], l = R[1];
  if (roundsSafely(h, l, Math.abs(h) * 2 ** -64)) return h + l;
  logDD(x);
  return R[0] + R[1];
}

export function log2(x: number): number {
  if (x !== x) return x;
  if (x < 0) return DEFAULT_NAN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  if (!fastReady) initFast();
  logCore(x);
  ddMul(R[0], R[1], KC[3], KC[4]);
  const h = R[0], l = R[1];
  if (roundsSafely(h, l, Math.abs(h) * 2 ** -64)) return h + l;
  logDD(x);
  const T = getTables();
  ddDiv(R[0], R[1], T.ln2dd[0], T.ln2dd[1]);
  return R[0] + R[1];
}

/* ------------------------------------------------------------------------------------------------- pow */

/** C99 pow, correctly rounded (glibc's is, but for extremely rare cases). Special cases as Annex F. */
export function pow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x !== x || y !== y) return powNaN(x, y);
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0) {
    if (x === -1) return 1; // (-1)^(+-inf)
    return Math.pow(x, y); // JS follows Annex F for these
  }
  let sign = 1;
  let ax = x;
  if (x < 0) {
    if (Math.floor(y) !== y) return DEFAULT_NAN;
    if (Math.abs(y % 2) === 1) sign = -1;
    ax = -x;
  }
  if (y === 1) return x;
  if (y === -1) return 1 / x;
  if (y === 2) return x * x;
  if (y === 0.5 && ax !== Infinity) return sign * Math.sqrt(ax);
  if (Math.floor(y) === y && Math.abs(y) < 2 ** 31) {
    // exact powers of two: the result 2^n is exact, or exactly half the smallest subnormal (rounds to 0)
    W64[0] = ax;
    if ((W32[HIW] & 0x000fffff) === 0 && W32[1 - HIW] === 0 && ax >= 2.2250738585072014e-308) {
      const n = ((W32[HIW] >>> 20) - 1023) * y;
      if (n > 1023) return sign * Infinity;
      if (n < -1074) return sign * 0;
      return sign * (n >= -1022 ? pow2(n) : pow2(n + 64) * 2 ** -64);
    }
  }
  if (!fastReady) initFast();
  logCore(ax);
  const lh = R[0], ll = R[1];
  const z0 = y * lh;
  if (z0 > -707 && z0 < 708) {
    twoProd(y, lh);
    const zh = R[0];
    const zl = R[1] + y * ll;
    // the log's relative error (2^-68, or 2^-76 away from x ~ 1) is multiplied by |y log x|
    const err = (logE === 0 ? 1 + Math.abs(zh) : 1 + Math.abs(zh) * 2 ** -8) * 2 ** -63;
    expCore(zh, zl);
    const h = R[0], l = R[1];
    if (roundsSafely(h, l, h * err)) return sign * (h + l) * pow2(expM);
  }
  logDD(ax);
  const zh0 = y * R[0];
  if (zh0 > 800) return sign * Infinity;
  if (zh0 < -800) return sign * 0;
  ddMulD(R[0], R[1], y);
  return sign * expDD(R[0], R[1]);
}

function powNaN(x: number, y: number): number {
  if (x !== x) return signBitOf(x) && Math.abs(y % 2) === 1 ? -x : x;
  return y;
}

/* ------------------------------------------------------------------------------------------ sin, cos, tan */

let redK = 0; // quadrant (mod 4) of the last reduction; the reduced argument is in R[0], R[1]

/** Reduces x to r = x - k*pi/2 with |r| <= ~pi/4, r in R[0], R[1] and k mod 4 in redK. */
function reduce(x: number): void {
  const T = getTables();
  if (Math.abs(x) < 0.7853981633974483) {
    redK = 0;
    R[0] = x;
    R[1] = 0;
    return;
  }
  if (Math.abs(x) < 823549.6) { // k < 2^19: the products k * (short parts of pi/2) are exact
    const k = Math.round(x * 0.6366197723675814);
    const p1 = T.pio2[0], p2 = T.pio2[1], p3 = T.pio2[2], p4 = T.pio2[3];
    const a = x - k * p1; // exact
    twoSum(a, -k * p2);
    const h = R[0], l = R[1];
    twoProd(k, p3);
    ddAdd(h, l, -R[0], -R[1] - k * p4);
    redK = ((k % 4) + 4) % 4;
    return;
  }
  if (Math.abs(x) < 105414357) { // k < 2^26: same with 26-bit parts
    const k = Math.round(x * 0.6366197723675814);
    const w = T.pio2w;
    const a = x - k * w[0]; // exact
    twoSum(a, -k * w[1]);
    for (let i = 2; i < 6; i++) ddAdd(R[0], R[1], -k * w[i], 0);
    ddAdd(R[0], R[1], -k * w[6], 0);
    redK = ((k % 4) + 4) % 4;
    return;
  }
  reduceHuge(x);
}

let twoOverPi: bigint | undefined; // floor(2/pi * 2^1250)
const TOP_BITS = 1250;

/* Payne-Hanek style reduction with the exact product of x and 2/pi (BigInt). */
function reduceHuge(x: number): void {
  if (twoOverPi === undefined) {
    const pi = piFix(TOP_BITS + 64);
    twoOverPi = (2n << BigInt(2 * TOP_BITS + 64)) / pi;
  }
  const neg = x < 0;
  const ax = Math.abs(x);
  // ax = m * 2^e, m an integer
  let m = ax;
  let e = 0;
  while (m > 2 ** 53) { m /= 2; e++; }
  while (Math.floor(m) !== m) { m *= 2; e--; }
  const M = BigInt(m);
  const S = BigInt(TOP_BITS - e);
  const prod = M * twoOverPi; // ax * 2/pi * 2^S
  let ip = prod >> S;
  let frac = prod - (ip << S);
  if (frac >= 1n << (S - 1n)) { ip += 1n; frac -= 1n << S; }
  let k = Number(ip & 3n);
  // r = frac / 2^S * pi/2
  const fneg = frac < 0n;
  const fa = fneg ? -frac : frac;
  const fh = bigToDouble(fa, Number(S));
  const fl = bigToDouble(fa - doubleToFix(fh, Number(S)), Number(S));
  const T = getTables();
  ddMul(fh, fl, T.pio2dd[0], T.pio2dd[1]);
  if (fneg) { R[0] = -R[0]; R[1] = -R[1]; }
  if (neg) { R[0] = -R[0]; R[1] = -R[1]; k = (4 - k) % 4; }
  redK = k;
}

/** sin(r) for |r| <= ~pi/4 into R[0], R[1]: r + r s (c1 + s (c2 + ...)), s = r^2, c_i = (-1)^i / (2i+1)!; the
 * terms from i = 7 on are below 2^-40 relative and only need double precision. */
function sinKernel(rh: number, rl: number): void {
  const F = getTables().invFact;
  ddMul(rh, rl, rh, rl);
  const sh = R[0], sl = R[1];
  let t = -F[2 * 27];
  for (let i = 12; i >= 7; i--) t = (i & 1 ? -F[2 * (2 * i + 1)] : F[2 * (2 * i + 1)]) + sh * t;
  let ah = t, al = 0;
  for (let i = 6; i >= 1; i--) {
    ddMul(ah, al, sh, sl);
    const n = 2 * (2 * i + 1);
    if (i & 1) ddAdd(-F[n], -F[n + 1], R[0], R[1]); else ddAdd(F[n], F[n + 1], R[0], R[1]);
    ah = R[0]; al = R[1];
  }
  ddMul(ah, al, sh, sl);
  ddMul(R[0], R[1], rh, rl);
  ddAdd(rh, rl, R[0], R[1]);
}

/** cos(r) for |r| <= ~pi/4 into R[0], R[1]: 1 + s (c1 + s (c2 + ...)), c_i = (-1)^i / (2i)!. */
function cosKernel(rh: number, rl: number): void {
  const F = getTables().invFact;
  ddMul(rh, rl, rh, rl);
  const sh = R[0], sl = R[1];
  let t = F[2 * 28];
  for (let i = 13; i >= 7; i--) t = (i & 1 ? -F[2 * (2 * i)] : F[2 * (2 * i)]) + sh * t;
  let ah = t, al = 0;
  for (let i = 6; i >= 1; i--) {
    ddMul(ah, al, sh, sl);
    const n = 2 * (2 * i);
    if (i & 1) ddAdd(-F[n], -F[n + 1], R[0], R[1]); else ddAdd(F[n], F[n + 1], R[0], R[1]);
    ah = R[0]; al = R[1];
  }
  ddMul(ah, al, sh, sl);
  ddAdd(1, 0, R[0], R[1]);
}

/** sin and cos of r = rh + rl, |r| <= ~0.8 (the fast path), into SC (sin hi, lo, cos hi, lo) with relative
 * error below 2^-65: r = j/64 + t, |t| <= 1/128, sin(a + t) = S cos t + C sin t, cos(a + t) = C cos t - S sin t
 * with S, C = sin a, cos a from a double-double table and the series of t in double precision. */
function sinCosCore(rh: number, rl: number): void {
  const neg = rh < 0;
  if (neg) { rh = -rh; rl = -rl; }
  const j = Math.round(rh * 64);
  const th = rh - j * 0.015625; // exact
  const t2 = th * th;
  const sw = rl - th * t2 * (1 / 6 - t2 * (1 / 120 - t2 * (1 / 5040 - t2 * (1 / 362880)))); // sin t - th
  const cw = -th * rl - t2 * (0.5 - t2 * (1 / 24 - t2 * (1 / 720 - t2 * (1 / 40320)))); // cos t - 1
  const b = 4 * j;
  const sh = SINCOS[b], sl = SINCOS[b + 1], ch = SINCOS[b + 2], cl = SINCOS[b + 3];
  twoProd(ch, th);
  let pe = R[1];
  twoSum(sh, R[0]);
  let lo = R[1] + pe + sl + cl * th + sh * cw + ch * sw + (sl * cw + cl * sw);
  fastTwoSum(R[0], lo);
  if (neg) { SC[0] = -R[0]; SC[1] = -R[1]; } else { SC[0] = R[0]; SC[1] = R[1]; }
  twoProd(sh, th);
  pe = R[1];
  twoSum(ch, -R[0]);
  lo = R[1] - pe + cl - sl * th + ch * cw - sh * sw + (cl * cw - sl * sw);
  fastTwoSum(R[0], lo);
  SC[2] = R[0];
  SC[3] = R[1];
}

export function sin(x: number): number {
  if (x !== x) return x;
  if (x === Infinity || x === -Infinity) return DEFAULT_NAN;
  if (Math.abs(x) < 1.4901161193847656e-8) return x; // sin x rounds to x below 2^-26
  if (!fastReady) initFast();
  reduce(x);
  const rh = R[0], rl = R[1], k = redK;
  sinCosCore(rh, rl);
  const odd = (k & 1) === 1;
  const h = odd ? SC[2] : SC[0], l = odd ? SC[3] : SC[1];
  let r: number;
  if (roundsSafely(h, l, Math.abs(h) * 2 ** -62)) {
    r = h + l;
  } else {
    if (odd) cosKernel(rh, rl); else sinKernel(rh, rl);
    r = R[0] + R[1];
  }
  return k >= 2 ? -r : r;
}

export function cos(x: number): number {
  if (x !== x) return x;
  if (x === Infinity || x === -Infinity) return DEFAULT_NAN;
  if (Math.abs(x) < 7.450580596923828e-9) return 1;
  if (!fastReady) initFast();
  reduce(x);
  const rh = R[0], rl = R[1], k = redK;
  sinCosCore(rh, rl);
  const odd = (k & 1) === 1;
  const h = odd ? SC[0] : SC[2], l = odd ? SC[1] : SC[3];
  let r: number;
  if (roundsSafely(h, l, Math.abs(h) * 2 ** -62)) {
    r = h + l;
  } else {
    if (odd) sinKernel(rh, rl); else cosKernel(rh, rl);
    r = R[0] + R[1];
  }
  return k === 1 || k === 2 ? -r : r;
}

export function tan(x: number): number {
  if (x !== x) return x;
  if (x === Infinity || x === -Infinity) return DEFAULT_NAN;
  if (Math.abs(x) < 7.450580596923828e-9) return x; // tan x rounds to x below 2^-27
  if (!fastReady) initFast();
  reduce(x);
  const rh = R[0], rl = R[1], k = redK;
  sinCosCore(rh, rl);
  const odd = (k & 1) === 1;
  // tan = sin/cos, or -cos/sin in odd quadrants: quotient and its remainder
  const nh = odd ? SC[2] : SC[0], nl = odd ? SC[3] : SC[1];
  const dh = odd ? SC[0] : SC[2], dl = odd ? SC[1] : SC[3];
  const q = nh / dh;
  twoProd(q, dh);
  const ql = (((nh - R[0]) - R[1]) + nl - q * dl) / dh;
  if (roundsSafely(q, ql, Math.abs(q) * 2 ** -61)) return odd ? -(q + ql) : q + ql;
  sinKernel(rh, rl);
  const sh = R[0], sl = R[1];
  cosKernel(rh, rl);
  if (!odd) ddDiv(sh, sl, R[0], R[1]);
  else { ddDiv(R[0], R[1], sh, sl); R[0] = -R[0]; R[1] = -R[1]; }
  return R[0] + R[1];
}

/* --------------------------------------------------------------------------------- inverse trigonometry */

/*
 * The inverse functions start from V8's estimate t0 (within an ulp or two) and take one Newton step on an
 * equation in sin/cos evaluated to ~2^-65 (fast path) or in double-double (fallback): one step squares the
 * error, so t0 - step is accurate far beyond what rounding needs.
 */

const SC = new Float64Array(4); // sin (hi, lo), cos (hi, lo)

/** sin and cos of t, |t| <= pi (fast path), into SC. */
function sinCosAny(t: number): void {
  const k = Math.round(t * 0.6366197723675814); // -2..2
  if (k === 0) {
    sinCosCore(t, 0);
    return;
  }
  const a = t - k * KC[5]; // exact: k * pi/2 is close to t
  twoSum(a, -k * KC[6]);
  sinCosCore(R[0], R[1]);
  rotateSC(k);
}

/** Turns sin/cos of r in SC into sin/cos of r + k pi/2. */
function rotateSC(k: number): void {
  const s0 = SC[0], s1 = SC[1], c0 = SC[2], c1 = SC[3];
  switch (k & 3) {
    case 1: SC[0] = c0; SC[1] = c1; SC[2] = -s0; SC[3] = -s1; break;
    case 2: SC[0] = -s0; SC[1] = -s1; SC[2] = -c0; SC[3] = -c1; break;
    case 3: SC[0] = -c0; SC[1] = -c1; SC[2] = s0; SC[3] = s1; break;
    default: break;
  }
}

/** sin and cos of t (|t| <= pi) as double-doubles (fallback path), into SC. */
function sinCosDD(th: number, tl: number): void {
  const T = getTables();
  const p1 = T.pio2dd[0], p2 = T.pio2dd[1];
  const k = Math.round(th * 0.6366197723675814);
  let rh = th, rl = tl;
  if (k !== 0) {
    ddMulD(p1, p2, k);
    ddAdd(th, tl, -R[0], -R[1]);
    rh = R[0]; rl = R[1];
  }
  sinKernel(rh, rl);
  const s1 = R[0], s2 = R[1];
  cosKernel(rh, rl);
  SC[0] = s1; SC[1] = s2; SC[2] = R[0]; SC[3] = R[1];
  rotateSC(k);
}

/** atan2 of (y, x) scaled to ~1: Newton on g(t) = x sin t - y cos t, g'(t) = x cos t + y sin t. */
function atan2Scaled(y: number, x: number): number {
  const t0 = Math.atan2(y, x);
  sinCosAny(t0);
  twoProd(x, SC[0]);
  const a = R[0], ae = R[1];
  twoProd(y, SC[2]);
  const g = (a - R[0]) + (ae - R[1] + x * SC[1] - y * SC[3]);
  const d = g / (x * SC[2] + y * SC[0]);
  if (roundsSafely(t0, -d, Math.abs(t0) * 2 ** -61)) return t0 - d;
  sinCosDD(t0, 0);
  ddMulD(SC[0], SC[1], x);
  const ah = R[0], al = R[1];
  ddMulD(SC[2], SC[3], y);
  ddAdd(ah, al, -R[0], -R[1]);
  ddDiv(R[0], R[1], x * SC[2] + y * SC[0], 0);
  ddAdd(t0, 0, -R[0], -R[1]);
  return R[0] + R[1];
}

export function atan2(y: number, x: number): number {
  if (x !== x) return x;
  if (y !== y) return y;
  if (y === 0 || x === 0 || !Number.isFinite(x) || !Number.isFinite(y)) return Math.atan2(y, x);
  if (!fastReady) initFast();
  // scale both by the same power of two (exact) so that the larger is in [1, 2)
  const e = (highWord(Math.max(Math.abs(x), Math.abs(y))) >>> 20) - 1023;
  let sx = x, sy = y;
  if (e > -1000 && e < 1000) {
    const f = pow2(-e);
    sx *= f; sy *= f;
  } else {
    sx = scale2(x, -e); sy = scale2(y, -e);
  }
  if (Math.abs(sy) < 2 ** -900 || Math.abs(sx) < 2 ** -900) return Math.atan2(y, x); // the quotient dominates
  return atan2Scaled(sy, sx);
}

function scale2(v: number, k: number): number {
  while (k > 1000) { v *= 2 ** 1000; k -= 1000; }
  while (k < -1000) { v *= 2 ** -1000; k += 1000; }
  return v * 2 ** k;
}

export function atan(x: number): number {
  if (x !== x) return x;
  if (Math.abs(x) < 7.450580596923828e-9) return x; // atan x rounds to x below 2^-27
  if (Math.abs(x) > 2 ** 60) return x > 0 ? 1.5707963267948966 : -1.5707963267948966;
  if (!fastReady) initFast();
  return atan2Scaled(x, 1);
}

/** acos(x) for 0 <= x < 1 as (returned t0) - acosD (fast path): Newton on vers(t) = 1 - x with
 * vers(t) = 2 sin^2(t/2), which keeps full precision near x = 1. */
let acosD = 0;
function acosFast(x: number): number {
  const t0 = Math.acos(x);
  sinCosAny(t0 / 2);
  const s0 = SC[0], s1 = SC[1];
  twoProd(s0, s0);
  const vh = 2 * R[0], vl = 2 * (R[1] + 2 * s0 * s1);
  twoSum(1, -x);
  const g = (vh - R[0]) + (vl - R[1]);
  acosD = g / (2 * s0 * SC[2]);
  return t0;
}

/** acos of |x| <= 1 as a double-double (fallback path). */
function acosDD(x: number): void {
  if (x < 0) {
    acosDD(-x);
    const T = getTables();
    ddAdd(T.pidd[0], T.pidd[1], -R[0], -R[1]);
    return;
  }
  if (x === 1) { R[0] = 0; R[1] = 0; return; }
  const t0 = Math.acos(x);
  sinKernel(t0 / 2, 0);
  ddMul(R[0], R[1], R[0], R[1]);
  const vh = 2 * R[0], vl = 2 * R[1];
  twoSum(1, -x);
  ddAdd(vh, vl, -R[0], -R[1]);
  const fh = R[0], fl = R[1];
  sinCosDD(t0, 0);
  ddDiv(fh, fl, SC[0], SC[1]);
  ddAdd(t0, 0, -R[0], -R[1]);
}

const PI_H = 3.141592653589793;
const PI_L = 1.2246467991473532e-16;
const PIO2_H = 1.5707963267948966;
const PIO2_L = 6.123233995736766e-17;

export function acos(x: number): number {
  if (x !== x) return x;
  if (x > 1 || x < -1) return -DEFAULT_NAN; // glibc's acos returns a positive NaN
  if (x === 1) return 0;
  if (x === -1) return PI_H;
  if (!fastReady) initFast();
  const t0 = acosFast(Math.abs(x));
  if (x >= 0) {
    if (roundsSafely(t0, -acosD, t0 * 2 ** -61)) return t0 - acosD;
  } else {
    twoSum(PI_H, -t0); // pi - acos(-x)
    const h = R[0], l = R[1] + PI_L + acosD;
    if (roundsSafely(h, l, h * 2 ** -61)) return h + l;
  }
  acosDD(x);
  return R[0] + R[1];
}

export function asin(x: number): number {
  if (x !== x) return x;
  if (x > 1 || x < -1) return -DEFAULT_NAN;
  const ax = Math.abs(x);
  if (ax < 1.4901161193847656e-8) return x;
  if (ax === 1) return x > 0 ? PIO2_H : -PIO2_H;
  if (!fastReady) initFast();
  let r: number;
  if (ax <= 0.5) {
    // Newton on sin t = |x|
    const t0 = Math.asin(ax);
    sinCosAny(t0);
    const d = ((SC[0] - ax) + SC[1]) / SC[2];
    if (roundsSafely(t0, -d, t0 * 2 ** -61)) {
      r = t0 - d;
    } else {
      sinCosDD(t0, 0);
      ddAdd(SC[0], SC[1], -ax, 0);
      ddDiv(R[0], R[1], SC[2], SC[3]);
      ddAdd(t0, 0, -R[0], -R[1]);
      r = R[0] + R[1];
    }
  } else {
    const t0 = acosFast(ax); // asin = pi/2 - acos
    twoSum(PIO2_H, -t0);
    const h = R[0], l = R[1] + PIO2_L + acosD;
    if (roundsSafely(h, l, h * 2 ** -61)) {
      r = h + l;
    } else {
      acosDD(ax);
      ddAdd(PIO2_H, PIO2_L, -R[0], -R[1]);
      r = R[0] + R[1];
    }
  }
  return x < 0 ? -r : r;
}

/* ------------------------------------------------------------------ glibc's fdlibm-derived functions */

const W64 = new Float64Array(1);
const W32 = new Uint32Array(W64.buffer);
const HIW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The high 32 bits of x without the sign (fdlibm's `ix`). */
function highWord(x: number): number {
  W64[0] = x;
  return W32[HIW] & 0x7fffffff;
}

function lowWord(x: number): number {
  W64[0] = x;
  return W32[1 - HIW];
}

/** log10 as glibc computes it (e_log10.c): e * log10(2) + log(m) / ln(10) with fdlibm's constants. */
export function log10(x: number): number {
  if (x !== x) return x;
  if (x < 0) return -DEFAULT_NAN; // glibc's log10 wrapper returns a positive NaN
  if (x === 0) return -Infinity;
  if (x === Infinity) return x;
  let k = 0;
  if (x < 2.2250738585072014e-308) { k = -54; x *= 18014398509481984; }
  W64[0] = x;
  const hw = W32[HIW];
  k += (hw >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  W32[HIW] = (hw & 0x000fffff) | ((0x3ff - i) << 20);
  const m = W64[0]; // the mantissa with exponent 0 (or -1 when k < 0)
  const y = k + i;
  const z = y * LOG10_2LO + IVLN10 * log(m);
  return z + y * LOG10_2HI;
}

const IVLN10 = 4.34294481903251816668e-01;
const LOG10_2HI = 3.01029995663611771306e-01;
const LOG10_2LO = 3.69423907715893078616e-13;

/* fdlibm's thresholds are comparisons of the high word; these are the doubles they stand for. */
const LN_MAXDOUBLE_HW = 0x40862e42; // |x| < 709.78222656...
const OVF_HW = 0x408633ce;
const OVF_LW = 0x8fb9f87d;

/** sinh as glibc computes it (e_sinh.c, with glibc's expm1 = fdlibm's, the same as V8's Math.expm1). */
export function sinh(x: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return x;
  const h = x < 0 ? -0.5 : 0.5;
  const ix = highWord(x);
  const ax = Math.abs(x);
  if (ix < 0x40360000) { // |x| < 22
    if (ix < 0x3e300000) return x; // |x| < 2^-28
    const t = Math.expm1(ax);
    if (ix < 0x3ff00000) return h * (2 * t - (t * t) / (t + 1));
    return h * (t + t / (t + 1));
  }
  if (ix < LN_MAXDOUBLE_HW) return h * exp(ax);
  if (ix < OVF_HW || (ix === OVF_HW && lowWord(x) <= OVF_LW)) {
    const w = exp(0.5 * ax);
    const t = h * w;
    return t * w;
  }
  return x * 1.0e307;
}

/** cosh as glibc computes it (e_cosh.c). */
export function cosh(x: number): number {
  if (x !== x) return x;
  const ix = highWord(x);
  const ax = Math.abs(x);
  if (ix < 0x40360000) {
    if (ix < 0x3fd62e43) { // |x| < 0.5 ln 2
      if (ix < 0x3c800000) return 1;
      const t = Math.expm1(ax);
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    const t = exp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < LN_MAXDOUBLE_HW) return 0.5 * exp(ax);
  if (ix < OVF_HW || (ix === OVF_HW && lowWord(x) <= OVF_LW)) {
    const w = exp(0.5 * ax);
    const t = 0.5 * w;
    return t * w;
  }
  return Infinity;
}

/** tanh as glibc computes it (s_tanh.c). */
export function tanh(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return 1;
  if (x === -Infinity) return -1;
  const ix = highWord(x);
  let z: number;
  if (ix < 0x40360000) {
    if (x === 0) return x;
    if (ix < 0x3c800000) return x * (1 + x);
    if (ix >= 0x3ff00000) {
      const t = Math.expm1(2 * Math.abs(x));
      z = 1 - 2 / (t + 2);
    } else {
      const t = Math.expm1(-2 * Math.abs(x));
      z = -t / (t + 2);
    }
  } else {
    z = 1;
  }
  return x >= 0 ? z : -z;
}

/* --------------------------------------------------------------------------------------------- NaNs */

const NAN_F64 = new Float64Array(1);
const NAN_U8 = new Uint8Array(NAN_F64.buffer);
const SIGN_BYTE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 7 : 0;

function signBitOf(x: number): boolean {
  NAN_F64[0] = x;
  return (NAN_U8[SIGN_BYTE] & 0x80) !== 0;
}

/** x86-64's default NaN (sign bit set), what invalid operations produce in C. */
export const DEFAULT_NAN: number = (() => {
  NAN_F64[0] = NaN;
  const n = NAN_F64[0];
  return signBitOf(n) ? n : -n;
})();

/** The double-double reference paths, for tests that check the fast paths against them. */
export const referenceForTests = {
  exp: (x: number): number => expDD(x, 0),
  log: (x: number): number => { logDD(x); return R[0] + R[1]; },
  pow: (x: number, y: number): number => { logDD(x); ddMulD(R[0], R[1], y); return expDD(R[0], R[1]); },
  sin: (x: number): number => {
    reduce(x);
    const k = redK;
    if (k & 1) cosKernel(R[0], R[1]); else sinKernel(R[0], R[1]);
    return k >= 2 ? -(R[0] + R[1]) : R[0] + R[1];
  },
  tan: (x: number): number => {
    reduce(x);
    const rh = R[0], rl = R[1], k = redK;
    sinKernel(rh, rl);
    const sh = R[0], sl = R[1];
    cosKernel(rh, rl);
    if (k & 1) { ddDiv(R[0], R[1], sh, sl); return -(R[0] + R[1]); }
    ddDiv(sh, sl, R[0], R[1]);
    return R[0] + R[1];
  },
  acos: (x: number): number => { acosDD(x); return R[0] + R[1]; },
};
