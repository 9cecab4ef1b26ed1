/*
 * Writer of Lua 5.4 binary chunks (the format of luac5.4 / string.dump), as a byte string (char codes
 * 0..255). Layout: header (signature, version 0x54, format 0, LUAC_DATA, sizes of Instruction/Integer/Number,
 * LUAC_INT, LUAC_NUM), the number of upvalues of the main function, then the main function recursively.
 * Sizes and counts use Lua's MSB-first 7-bit varint with the high bit set on the last byte; integers,
 * floats and instructions are little-endian. Line information is re-encoded from the absolute lines in
 * Proto.lineinfo into Lua's relative deltas plus periodic absolute entries, exactly as lcode.c does.
 */
import { LFloat, type LuaValue } from '../runtime/value.js';
import type { Proto } from './proto.js';

const LIMLINEDIFF = 0x80;
const MAXIWTHABS = 128;
const ABSLINEINFO = -0x80;
const MAX_SHORT_STRING = 40;

/** Constant type tags (type | variant << 4). */
const TAG_NIL = 0, TAG_FALSE = 1, TAG_TRUE = 17, TAG_INT = 3, TAG_FLOAT = 19, TAG_SHRSTR = 4, TAG_LNGSTR = 20;

class ByteWriter {
  private bytes: number[] = [];
  private scratch = new DataView(new ArrayBuffer(8));

  byte(b: number): void {
    this.bytes.push(b & 0xff);
  }

  /** Unsigned varint: 7 bits per byte, most significant group first, last byte marked with 0x80. */
  size(x: number): void {
    const groups: number[] = [];
    do {
      groups.push(x % 128);
      x = Math.floor(x / 128);
    } while (x !== 0);
    for (let i = groups.length - 1; i > 0; i--) this.bytes.push(groups[i]);
    this.bytes.push(groups[0] | 0x80);
  }

  u32(x: number): void {
    this.scratch.setUint32(0, x >>> 0, true);
    for (let i = 0; i < 4; i++) this.bytes.push(this.scratch.getUint8(i));
  }

  int64(x: number | bigint): void {
    this.scratch.setBigInt64(0, BigInt(x), true);
    for (let i = 0; i < 8; i++) this.bytes.push(this.scratch.getUint8(i));
  }

  float64(x: number): void {
    this.scratch.setFloat64(0, x, true);
    for (let i = 0; i < 8; i++) this.bytes.push(this.scratch.getUint8(i));
  }

  /** A string (byte string), or "no string" for undefined. */
  string(s: string | undefined): void {
    if (s === undefined) {
      this.size(0);
      return;
    }
    this.size(s.length + 1);
    for (let i = 0; i < s.length; i++) this.bytes.push(s.charCodeAt(i) & 0xff);
  }

  literal(s: string): void {
    for (let i = 0; i < s.length; i++) this.bytes.push(s.charCodeAt(i));
  }

  result(): string {
    let out = '';
    const CHUNK = 8192;
    for (let i = 0; i < this.bytes.length; i += CHUNK) {
      out += String.fromCharCode.apply(null, this.bytes.slice(i, i + CHUNK));
    }
    return out;
  }
}

/** Serialises `p` as a binary chunk; `strip` drops debug information (lines, locals, upvalue names). */
export function dump(p: Proto, strip: boolean): string {
  const w = new ByteWriter();
  w.literal('\x1bLua');
  w.byte(0x54);
  w.byte(0);
  w.literal('\x19\x93\r\n\x1a\n');
  w.byte(4);
  w.byte(8);
  w.byte(8);
  w.int64(0x5678);
  w.float64(370.5);
  w.byte(p.upvalues.length);
  dumpFunction(w, p, undefined, strip);
  return w.result();
}

function dumpFunction(w: ByteWriter, f: Proto, parentSource: string | undefined, strip: boolean): void {
  w.string(strip || f.source === parentSource ? undefined : f.source);
  w.size(f.linedefined);
  w.size(f.lastlinedefined);
  w.byte(f.numparams);
  w.byte(f.isVararg ? 1 : 0);
  w.byte(f.maxstacksize);
  w.size(f.code.length);
  for (let i = 0; i < f.code.length; i++) w.u32(f.code[i]);
  dumpConstants(w, f.k);
  w.size(f.upvalues.length);
  for (const u of f.upvalues) {
    w.byte(u.instack ? 1 : 0);
    w.byte(u.idx);
    w.byte(u.kind);
  }
  w.size(f.p.length);
  for (const c of f.p) dumpFunction(w, c, f.source, strip);
  dumpDebug(w, f, strip);
}

function dumpConstants(w: ByteWriter, k: LuaValue[]): void {
  w.size(k.length);
  for (const v of k) {
    if (v === undefined) w.byte(TAG_NIL);
    else if (v === false) w.byte(TAG_FALSE);
    else if (v === true) w.byte(TAG_TRUE);
    else if (typeof v === 'string') {
      w.byte(v.length <= MAX_SHORT_STRING ? TAG_SHRSTR : TAG_LNGSTR);
      w.string(v);
    } else if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) {
      w.byte(TAG_INT);
      w.int64(v);
    } else if (typeof v === 'number' || v instanceof LFloat) {
      w.byte(TAG_FLOAT);
      w.float64(typeof v === 'number' ? v : v.n);
    } else {
      throw new Error('cannot dump constant of this type');
    }
  }
}

/** Lua's encoding of line information: per-instruction deltas, with absolute entries when needed. */
export function encodeLines(f: Proto): { rel: number[]; abs: { pc: number; line: number }[] } {
  const rel: number[] = [];
  const abs: { pc: number; line: number }[] = [];
  let prev = f.linedefined;
  let iwthabs = 0;
  for (let pc = 0; pc < f.lineinfo.length; pc++) {
    const line = f.lineinfo[pc];
    let d = line - prev;
    if (Math.abs(d) >= LIMLINEDIFF || iwthabs++ >= MAXIWTHABS) {
      abs.push({ pc, line });
      d = ABSLINEINFO;
      iwthabs = 1;
    }
    rel.push(d);
    prev = line;
  }
  return { rel, abs };
}

function dumpDebug(w: ByteWriter, f: Proto, strip: boolean): void {
  if (strip) {
    for (let i = 0; i < 4; i++) w.size(0);
    return;
  }
  const { rel, abs } = encodeLines(f);
  w.size(rel.length);
  for (const d of rel) w.byte(d);
  w.size(abs.length);
  for (const a of abs) {
    w.size(a.pc);
    w.size(a.line);
  }
  w.size(f.locvars.length);
  for (const v of f.locvars) {
    w.string(v.name);
    w.size(v.startpc);
    w.size(v.endpc);
  }
  w.size(f.upvalues.length);
  for (const u of f.upvalues) w.string(u.name);
}
