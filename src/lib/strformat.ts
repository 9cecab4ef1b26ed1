/*
 * string.format, behaving as Lua 5.4.4's str_format on glibc: the same accepted conversions and flags per
 * conversion (lstrlib's L_FMTFLAGS*), the same 2-digit limits on width and precision, the same error texts, and
 * C printf's output for every accepted spec. Float digits come from runtime/number.ts (formatF/E/G/A, exact
 * like glibc, ties to even); this file adds printf's sign, '#', '0' and width handling around them.
 *
 * Integers are `number | bigint` (int64); %x/%o/%u print them as unsigned 64-bit, as C does with a cast.
 */
import { LFloat, LuaObject, LuaFunction, LuaThreadBase, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import { argError, checkInteger, checkNumber, checkString, luaError } from '../runtime/auxlib.js';
import { formatA, formatE, formatF, formatG } from '../runtime/number.js';
import { addressOf } from '../runtime/table.js';
import { NOFAST } from '../runtime/fastnative.js';

/* Flags each conversion accepts (lstrlib's L_FMTFLAGSF/X/I/U/C). */
const FLAGS_F = '-+#0 ';
const FLAGS_X = '-#0';
const FLAGS_I = '-+0 ';
const FLAGS_U = '-0';
const FLAGS_C = '-';

/** getformat refuses a spec (flags, digits and '.', plus the conversion) this long or longer. */
const MAX_SPEC = 22;

/** A parsed conversion spec. */
interface Spec {
  left: boolean; // '-'
  plus: boolean; // '+'
  space: boolean; // ' '
  alt: boolean; // '#'
  zero: boolean; // '0'
  width: number;
  prec: number; // -1 = none
}

/** A format string cut once into literal texts and conversions (formats are few and used many times):
 * lits[k] precedes conversion k (body = flags/width/precision, conv = the conversion char, 0 at the end of
 * the format), lits[convs.length] follows the last. */
interface FmtPlan {
  lits: string[];
  bodies: string[];
  convs: number[];
  /** Per conversion: the precision when the body is nothing but an optional '.' and up to 2 digits (no
   * flags, no width: a float conversion is then its digits alone), -1 for an empty body (the default
   * precision), -2 for any other body. */
  precs: number[];
}

const planCache = new Map<string, FmtPlan | null>();
const PLAN_CACHE_MAX = 256;
const PLAN_FORMAT_MAX = 256;
let lastFmt = '';
let lastPlan: FmtPlan | null = null;

/** The plan of fmt, or null when fmt has a spec too long (the general loop raises that in its turn). */
function planOf(fmt: string): FmtPlan | null {
  if (fmt === lastFmt) return lastPlan;
  let plan = planCache.get(fmt);
  if (plan === undefined) {
    plan = makePlan(fmt);
    if (fmt.length <= PLAN_FORMAT_MAX) {
      if (planCache.size >= PLAN_CACHE_MAX) planCache.clear();
      planCache.set(fmt, plan);
    }
  }
  lastFmt = fmt;
  lastPlan = plan;
  return plan;
}

function makePlan(fmt: string): FmtPlan | null {
  const plan: FmtPlan = { lits: [], bodies: [], convs: [], precs: [] };
  const n = fmt.length;
  let lit = '';
  let i = 0;
  while (i < n) {
    const j = fmt.indexOf('%', i);
    if (j < 0) {
      lit += fmt.slice(i);
      break;
    }
    lit += fmt.slice(i, j);
    i = j + 1;
    if (fmt.charCodeAt(i) === 37) { // '%%'
      lit += '%';
      i++;
      continue;
    }
    let k = i;
    while (k < n && isSpanChar(fmt.charCodeAt(k))) k++;
    if (k - i + 1 >= MAX_SPEC) return null;
    plan.lits.push(lit);
    lit = '';
    plan.bodies.push(fmt.slice(i, k));
    plan.precs.push(plainPrecision(fmt, i, k));
    plan.convs.push(k < n ? fmt.charCodeAt(k) : 0);
    i = k + 1;
  }
  plan.lits.push(lit);
  return plan;
}

/** FmtPlan.precs of the body fmt[i..k). */
function plainPrecision(fmt: string, i: number, k: number): number {
  if (i === k) return -1;
  if (fmt.charCodeAt(i) !== 46 || k - i > 3) return -2;
  let prec = 0;
  for (let j = i + 1; j < k; j++) {
    const c = fmt.charCodeAt(j);
    if (!isDigit(c)) return -2;
    prec = prec * 10 + c - 48;
  }
  return prec;
}

/** string.format(fmt, ...). */
export function strFormat(L: LuaState, args: LuaValue[]): LuaValue[] {
  const fmt = checkString(L, args, 1);
  const plan = fmt.length <= PLAN_FORMAT_MAX ? planOf(fmt) : null;
  if (plan === null) return [formatGeneral(L, args, fmt)];
  const top = args.length;
  const { lits, bodies, convs } = plan;
  let out = lits[0];
  for (let k = 0; k < convs.length; k++) {
    const arg = k + 2;
    if (arg > top) argError(L, arg, 'no value');
    out += formatItem(L, args, arg, bodies[k], convs[k]) + lits[k + 1];
  }
  return [out];
}

/** string.format's fast entry (runtime/fastnative.ts) for formats whose conversions are '%d'/'%i' of
 * integers, '%s' of strings and float conversions of JS numbers, with up to 3 arguments; NOFAST otherwise. */
export function formatEntry(L: LuaState, n: number, f: LuaValue, a: LuaValue, b: LuaValue, c: LuaValue): LuaValue | typeof NOFAST {
  if (typeof f !== 'string' || f.length > PLAN_FORMAT_MAX) return NOFAST;
  const plan = planOf(f);
  if (plan === null) return NOFAST;
  const { lits, bodies, convs, precs } = plan;
  const nc = convs.length;
  if (nc > 3 || nc > n - 1) return NOFAST;
  let out = lits[0];
  for (let k = 0; k < nc; k++) {
    const v = k === 0 ? a : k === 1 ? b : c;
    const conv = convs[k];
    const body = bodies[k];
    let t: string;
    if (conv === 115 && body.length === 0 && typeof v === 'string') { // %s (luaL_tolstring: __tostring first)
      const mt = L.getMetatable(v);
      if (mt !== undefined && mt.getStr('__tostring') !== undefined) return NOFAST;
      t = v;
    } else if ((conv === 100 || conv === 105) && body.length === 0 && typeof v === 'number' && Math.floor(v) === v) {
      t = String(v); // %d of an integer (never -0, never beyond 2^53)
    } else if (typeof v === 'number' && precs[k] >= -1 && (conv === 103 || conv === 102 || conv === 101)) {
      // '%g', '%.14g', '%.3f', '%e'...: printf's output is the digits alone (no sign flag, no padding)
      const prec = precs[k] < 0 ? 6 : precs[k];
      t = conv === 103 ? formatG(v, prec) : conv === 102 ? formatF(v, prec) : formatE(v, prec);
    } else if (typeof v === 'number' && (conv === 103 || conv === 102 || conv === 101 || conv === 71 || conv === 69)) {
      try {
        t = formatFloatItem(L, v, body, conv);
      } catch {
        return NOFAST; // a bad spec: the general entry raises it
      }
    } else {
      return NOFAST;
    }
    out += t + lits[k + 1];
  }
  return out;
}

/** The format loop for formats without a plan (the spec-length error is raised when reached, as PUC). */
function formatGeneral(L: LuaState, args: LuaValue[], fmt: string): string {
  const top = args.length;
  const n = fmt.length;
  let arg = 1;
  let out = '';
  let i = 0;
  while (i < n) {
    const j = fmt.indexOf('%', i);
    if (j < 0) {
      out += i === 0 ? fmt : fmt.slice(i);
      break;
    }
    if (j > i) out += fmt.slice(i, j);
    i = j + 1;
    if (fmt.charCodeAt(i) === 37) { // '%%'
      out += '%';
      i++;
      continue;
    }
    if (++arg > top) argError(L, arg, 'no value');
    let k = i;
    while (k < n && isSpanChar(fmt.charCodeAt(k))) k++;
    if (k - i + 1 >= MAX_SPEC) luaError(L, 'invalid format (too long)');
    const body = fmt.slice(i, k); // flags, width, precision
    const conv = k < n ? fmt.charCodeAt(k) : 0;
    i = k + 1;
    out += formatItem(L, args, arg, body, conv);
  }
  return out;
}

/* The chars getformat spans: flags, digits 1-9 ('0' is a flag) and '.'. */
function isSpanChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 43 || c === 35 || c === 32;
}

/** One conversion: `body` is what lies between '%' and the conversion char `conv`. */
function formatItem(L: LuaState, args: LuaValue[], arg: number, body: string, conv: number): string {
  if (body.length === 0 && (conv === 100 || conv === 105)) {
    // plain '%d' of an integer (a JS number: never beyond 2^53, never -0): its decimal digits
    const v = args[arg - 1];
    if (typeof v === 'number' && Math.floor(v) === v) return String(v);
  }
  const form = () => '%' + body + String.fromCharCode(conv);
  switch (conv) {
    case 99: { // 'c'
      const spec = parseSpec(L, body, form, FLAGS_C, false);
      const c = checkInteger(L, args, arg);
      return pad(String.fromCharCode(typeof c === 'number' ? ((c % 256) + 256) % 256 : Number(BigInt.asUintN(8, c))), spec);
    }
    case 100: case 105: // 'd', 'i'
      return formatInt(L, args, arg, body, form, FLAGS_I, 10, false);
    case 117: // 'u'
      return formatInt(L, args, arg, body, form, FLAGS_U, 10, true);
    case 111: // 'o'
      return formatInt(L, args, arg, body, form, FLAGS_X, 8, true);
    case 120: case 88: // 'x', 'X'
      return formatInt(L, args, arg, body, form, FLAGS_X, 16, true, conv === 88);
    case 97: case 65: { // 'a', 'A'
      const x = checkFloat(L, args, arg);
      const spec = parseSpec(L, body, form, FLAGS_F, true);
      return formatFloat(formatA(x, spec.prec < 0 ? undefined : spec.prec, conv === 65, spec.alt), x, spec, true);
    }
    case 101: case 69: case 102: case 103: case 71: // 'e', 'E', 'f', 'g', 'G'
      return formatFloatItem(L, checkFloat(L, args, arg), body, conv);
    case 112: { // 'p'
      const ptr = pointerText(args[arg - 1]);
      const spec = parseSpec(L, body, form, FLAGS_C, false);
      return pad(ptr, spec);
    }
    case 113: // 'q'
      if (body.length !== 0) luaError(L, "specifier '%q' cannot have modifiers");
      return quoteLiteral(L, args, arg);
    case 115: { // 's'
      const s = L.tostring(args[arg - 1]);
      if (body.length === 0) return s;
      if (s.indexOf('\0') >= 0) argError(L, arg, 'string contains zeros');
      const spec = parseSpec(L, body, form, FLAGS_C, true);
      if (spec.prec < 0 && s.length >= 100) return s; // too long for PUC's buffer: kept whole
      return pad(spec.prec >= 0 ? s.slice(0, spec.prec) : s, spec);
    }
    default: {
      const f = form();
      const z = f.indexOf('\0');
      return luaError(L, `invalid conversion '${z < 0 ? f : f.slice(0, z)}' to 'format'`);
    }
  }
}

/** %e, %E, %f, %g, %G of the double x. */
function formatFloatItem(L: LuaState, x: number, body: string, conv: number): string {
  const spec = parseSpec(L, body, () => '%' + body + String.fromCharCode(conv), FLAGS_F, true);
  const prec = spec.prec < 0 ? 6 : spec.prec;
  const upper = conv === 69 || conv === 71;
  const s = conv === 102 ? formatF(x, prec, false, spec.alt)
    : conv === 103 || conv === 71 ? formatG(x, prec, upper, spec.alt)
    : formatE(x, prec, upper, spec.alt);
  return formatFloat(s, x, spec, false);
}

/** checkformat, plus the parse: flags from `flags` (any number, any order), then at most 2 width digits
 * (a width cannot start with '0'), then, if allowed, '.' and at most 2 precision digits. */
function parseSpec(L: LuaState, body: string, form: () => string, flags: string, allowPrec: boolean): Spec {
  const spec: Spec = { left: false, plus: false, space: false, alt: false, zero: false, width: 0, prec: -1 };
  const n = body.length;
  let i = 0;
  for (; i < n; i++) {
    const c = body[i];
    if (flags.indexOf(c) < 0) break;
    if (c === '-') spec.left = true;
    else if (c === '+') spec.plus = true;
    else if (c === ' ') spec.space = true;
    else if (c === '#') spec.alt = true;
    else spec.zero = true;
  }
  if (body.charCodeAt(i) !== 48) {
    let d = 0;
    while (d < 2 && isDigit(body.charCodeAt(i))) spec.width = spec.width * 10 + body.charCodeAt(i++) - 48, d++;
    if (body.charCodeAt(i) === 46 && allowPrec) {
      i++;
      spec.prec = 0;
      d = 0;
      while (d < 2 && isDigit(body.charCodeAt(i))) spec.prec = spec.prec * 10 + body.charCodeAt(i++) - 48, d++;
    }
  }
  if (i !== n) luaError(L, `invalid conversion specification: '${form()}'`);
  return spec;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Pads `s` to the width: left-justified with '-', else right-justified with spaces. */
function pad(s: string, spec: Spec): string {
  const w = spec.width - s.length;
  if (w <= 0) return s;
  return spec.left ? s + ' '.repeat(w) : ' '.repeat(w) + s;
}

/** Pads a signed numeric text: '0' pads between the sign (and "0x" prefix) and the digits. */
function padNumber(sign: string, prefix: string, digits: string, spec: Spec, zeroOk: boolean): string {
  const len = sign.length + prefix.length + digits.length;
  const w = spec.width - len;
  if (w <= 0) return sign + prefix + digits;
  if (spec.left) return sign + prefix + digits + ' '.repeat(w);
  if (spec.zero && zeroOk) return sign + prefix + '0'.repeat(w) + digits;
  return ' '.repeat(w) + sign + prefix + digits;
}

/* --------------------------------------------------------------------------------------------------- integers */

function formatInt(
  L: LuaState, args: LuaValue[], arg: number, body: string, form: () => string, flags: string, radix: number,
  unsigned: boolean, upper = false,
): string {
  const v = checkInteger(L, args, arg);
  const spec = parseSpec(L, body, form, flags, true);
  let digits: string;
  let sign = '';
  if (unsigned) {
    const u = typeof v === 'number' && v >= 0 ? v : BigInt.asUintN(64, BigInt(v));
    digits = u.toString(radix);
    if (upper) digits = digits.toUpperCase();
  } else if (v < 0) {
    sign = '-';
    digits = (-v).toString();
  } else {
    digits = v.toString();
    if (spec.plus) sign = '+';
    else if (spec.space) sign = ' ';
  }
  let prefix = '';
  if (spec.prec >= 0) {
    if (spec.prec === 0 && digits === '0') digits = '';
    if (digits.length < spec.prec) digits = '0'.repeat(spec.prec - digits.length) + digits;
  }
  if (spec.alt) {
    if (radix === 8 && digits.charCodeAt(0) !== 48) digits = '0' + digits;
    else if (radix === 16 && v !== 0) prefix = upper ? '0X' : '0x'; // (a bigint is never 0)
  }
  return padNumber(sign, prefix, digits, spec, spec.prec < 0);
}

/* ----------------------------------------------------------------------------------------------------- floats */

/** luaL_checknumber as a C double. */
function checkFloat(L: LuaState, args: LuaValue[], arg: number): number {
  const v = args[arg - 1];
  if (typeof v === 'number') return v;
  const n = checkNumber(L, args, arg);
  return typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : n.n;
}

/** Adds printf's sign flags and padding to the text of a float (which carries its own '-'). */
function formatFloat(s: string, x: number, spec: Spec, hex: boolean): string {
  let sign = '';
  if (s.charCodeAt(0) === 45) {
    sign = '-';
    s = s.slice(1);
  } else if (spec.plus) {
    sign = '+';
  } else if (spec.space) {
    sign = ' ';
  }
  const finite = x - x === 0;
  let prefix = '';
  if (hex && finite) {
    prefix = s.slice(0, 2);
    s = s.slice(2);
  }
  return padNumber(sign, prefix, s, spec, finite);
}

/* ----------------------------------------------------------------------------------------------- %p and %q */

/** lua_topointer as text: an address for reference values and strings, "(null)" for the others. */
function pointerText(v: LuaValue): string {
  if (v instanceof LuaObject || v instanceof LuaFunction || v instanceof LuaThreadBase) return addressOf(v);
  if (typeof v === 'string') return stringAddress(v);
  return '(null)';
}

/* PUC interns strings, so equal strings have equal addresses: derive a stable pseudo-address from the bytes. */
function stringAddress(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return '0x' + (0x560000000000 + (h >>> 0) * 16).toString(16);
}

/** %q: a Lua literal that reads back as the same value. */
function quoteLiteral(L: LuaState, args: LuaValue[], arg: number): string {
  const v = args[arg - 1];
  if (typeof v === 'string') return quoteString(v);
  if (typeof v === 'number') {
    if (Math.floor(v) === v) return String(v);
    return quoteFloat(v);
  }
  if (typeof v === 'bigint') return v === -9223372036854775808n ? '0x8000000000000000' : v.toString();
  if (v instanceof LFloat) return quoteFloat(v.n);
  if (v === undefined || typeof v === 'boolean') return String(v === undefined ? 'nil' : v);
  return argError(L, arg, 'value has no literal form');
}

function quoteFloat(x: number): string {
  if (x === Infinity) return '1e9999';
  if (x === -Infinity) return '-1e9999';
  if (x !== x) return '(0/0)';
  return formatA(x);
}

/** addquoted: '"', '\\' and newline escaped with a backslash, control bytes as \ddd (3 digits when a digit
 * follows). Other bytes, including those >= 128, are kept. */
export function quoteString(s: string): string {
  let out = '"';
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92 || c === 10) {
      out += s.slice(from, i) + '\\' + s[i];
      from = i + 1;
    } else if (c < 32 || c === 127) {
      const next = s.charCodeAt(i + 1);
      const code = next >= 48 && next <= 57 ? String(c).padStart(3, '0') : String(c);
      out += s.slice(from, i) + '\\' + code;
      from = i + 1;
    }
  }
  return out + s.slice(from) + '"';
}
