/*
 * string.pack / string.unpack / string.packsize, behaving as Lua 5.4.4's on x86-64 Linux: native little
 * endian, sizeof(int) 4, long/size_t/lua_Integer/lua_Number 8, native maximum alignment 8.
 *
 * Results and data are byte strings. Integers up to 16 bytes: values are int64 (`number | bigint`), written as
 * two's complement with sign extension beyond 8 bytes, read back with sign extension and a check that bytes
 * beyond 8 carry no information. Floats go through a DataView.
 *
 * The format string is a C string in PUC (luaL_checkstring + '\0' tests): it ends at its first '\0'.
 */
import { LFloat, mkint, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import { argError, checkInteger, checkNumber, checkString, luaError, optInteger } from '../runtime/auxlib.js';
import { MAX_RESULTS, startPos } from './strpattern.js';

const MAXINTSIZE = 16;
const SZINT = 8; // sizeof(lua_Integer)
const NATIVE_MAXALIGN = 8;
const MAXSIZE = 2147483647; // lstrlib's MAXSIZE (INT_MAX)
const TWO32 = 4294967296;

const enum K {
  Int, Uint, Float, Number, Double, Char, String, Zstr, Padding, PaddAlign, Nop,
}

/** The parse state of a format: position, endianness, maximum alignment. */
class Header {
  pos = 0;
  little = true;
  maxAlign = 1;
  /** Size of the last option read. */
  size = 0;
  /** Alignment padding before the last option read. */
  ntoalign = 0;
  readonly end: number;
  constructor(readonly L: LuaState, readonly fmt: string) {
    const z = fmt.indexOf('\0');
    this.end = z < 0 ? fmt.length : z;
  }
  more(): boolean {
    return this.pos < this.end;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** An optional decimal count after an option, or `def`. */
function getNum(h: Header, def: number): number {
  if (!isDigit(h.fmt.charCodeAt(h.pos)) || h.pos >= h.end) return def;
  let a = 0;
  do {
    a = a * 10 + h.fmt.charCodeAt(h.pos++) - 48;
  } while (h.pos < h.end && isDigit(h.fmt.charCodeAt(h.pos)) && a <= (MAXSIZE - 9) / 10);
  return a;
}

function getNumLimit(h: Header, def: number): number {
  const sz = getNum(h, def);
  if (sz > MAXINTSIZE || sz <= 0) luaError(h.L, `integral size (${sz}) out of limits [1,${MAXINTSIZE}]`);
  return sz;
}

/** Reads the next option; its size goes to h.size. */
function getOption(h: Header): K {
  const opt = h.fmt[h.pos++];
  h.size = 0;
  switch (opt) {
    case 'b': h.size = 1; return K.Int;
    case 'B': h.size = 1; return K.Uint;
    case 'h': h.size = 2; return K.Int;
    case 'H': h.size = 2; return K.Uint;
    case 'l': case 'j': h.size = 8; return K.Int;
    case 'L': case 'J': case 'T': h.size = 8; return K.Uint;
    case 'f': h.size = 4; return K.Float;
    case 'n': h.size = 8; return K.Number;
    case 'd': h.size = 8; return K.Double;
    case 'i': h.size = getNumLimit(h, 4); return K.Int;
    case 'I': h.size = getNumLimit(h, 4); return K.Uint;
    case 's': h.size = getNumLimit(h, 8); return K.String;
    case 'c':
      h.size = getNum(h, -1);
      if (h.size === -1) luaError(h.L, "missing size for format option 'c'");
      return K.Char;
    case 'z': return K.Zstr;
    case 'x': h.size = 1; return K.Padding;
    case 'X': return K.PaddAlign;
    case ' ': break;
    case '<': h.little = true; break;
    case '>': h.little = false; break;
    case '=': h.little = true; break;
    case '!': h.maxAlign = getNumLimit(h, NATIVE_MAXALIGN); break;
    default: luaError(h.L, `invalid format option '${opt}'`);
  }
  return K.Nop;
}

/** Reads the next option and computes the padding that aligns it at `total` (h.ntoalign). */
function getDetails(h: Header, total: number): K {
  const opt = getOption(h);
  const size = h.size;
  let align = size;
  if (opt === K.PaddAlign) { // 'X' takes its alignment from the next option, which is otherwise ignored
    if (!h.more() || getOption(h) === K.Char || (align = h.size) === 0) {
      argError(h.L, 1, "invalid next option for option 'X'");
    }
    h.size = size;
  }
  if (align <= 1 || opt === K.Char) {
    h.ntoalign = 0;
  } else {
    if (align > h.maxAlign) align = h.maxAlign;
    if ((align & (align - 1)) !== 0) argError(h.L, 1, 'format asks for alignment not power of 2');
    h.ntoalign = (align - (total & (align - 1))) & (align - 1);
  }
  return opt;
}

/* ------------------------------------------------------------------------------------------------------ pack */

const F64 = new DataView(new ArrayBuffer(8));

/** `size` bytes of integer v (two's complement, sign-extended past 8 bytes when `neg`). */
function packInt(v: number | bigint, little: boolean, size: number, neg: boolean): string {
  let lo: number;
  let hi: number;
  if (typeof v === 'number') {
    lo = ((v % TWO32) + TWO32) % TWO32;
    hi = Math.floor(v / TWO32) >>> 0;
  } else {
    lo = Number(BigInt.asUintN(32, v));
    hi = Number(BigInt.asUintN(32, v >> 32n));
  }
  const bytes: number[] = new Array(size);
  for (let i = 0; i < size; i++) {
    let b: number;
    if (i < 4) b = (lo >>> (8 * i)) & 0xff;
    else if (i < 8) b = (hi >>> (8 * (i - 4))) & 0xff;
    else b = neg ? 0xff : 0;
    bytes[little ? i : size - 1 - i] = b;
  }
  return String.fromCharCode.apply(null, bytes);
}

function floatBytes(size: 4 | 8, x: number, little: boolean): string {
  if (size === 4) F64.setFloat32(0, x, little);
  else F64.setFloat64(0, x, little);
  let s = '';
  for (let i = 0; i < size; i++) s += String.fromCharCode(F64.getUint8(i));
  return s;
}

function checkFloat(L: LuaState, args: LuaValue[], i: number): number {
  const n = checkNumber(L, args, i);
  return typeof n === 'number' ? n : typeof n === 'bigint' ? Number(n) : n.n;
}

/** string.pack(fmt, v1, v2, ...). */
export function strPack(L: LuaState, args: LuaValue[]): LuaValue[] {
  const h = new Header(L, checkString(L, args, 1));
  args.push(undefined); // PUC pushes a nil mark after the arguments: a missing one reads "got nil"
  let arg = 1;
  let total = 0;
  let out = '';
  while (h.more()) {
    const opt = getDetails(h, total);
    const size = h.size;
    total += h.ntoalign + size;
    if (h.ntoalign > 0) out += '\0'.repeat(h.ntoalign);
    arg++;
    switch (opt) {
      case K.Int: {
        const n = checkInteger(L, args, arg);
        if (size < SZINT) {
          const lim = 2 ** (size * 8 - 1);
          if (!(-lim <= n && n < lim)) argError(L, arg, 'integer overflow');
        }
        out += packInt(n, h.little, size, n < 0);
        break;
      }
      case K.Uint: {
        const n = checkInteger(L, args, arg);
        if (size < SZINT && !(n >= 0 && n < 2 ** (size * 8))) argError(L, arg, 'unsigned overflow');
        out += packInt(n, h.little, size, false);
        break;
      }
      case K.Float:
        out += floatBytes(4, checkFloat(L, args, arg), h.little);
        break;
      case K.Number: case K.Double:
        out += floatBytes(8, checkFloat(L, args, arg), h.little);
        break;
      case K.Char: {
        const s = checkString(L, args, arg);
        if (s.length > size) argError(L, arg, 'string longer than given size');
        out += s;
        if (s.length < size) out += '\0'.repeat(size - s.length);
        break;
      }
      case K.String: {
        const s = checkString(L, args, arg);
        if (size < SZINT && s.length >= 2 ** (size * 8)) {
          argError(L, arg, 'string length does not fit in given size');
        }
        out += packInt(s.length, h.little, size, false) + s;
        total += s.length;
        break;
      }
      case K.Zstr: {
        const s = checkString(L, args, arg);
        if (s.indexOf('\0') >= 0) argError(L, arg, 'string contains zeros');
        out += s + '\0';
        total += s.length + 1;
        break;
      }
      case K.Padding:
        out += '\0';
        arg--;
        break;
      default: // PaddAlign, Nop
        arg--;
    }
  }
  return [out];
}

/** string.packsize(fmt). */
export function strPackSize(L: LuaState, args: LuaValue[]): LuaValue[] {
  const h = new Header(L, checkString(L, args, 1));
  let total = 0;
  while (h.more()) {
    const opt = getDetails(h, total);
    if (opt === K.String || opt === K.Zstr) argError(L, 1, 'variable-length format');
    const size = h.size + h.ntoalign;
    if (total > MAXSIZE - size) argError(L, 1, 'format result too large');
    total += size;
  }
  return [total];
}

/* ---------------------------------------------------------------------------------------------------- unpack */

/** Reads a `size`-byte integer at data[pos]. */
function unpackInt(L: LuaState, data: string, pos: number, little: boolean, size: number, signed: boolean):
  number | bigint {
  const at = (i: number) => data.charCodeAt(little ? pos + i : pos + size - 1 - i);
  const limit = size <= SZINT ? size : SZINT;
  let res: number | bigint;
  if (limit <= 6) { // fits a double exactly
    let v = 0;
    for (let i = limit - 1; i >= 0; i--) v = v * 256 + at(i);
    if (signed && size < SZINT && v >= 2 ** (size * 8 - 1)) v -= 2 ** (size * 8);
    res = v;
  } else {
    let v = 0n;
    for (let i = limit - 1; i >= 0; i--) v = (v << 8n) | BigInt(at(i));
    if (size < SZINT) {
      res = mkint(signed ? BigInt.asIntN(size * 8, v) : v);
    } else {
      res = mkint(BigInt.asIntN(64, v));
    }
  }
  if (size > SZINT) { // the extra bytes must be a plain sign extension
    const mask = !signed || res >= 0 ? 0 : 0xff;
    for (let i = limit; i < size; i++) {
      if (at(i) !== mask) luaError(L, `${size}-byte integer does not fit into Lua Integer`);
    }
  }
  return res;
}

function readFloat(data: string, pos: number, size: 4 | 8, little: boolean): LuaValue {
  for (let i = 0; i < size; i++) F64.setUint8(i, data.charCodeAt(pos + i));
  const x = size === 4 ? F64.getFloat32(0, little) : F64.getFloat64(0, little);
  return Math.floor(x) === x ? new LFloat(x) : x;
}

/** string.unpack(fmt, data [, pos]). */
export function strUnpack(L: LuaState, args: LuaValue[]): LuaValue[] {
  const h = new Header(L, checkString(L, args, 1));
  const data = checkString(L, args, 2);
  const ld = data.length;
  let pos = startPos(optInteger(L, args, 3, 1), ld) - 1;
  if (!(pos <= ld)) argError(L, 3, 'initial position out of string');
  const out: LuaValue[] = [];
  while (h.more()) {
    const opt = getDetails(h, pos);
    const size = h.size;
    if (h.ntoalign + size > ld - pos) argError(L, 2, 'data string too short');
    pos += h.ntoalign;
    if (out.length + 2 > MAX_RESULTS) luaError(L, 'stack overflow (too many results)');
    switch (opt) {
      case K.Int: case K.Uint:
        out.push(unpackInt(L, data, pos, h.little, size, opt === K.Int));
        break;
      case K.Float:
        out.push(readFloat(data, pos, 4, h.little));
        break;
      case K.Number: case K.Double:
        out.push(readFloat(data, pos, 8, h.little));
        break;
      case K.Char:
        out.push(data.slice(pos, pos + size));
        break;
      case K.String: {
        const len = unpackInt(L, data, pos, h.little, size, false);
        // as size_t: a negative (>= 2^63) length is huge
        if (len < 0 || len > ld - pos - size) argError(L, 2, 'data string too short');
        const n = Number(len);
        out.push(data.slice(pos + size, pos + size + n));
        pos += n;
        break;
      }
      case K.Zstr: {
        let z = data.indexOf('\0', pos);
        if (z < 0) z = ld;
        if (z >= ld) argError(L, 2, "unfinished string for format 'z'");
        out.push(data.slice(pos, z));
        pos = z + 1;
        break;
      }
      default: // padding, alignment, no-op
        break;
    }
    pos += size;
  }
  out.push(pos + 1);
  return out;
}
