/*
 * Loader of Lua 5.4 binary chunks (the format written by luac5.4 / string.dump) into a Proto.
 *
 * Invariants:
 *  - Input is a byte string (char codes 0..255). Every read is bounds-checked; any malformed input raises a
 *    LuaError with PUC-Lua's message `<name>: bad binary format (<why>)`; nothing here can crash, allocate
 *    unboundedly (counts are checked against the bytes left before allocating) or recurse without limit.
 *  - The loaded code is verified (opcodes, operand ranges, jump targets, final return) so that the
 *    interpreter never runs off the end of a code array or indexes outside constants/protos/upvalues.
 *  - Line info is converted from 5.4's relative encoding (+ absolute anchors) to absolute lines.
 */
import { LFloat, mkfloat, mkint, type LuaValue } from '../runtime/value.js';
import { LuaError } from '../runtime/errors.js';
import { Proto, type LocVar, type UpvalDesc } from './proto.js';
import { NUM_OPCODES, OPS, Op } from './opcodes.js';

const LUAC_DATA = '\x19\x93\r\n\x1a\n';
const LUAC_VERSION = 0x54;
const LUAC_FORMAT = 0;
const INT_MAX = 0x7fffffff;
/** Relative line entry that says "look in the absolute line table". */
const ABSLINEINFO = -0x80;
/** Nesting limit for functions (the parser allows ~200 levels; anything deeper is corrupt input). */
const MAX_NESTING = 250;

class Reader {
  pos = 0;
  depth = 0;
  constructor(readonly s: string, readonly name: string) {}

  error(why: string): never {
    throw new LuaError(`${this.name}: bad binary format (${why})`);
  }

  need(n: number): void {
    if (n > this.s.length - this.pos) this.error('truncated chunk');
  }

  byte(): number {
    if (this.pos >= this.s.length) this.error('truncated chunk');
    return this.s.charCodeAt(this.pos++);
  }

  /** A size in luac's varint encoding: 7-bit groups, most significant first, last byte flagged 0x80. */
  unsigned(limit: number): number {
    let x = 0;
    const lim = Math.floor(limit / 128);
    for (;;) {
      const b = this.byte();
      if (x >= lim) this.error('integer overflow');
      x = x * 128 + (b & 0x7f);
      if (b & 0x80) return x;
    }
  }

  int(): number {
    return this.unsigned(INT_MAX);
  }

  /** A count of items that each take at least `minBytes` bytes: refuses counts the input cannot hold. */
  count(minBytes: number): number {
    const n = this.int();
    if (n * minBytes > this.s.length - this.pos) this.error('truncated chunk');
    return n;
  }

  bytes(n: number): string {
    this.need(n);
    const r = this.s.substring(this.pos, this.pos + n);
    this.pos += n;
    return r;
  }

  /** Little-endian 64-bit signed integer as a bigint. */
  int64(): bigint {
    this.need(8);
    let lo = 0, hi = 0;
    for (let i = 0; i < 4; i++) lo += this.s.charCodeAt(this.pos + i) * 2 ** (8 * i);
    for (let i = 0; i < 4; i++) hi += this.s.charCodeAt(this.pos + 4 + i) * 2 ** (8 * i);
    this.pos += 8;
    return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
  }

  float64(): number {
    this.need(8);
    const dv = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 8; i++) dv.setUint8(i, this.s.charCodeAt(this.pos + i));
    this.pos += 8;
    return dv.getFloat64(0, true);
  }

  /** A nullable string: size 0 = no string, else size-1 bytes follow. */
  stringN(): string | undefined {
    const size = this.unsigned(Number.MAX_SAFE_INTEGER);
    if (size === 0) return undefined;
    return this.bytes(size - 1);
  }
}

function checkLiteral(r: Reader, lit: string, msg: string): void {
  const got = r.bytes(lit.length);
  if (got !== lit) r.error(msg);
}

function checkSize(r: Reader, size: number, tname: string): void {
  if (r.byte() !== size) r.error(`${tname} size mismatch`);
}

function checkHeader(r: Reader): void {
  r.pos = 1; // first char (ESC) already checked by the caller
  checkLiteral(r, 'Lua', 'not a binary chunk');
  if (r.byte() !== LUAC_VERSION) r.error('version mismatch');
  if (r.byte() !== LUAC_FORMAT) r.error('format mismatch');
  checkLiteral(r, LUAC_DATA, 'corrupted chunk');
  checkSize(r, 4, 'Instruction');
  checkSize(r, 8, 'lua_Integer');
  checkSize(r, 8, 'lua_Number');
  if (r.int64() !== 0x5678n) r.error('integer format mismatch');
  if (r.float64() !== 370.5) r.error('float format mismatch');
}

function loadCode(r: Reader, f: Proto): void {
  const n = r.count(4);
  const code = new Uint32Array(n);
  const s = r.s;
  let p = r.pos;
  for (let i = 0; i < n; i++, p += 4) {
    code[i] = (s.charCodeAt(p) | (s.charCodeAt(p + 1) << 8) | (s.charCodeAt(p + 2) << 16) | (s.charCodeAt(p + 3) << 24)) >>> 0;
  }
  r.pos = p;
  f.code = code;
}

function loadConstants(r: Reader, f: Proto): void {
  const n = r.count(1);
  const k: LuaValue[] = [];
  for (let i = 0; i < n; i++) {
    const t = r.byte();
    switch (t) {
      case 0x00: k.push(undefined); break; // nil
      case 0x01: k.push(false); break;
      case 0x11: k.push(true); break;
      case 0x13: k.push(mkfloat(r.float64())); break;
      case 0x03: k.push(mkint(r.int64())); break;
      case 0x04: case 0x14: {
        const str = r.stringN();
        if (str === undefined) r.error('bad format for constant string');
        k.push(str);
        break;
      }
      default: r.error('bad format for constant');
    }
  }
  f.k = k;
}

function loadUpvalues(r: Reader, f: Proto): void {
  const n = r.count(3);
  const ups: UpvalDesc[] = [];
  for (let i = 0; i < n; i++) {
    const instack = r.byte();
    const idx = r.byte();
    const kind = r.byte();
    ups.push({ name: undefined, instack: instack !== 0, idx, kind });
  }
  f.upvalues = ups;
}

function loadProtos(r: Reader, f: Proto): void {
  const n = r.count(1);
  const ps: Proto[] = [];
  if (n > 0 && ++r.depth > MAX_NESTING) r.error('too many nested functions');
  for (let i = 0; i < n; i++) {
    const p = new Proto();
    loadFunction(r, p, f.source);
    ps.push(p);
  }
  if (n > 0) r.depth--;
  f.p = ps;
}

function loadDebug(r: Reader, f: Proto): void {
  let n = r.count(1);
  const rel = new Int8Array(n);
  for (let i = 0; i < n; i++) rel[i] = (r.byte() << 24) >> 24;
  const nabs = r.count(2);
  const abs: Array<[number, number]> = [];
  for (let i = 0; i < nabs; i++) {
    const pc = r.int();
    const line = r.int();
    abs.push([pc, line]);
  }
  f.lineinfo = absoluteLines(r, f, rel, abs);
  n = r.count(3);
  const locs: LocVar[] = [];
  for (let i = 0; i < n; i++) {
    const name = r.stringN();
    const startpc = r.int();
    const endpc = r.int();
    locs.push({ name: name ?? '?', startpc, endpc });
  }
  f.locvars = locs;
  n = r.count(1);
  if (n > f.upvalues.length) r.error('corrupted chunk');
  for (let i = 0; i < n; i++) f.upvalues[i].name = r.stringN();
}

/** Converts 5.4's delta-encoded line info to one absolute line per instruction. */
function absoluteLines(r: Reader, f: Proto, rel: Int8Array, abs: Array<[number, number]>): Int32Array {
  if (rel.length === 0) return new Int32Array(0);
  if (rel.length !== f.code.length) r.error('corrupted chunk');
  const out = new Int32Array(rel.length);
  let line = f.linedefined;
  let ai = 0;
  for (let pc = 0; pc < rel.length; pc++) {
    if (rel[pc] === ABSLINEINFO) {
      while (ai < abs.length && abs[ai][0] < pc) ai++;
      if (ai >= abs.length || abs[ai][0] !== pc) r.error('corrupted chunk');
      line = abs[ai][1];
    } else {
      line += rel[pc];
    }
    out[pc] = line;
  }
  return out;
}

function loadFunction(r: Reader, f: Proto, psource: string): void {
  f.source = r.stringN() ?? psource;
  f.linedefined = r.int();
  f.lastlinedefined = r.int();
  f.numparams = r.byte();
  f.isVararg = r.byte() !== 0;
  f.maxstacksize = r.byte();
  loadCode(r, f);
  loadConstants(r, f);
  loadUpvalues(r, f);
  loadProtos(r, f);
  loadDebug(r, f);
  verifyCode(r, f);
}

/** The checks PUC-Lua leaves to `luai_verifycode`: enough that the VM cannot leave the code array or index
 * outside constants, prototypes, upvalues or the frame. */
function verifyCode(r: Reader, f: Proto): void {
  const code = f.code;
  const n = code.length;
  const nk = f.k.length;
  const nup = f.upvalues.length;
  const bad = (): never => r.error('corrupted chunk');
  if (n === 0) bad();
  if (f.numparams > f.maxstacksize && f.maxstacksize !== 0) bad();
  const last = code[n - 1] & 0x7f;
  if (last !== Op.RETURN && last !== Op.RETURN0 && last !== Op.RETURN1 && last !== Op.TAILCALL) bad();
  for (let pc = 0; pc < n; pc++) {
    const i = code[pc];
    const op = i & 0x7f;
    if (op >= NUM_OPCODES) bad();
    const a = (i >>> 7) & 0xff, b = (i >>> 16) & 0xff, c = i >>> 24, k = (i >>> 15) & 1, bx = i >>> 15;
    if (OPS[op].setsA && a >= f.maxstacksize && op !== Op.VARARGPREP) bad();
    const jumpTo = (target: number): void => { if (target < 0 || target >= n) bad(); };
    const needExtra = (): void => { if (pc + 1 >= n || (code[pc + 1] & 0x7f) !== Op.EXTRAARG) bad(); };
    switch (op) {
      case Op.LOADK: if (bx >= nk) bad(); break;
      case Op.LOADKX: needExtra(); if ((code[pc + 1] >>> 7) >= nk) bad(); break;
      case Op.GETUPVAL: case Op.SETUPVAL: if (b >= nup) bad(); break;
      case Op.GETTABUP: if (b >= nup || c >= nk || typeof f.k[c] !== 'string') bad(); break;
      case Op.SETTABUP: if (a >= nup || b >= nk || typeof f.k[b] !== 'string' || (k && c >= nk)) bad(); break;
      case Op.GETFIELD: if (c >= nk || typeof f.k[c] !== 'string') bad(); break;
      case Op.SETFIELD: if (b >= nk || typeof f.k[b] !== 'string' || (k && c >= nk)) bad(); break;
      case Op.SETTABLE: case Op.SETI: if (k && c >= nk) bad(); break;
      case Op.SELF: if (k && (c >= nk || typeof f.k[c] !== 'string')) bad(); break;
      case Op.NEWTABLE: needExtra(); break;
      case Op.ADDK: case Op.SUBK: case Op.MULK: case Op.MODK: case Op.POWK: case Op.DIVK: case Op.IDIVK:
        if (c >= nk || !isNum(f.k[c])) bad();
        break;
      case Op.BANDK: case Op.BORK: case Op.BXORK:
        if (c >= nk || !(typeof f.k[c] === 'bigint' || (typeof f.k[c] === 'number' && Math.floor(f.k[c] as number) === f.k[c]))) bad();
        break;
      case Op.ADD: case Op.SUB: case Op.MUL: case Op.MOD: case Op.POW: case Op.DIV: case Op.IDIV:
      case Op.BAND: case Op.BOR: case Op.BXOR: case Op.SHL: case Op.SHR:
      case Op.ADDI: case Op.SHRI: case Op.SHLI:
        // the instruction after an arithmetic op is its MMBIN fallback
        if (pc + 1 >= n) bad();
        break;
      case Op.MMBIN: case Op.MMBINI: case Op.MMBINK: {
        if (pc === 0 || c < 6 || c > 19) bad(); // TM_ADD .. TM_BNOT
        if (op === Op.MMBINK && b >= nk) bad();
        const prev = code[pc - 1] & 0x7f;
        if (prev < Op.ADDI || prev > Op.SHR) bad();
        break;
      }
      case Op.JMP: jumpTo(pc + 1 + ((i >>> 7) - 0xffffff)); break;
      case Op.EQ: case Op.LT: case Op.LE: case Op.EQI: case Op.LTI: case Op.LEI: case Op.GTI: case Op.GEI:
      case Op.TEST: case Op.TESTSET:
        if (pc + 1 >= n || (code[pc + 1] & 0x7f) !== Op.JMP) bad();
        break;
      case Op.EQK: if (b >= nk || pc + 1 >= n || (code[pc + 1] & 0x7f) !== Op.JMP) bad(); break;
      case Op.FORLOOP: jumpTo(pc + 1 - bx); break;
      case Op.FORPREP: jumpTo(pc + 2 + bx); break;
      case Op.TFORPREP: {
        const t = pc + 1 + bx;
        jumpTo(t);
        if ((code[t] & 0x7f) !== Op.TFORCALL || ((code[t] >>> 7) & 0xff) !== a) bad();
        break;
      }
      case Op.TFORCALL:
        if (pc + 1 >= n || (code[pc + 1] & 0x7f) !== Op.TFORLOOP) bad();
        break;
      case Op.TFORLOOP: jumpTo(pc + 1 - bx); break;
      case Op.SETLIST: if (k) needExtra(); break;
      case Op.CLOSURE: if (bx >= f.p.length) bad(); break;
      case Op.EXTRAARG: {
        const prev = pc > 0 ? code[pc - 1] & 0x7f : -1;
        if (prev !== Op.LOADKX && prev !== Op.NEWTABLE && prev !== Op.SETLIST) bad();
        break;
      }
      default: break;
    }
  }
  // closures must be able to find their upvalues
  for (const p of f.p) {
    for (const uv of p.upvalues) {
      if (uv.instack ? uv.idx >= Math.max(f.maxstacksize, 1) : uv.idx >= nup) bad();
    }
  }
}

function isNum(v: LuaValue): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat;
}

/** Loads a binary chunk. `chunkname` follows load()'s convention ("@file", "=name" or the text itself). */
export function undump(bytes: string, chunkname: string): Proto {
  let name: string;
  if (chunkname.startsWith('@') || chunkname.startsWith('=')) name = chunkname.slice(1);
  else if (chunkname.startsWith('\x1b')) name = 'binary string';
  else name = chunkname;
  const r = new Reader(bytes, name);
  checkHeader(r);
  const nupvals = r.byte();
  const f = new Proto();
  loadFunction(r, f, '=?');
  if (nupvals !== f.upvalues.length) r.error('corrupted chunk');
  return f;
}
