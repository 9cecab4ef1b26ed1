/*
 * Type inference for the JS tier: a forward dataflow over a prototype's units (cfg.ts) computing, before each
 * unit and on each of its outgoing edges, a small lattice value per register:
 *
 *   BOT (not reached) < INT (a Lua integer held as a JS number in the safe range, in its `r` local)
 *                     < FLT (a Lua float held as a raw JS double in its own `f` local, never boxed)
 *   INT, FLT < NUM (some Lua number in the b2 representation, `r` local) < ANY (any value, `r` local)
 *   INT < I64 (a Lua integer held unboxed as two int32 words in its `h` and `l` locals, int64.ts) < NUM
 *
 * The representation follows the type: a register whose type is FLT at a point lives in `f<r>` there, every
 * I64 register in `h<r>`/`l<r>`, every other register in `r<r>` (or its stack slot when captured). codegen.ts boxes `f` into `r` where the value
 * escapes: on edges into a point where the register is not FLT, before generic instructions that read it, and
 * at deoptimisation. Facts come from constants, LOADI/LOADF, numeric for loops, and Lua 5.4's arithmetic rules;
 * the generated code keeps them true with guards that deoptimise at the instruction (a non-number operand of
 * float arithmetic, an integer result leaving the safe range), so every fact holds on every path that
 * continues in compiled code.
 *
 * A loop where a register enters as an integer (or unknown) and comes round as a float is analysed (and
 * emitted) twice, its first iteration apart (Peel below): its states are keyed pc + off there.
 *
 * Invariants: the analysis and the generator agree because the generator reads the result types computed here
 * (resultOf) instead of re-deriving them; captured registers are always ANY (they live in the stack, where
 * closures and the interpreter see them); in-states only grow, so the iteration terminates.
 */
import type { Proto } from '../compiler/proto.js';
import { Op, argA, argB, argC, argk, argBx, argsC } from '../compiler/opcodes.js';
import { LFloat } from '../runtime/value.js';
import type { Structure, Region } from './cfg.js';

export const BOT = 0, INT = 1, FLT = 2, NUM = 3, ANY = 4, I64 = 5;
export type Ty = number;
export type State = Uint8Array;

export function lub(a: Ty, b: Ty): Ty {
  if (a === b || b === BOT) return a;
  if (a === BOT) return b;
  if (a === ANY || b === ANY) return ANY;
  if ((a === INT && b === I64) || (a === I64 && b === INT)) return I64;
  return NUM;
}

/** Type of a constant. */
export function constType(v: unknown): Ty {
  if (typeof v === 'number') return Math.floor(v) === v ? INT : FLT;
  if (v instanceof LFloat) return FLT;
  if (typeof v === 'bigint') return I64;
  return ANY;
}

/** Arithmetic opcodes specialised on types (others stay generic). */
export const enum Ar { ADD, SUB, MUL, MOD, POW, DIV, IDIV, UNM }
const ARITH: Record<number, Ar> = {
  [Op.ADD]: Ar.ADD, [Op.ADDK]: Ar.ADD, [Op.ADDI]: Ar.ADD, [Op.SUB]: Ar.SUB, [Op.SUBK]: Ar.SUB,
  [Op.MUL]: Ar.MUL, [Op.MULK]: Ar.MUL, [Op.MOD]: Ar.MOD, [Op.MODK]: Ar.MOD, [Op.POW]: Ar.POW, [Op.POWK]: Ar.POW,
  [Op.DIV]: Ar.DIV, [Op.DIVK]: Ar.DIV, [Op.IDIV]: Ar.IDIV, [Op.IDIVK]: Ar.IDIV, [Op.UNM]: Ar.UNM,
};
export function arithKind(op: number): Ar | undefined {
  return ARITH[op];
}

/** An arithmetic operand: a register or a constant (immediate or K). */
export interface Operand { reg: number; k?: number | LFloat | unknown }

export function operands(p: Proto, i: number): [Operand, Operand] {
  const op = i & 0x7f;
  const b: Operand = { reg: argB(i) };
  switch (op) {
    case Op.ADDI: return [b, { reg: -1, k: argsC(i) }];
    case Op.UNM: return [b, b];
    case Op.ADDK: case Op.SUBK: case Op.MULK: case Op.MODK: case Op.POWK: case Op.DIVK: case Op.IDIVK:
      return [b, { reg: -1, k: p.k[argC(i)] }];
    default: return [b, { reg: argC(i) }];
  }
}

export function operandType(s: State, o: Operand): Ty {
  return o.reg >= 0 ? s[o.reg] : constType(o.k);
}

/** Result type of a specialised arithmetic instruction (NUM: the generic path, any Lua number). */
export function arithResult(kind: Ar, tx: Ty, ty: Ty): Ty {
  if (kind === Ar.DIV || kind === Ar.POW) return FLT;
  if (tx === FLT || ty === FLT) return FLT;
  // integer // and % by zero deoptimise (checked inline): the interpreter raises the error
  if (tx === INT && ty === INT) return INT;
  // 64-bit work: an I64 operand makes the result I64 (exact wrapping, int64.ts), a safe integer joins it,
  // an operand of unknown type is guarded to be an integer (else the instruction deoptimises)
  if ((tx === INT || tx === I64) && (ty === INT || ty === I64)) return I64;
  if (kind !== Ar.IDIV && kind !== Ar.MOD && (tx === I64 || ty === I64) && (tx === ANY || tx === NUM || ty === ANY || ty === NUM)) return I64;
  return NUM;
}

/** Bitwise opcodes (kinds of bitResult). */
export const enum Bw { AND, OR, XOR, SHL, SHR, NOT }
const BITW: Record<number, Bw> = {
  [Op.BAND]: Bw.AND, [Op.BANDK]: Bw.AND, [Op.BOR]: Bw.OR, [Op.BORK]: Bw.OR, [Op.BXOR]: Bw.XOR, [Op.BXORK]: Bw.XOR,
  [Op.SHL]: Bw.SHL, [Op.SHLI]: Bw.SHL, [Op.SHR]: Bw.SHR, [Op.SHRI]: Bw.SHR, [Op.BNOT]: Bw.NOT,
};
export function bitKind(op: number): Bw | undefined {
  return BITW[op];
}

/** Operands of a bitwise instruction (SHLI's constant is its left operand: sC << R[B]). */
export function bitOperands(p: Proto, i: number): [Operand, Operand] {
  const b: Operand = { reg: argB(i) };
  switch (i & 0x7f) {
    case Op.BANDK: case Op.BORK: case Op.BXORK: return [b, { reg: -1, k: p.k[argC(i)] }];
    case Op.SHRI: return [b, { reg: -1, k: argsC(i) }];
    case Op.SHLI: return [{ reg: -1, k: argsC(i) }, b];
    case Op.BNOT: return [b, b];
    default: return [b, { reg: argC(i) }];
  }
}

/** The left-shift count of a shift by a constant (`x >> n` is `x << -n`), else undefined. */
export function constShift(kind: Bw, oy: Operand): number | undefined {
  if (oy.reg >= 0 || typeof oy.k !== 'number' || (kind !== Bw.SHL && kind !== Bw.SHR)) return undefined;
  return kind === Bw.SHL ? oy.k : -oy.k;
}

/**
 * Result type of a bitwise instruction on integer operands (ANY: the generic emission). The rule for the I64
 * representation: it is chosen where a result can leave the safe range and 64-bit work is going on, i.e. an
 * operand is already I64, or the operation is a shift (`<<` overflows; `>>` of a negative value is huge).
 * Results provably within [0, 2^53) stay INT: `x & k` with 0 <= k < 2^31, logical right shifts of a safe
 * integer by >= 11, of an I64 by >= 32 (one word: `h >>> n`). A shift of an I64 by 11..31 stays I64: two
 * word shifts, where the INT result would be split into words again by the next 64-bit operation
 * (hash-int: 0.55 s with INT there, 0.33 s with I64). and/or/xor/not of two safe integers keep the generic
 * code, whose int32 fast path is what small-integer code (flags, masks) runs best with.
 */
export function bitResult(kind: Bw, tx: Ty, ty: Ty, ox: Operand, oy: Operand): Ty {
  const isInt = (t: Ty, o: Operand): boolean => (o.reg >= 0 ? t === INT || t === I64 : typeof o.k === 'number' || typeof o.k === 'bigint');
  const unknown = (t: Ty, o: Operand): boolean => o.reg >= 0 && (t === ANY || t === NUM);
  if (!isInt(tx, ox) || !isInt(ty, oy)) {
    // next to 64-bit work, an operand of unknown type is guarded to be an integer (else: deoptimise)
    if ((tx === I64 && unknown(ty, oy)) || (ty === I64 && unknown(tx, ox))) return I64;
    return ANY;
  }
  if (kind === Bw.AND) {
    for (const o of [ox, oy]) if (o.reg < 0 && typeof o.k === 'number' && o.k >= 0 && o.k <= 0x7fffffff) return INT;
  }
  const n = constShift(kind, oy);
  if (n !== undefined && (n >= 64 || n <= (tx === I64 ? -32 : -11))) return INT;
  if (tx === I64 || ty === I64) return I64;
  if (kind === Bw.SHL || kind === Bw.SHR) return I64;
  return ANY;
}

/** Kind of a numeric for loop, decided from the types of its initial value and step at FORPREP. */
export function forIsFloat(s: State, a: number): boolean {
  return s[a] === FLT || s[a + 2] === FLT;
}

/** Registers a generic (unspecialised) instruction reads: a list, or 'all'. */
export function readsOf(i: number): number[] | 'all' {
  const op = i & 0x7f;
  const a = argA(i), b = argB(i), c = argC(i);
  const rk = argk(i) ? [] : [c];
  switch (op) {
    case Op.LOADI: case Op.LOADF: case Op.LOADK: case Op.LOADKX: case Op.LOADFALSE: case Op.LFALSESKIP:
    case Op.LOADTRUE: case Op.LOADNIL: case Op.GETUPVAL: case Op.GETTABUP: case Op.NEWTABLE: case Op.JMP:
    case Op.CLOSURE: case Op.VARARG: case Op.VARARGPREP: case Op.EXTRAARG: case Op.MMBIN: case Op.MMBINI:
    case Op.MMBINK: case Op.RETURN0: case Op.CLOSE:
      return [];
    case Op.MOVE: case Op.GETFIELD: case Op.GETI: case Op.UNM: case Op.BNOT: case Op.NOT: case Op.LEN:
    case Op.TESTSET: case Op.SHRI: case Op.SHLI:
      return [b];
    case Op.GETTABLE: return [b, c];
    case Op.SELF: return [b, ...rk];
    case Op.SETUPVAL: case Op.TEST: case Op.RETURN1: case Op.TBC: return [a];
    case Op.SETTABUP: return rk;
    case Op.SETFIELD: case Op.SETI: return [a, ...rk];
    case Op.SETTABLE: return [a, b, ...rk];
    case Op.CONCAT: return Array.from({ length: b }, (_, j) => a + j);
    case Op.EQ: case Op.LT: case Op.LE: return [a, b];
    case Op.EQK: case Op.EQI: case Op.LTI: case Op.LEI: case Op.GTI: case Op.GEI: return [a];
    case Op.CALL: case Op.TAILCALL: return b === 0 ? 'all' : Array.from({ length: b }, (_, j) => a + j);
    case Op.RETURN: return b === 0 ? 'all' : Array.from({ length: b - 1 }, (_, j) => a + j);
    case Op.TFORPREP: return [a + 3];
    case Op.TFORCALL: return [a, a + 1, a + 2];
    case Op.TFORLOOP: return [a + 4];
    case Op.FORPREP: case Op.FORLOOP: return [a, a + 1, a + 2];
    default:
      if (ARITH[op] !== undefined || (op >= Op.ADDI && op <= Op.SHR)) return op >= Op.ADDI && op <= Op.SHLI ? [b] : [b, c];
      return 'all';
  }
}

/** Registers [from, to) a generic instruction writes (to = -1: up to the end of the frame). */
export function writesOf(i: number): [number, number] | null {
  const op = i & 0x7f;
  const a = argA(i);
  switch (op) {
    case Op.LOADNIL: return [a, a + argB(i) + 1];
    case Op.SELF: return [a, a + 2];
    case Op.CALL: case Op.VARARG: return [a, -1];
    case Op.TFORCALL: return [a + 4, -1];
    case Op.TFORLOOP: return [a + 2, a + 3];
    case Op.SETUPVAL: case Op.SETTABUP: case Op.SETTABLE: case Op.SETI: case Op.SETFIELD: case Op.SETLIST:
    case Op.CLOSE: case Op.TBC: case Op.JMP: case Op.RETURN: case Op.RETURN0: case Op.RETURN1: case Op.TAILCALL:
    case Op.TFORPREP: case Op.MMBIN: case Op.MMBINI: case Op.MMBINK: case Op.EXTRAARG: case Op.VARARGPREP:
    case Op.EQ: case Op.LT: case Op.LE: case Op.EQK: case Op.EQI: case Op.LTI: case Op.LEI: case Op.GTI: case Op.GEI:
    case Op.TEST:
      return null;
    default: return [a, a + 1];
  }
}

/** Registers [from, to) an instruction certainly writes on every edge (for liveness: killing fewer is safe). */
function killsOf(i: number): [number, number] | null {
  const op = i & 0x7f;
  const a = argA(i);
  switch (op) {
    case Op.LOADNIL: return [a, a + argB(i) + 1];
    case Op.SELF: return [a, a + 2];
    case Op.CALL: return argC(i) === 0 ? null : [a, a + argC(i) - 1];
    case Op.VARARG: return argC(i) === 0 ? null : [a, a + argC(i) - 1];
    case Op.TFORCALL: return [a + 4, a + 4 + argC(i)];
    case Op.TESTSET: case Op.TFORLOOP: case Op.FORPREP: case Op.FORLOOP: return null;
    default: return writesOf(i);
  }
}

/**
 * Backward liveness of registers 0..n-1 over m units (types.ts's boxing liveness, codegen.ts's exitLive): each
 * unit kills a range of registers and then reads some (or all); a unit is live-in = reads + (union of its
 * successors' live-in - kills). Described once per unit (edge/kill/reads/exitAll), solved over bit words with
 * a worklist (the least fixpoint). The analysis runs for every compiled function: kept to typed arrays and
 * small loops, because V8 optimises it soon (a version inlining readsOf's switch and allocating per pass took
 * 45-49 ms of TurboFan time per compile of each of the two passes, twice for one of them, in a 1-rep deltablue).
 */
export class Liveness {
  private readonly w: number;
  private readonly succ: number[][];
  private readonly preds: number[][];
  /** Per unit: the killed range [k0, k1) and the registers read. */
  private readonly k0: Int32Array;
  private readonly k1: Int32Array;
  private readonly rds: number[][];
  /** Per unit: everything is live on entry (an open read) or on exit (an edge out of the known units). */
  private readonly allIn: Uint8Array;
  private readonly allOut: Uint8Array;

  constructor(private readonly n: number, private readonly m: number) {
    this.w = (n + 31) >>> 5;
    this.succ = [];
    this.preds = [];
    this.rds = [];
    for (let k = 0; k < m; k++) { this.succ.push([]); this.preds.push([]); this.rds.push([]); }
    this.k0 = new Int32Array(m);
    this.k1 = new Int32Array(m);
    this.allIn = new Uint8Array(m);
    this.allOut = new Uint8Array(m);
  }

  /** An edge from unit k to unit j (undefined: a target outside the units, ignored). */
  edge(k: number, j: number | undefined): void {
    if (j === undefined) return;
    this.succ[k].push(j);
    this.preds[j].push(k);
  }

  /** Everything is live after unit k (an edge to a point the analysis does not know). */
  exitAll(k: number): void {
    this.allOut[k] = 1;
  }

  kill(k: number, from: number, to: number): void {
    this.k0[k] = from;
    this.k1[k] = Math.min(to, this.n);
  }

  reads(k: number, rd: readonly number[] | 'all'): void {
    if (rd === 'all') this.allIn[k] = 1;
    else for (const r of rd) if (r < this.n) this.rds[k].push(r);
  }

  /** Registers [from, n) are read by unit k. */
  readsFrom(k: number, from: number): void {
    for (let r = from; r < this.n; r++) this.rds[k].push(r);
  }

  /** The live-in set of each unit (1 = live). */
  solve(): Uint8Array[] {
    const { n, m, w } = this;
    const bits = new Int32Array(m * w);
    const out = new Int32Array(w);
    const dirty = new Uint8Array(m).fill(1);
    const full = (1 << (n & 31)) - 1;
    for (let changed = true; changed;) {
      changed = false;
      for (let k = m - 1; k >= 0; k--) {
        if (dirty[k] === 0) continue;
        dirty[k] = 0;
        if (this.allIn[k] === 1 || this.allOut[k] === 1) out.fill(-1);
        else {
          out.fill(0);
          for (const j of this.succ[k]) for (let x = 0, o = j * w; x < w; x++) out[x] |= bits[o + x];
        }
        if (this.allIn[k] === 0) {
          for (let r = this.k0[k], e = this.k1[k]; r < e; r++) out[r >>> 5] &= ~(1 << (r & 31));
          for (const r of this.rds[k]) out[r >>> 5] |= 1 << (r & 31);
        }
        if ((n & 31) !== 0) out[w - 1] &= full;
        let diff = false;
        for (let x = 0, o = k * w; x < w; x++) if (bits[o + x] !== out[x]) { bits[o + x] = out[x]; diff = true; }
        if (diff) {
          changed = true;
          for (const j of this.preds[k]) dirty[j] = 1;
        }
      }
    }
    const sets: Uint8Array[] = [];
    for (let k = 0; k < m; k++) {
      const l = new Uint8Array(n);
      for (let r = 0, o = k * w; r < n; r++) l[r] = (bits[o + (r >>> 5)] >>> (r & 31)) & 1;
      sets.push(l);
    }
    return sets;
  }
}

/**
 * A loop emitted twice by codegen.ts ("peeled"): its first iteration, entered from outside, with the types of
 * the loop's entry, then the loop itself with the types of its back edges (from both copies). The units of the
 * first-iteration copy are keyed `pc + off` in the states below (off > every pc); its edges back to the header
 * go to the loop, its exits where the loop's go. Peeled loops never nest (so each unit has at most two copies).
 * It pays where a register enters a loop as an integer (or a value of unknown type) and goes round as a float
 * (`while x > 0 do x = (x - x % 2) / 2 end`, `local s = 0; for ... do s = s + a[i] * b end`): the lub of both,
 * a number of unknown kind in its boxed b2 form, costs an LFloat per integral float result; peeled, the loop
 * keeps it a raw double (`f` local) and only the first iteration runs the generic code.
 */
export interface Peel { region: Region; h: number; start: number; end: number; off: number }

/** A unit as the analysis sees it: `key` names its states (pc, or pc + off in a peel copy). */
interface VUnit { key: number; pc: number; pos: number; next: number; jumps: number[]; peel: Peel | null }

/** At most this many units are copied per function (the copies are compiled code too, and V8 stops optimising
 * functions beyond a size). */
const PEEL_MAX_UNITS = 120;

/** The key of the unit at pc reached by an edge from position `from` in copy `ctx` (null: the main copy). */
export function edgeKey(st: Structure, peels: readonly Peel[], t: number, from: number, ctx: Peel | null): number {
  if (ctx !== null) {
    if (t === ctx.h) return t;
    const tp = st.pos.get(t)!;
    if (tp >= ctx.start && tp < ctx.end) return t + ctx.off;
  }
  for (const q of peels) if (t === q.h && !(from >= q.start && from < q.end)) return t + q.off;
  return t;
}

/** The key of pc in the same copy as a unit of copy `ctx` (for a numeric for's FORPREP seen from its FORLOOP). */
export function keyIn(st: Structure, pc: number, ctx: Peel | null): number {
  if (ctx === null) return pc;
  const p = st.pos.get(pc)!;
  return p >= ctx.start && p < ctx.end ? pc + ctx.off : pc;
}

export class Types {
  /** In-state of each unit (by pc). */
  readonly ins = new Map<number, State>();
  /** Out-state of each unit on its fallthrough edge, and on its jump edges. */
  readonly outs = new Map<number, State>();
  readonly jumpOuts = new Map<number, State>();
  /** FORPREP pcs compiled as float loops. */
  readonly floatFor = new Set<number>();
  /** Registers that are FLT somewhere (they get an `f` local). */
  readonly fregs = new Set<number>();
  /** Registers that are I64 somewhere (they get `h` and `l` locals). */
  readonly iregs = new Set<number>();
  /** Registers live on entry to each unit (read before written on some path from there). */
  readonly live = new Map<number, Uint8Array>();

  /** The analysis's units: the structure's, with each peeled loop's first-iteration copy before the loop. */
  private readonly order: VUnit[] = [];
  /** Keys of units whose in-state changed since their last transfer (run()). */
  private readonly dirty = new Set<number>();

  constructor(private readonly p: Proto, private readonly st: Structure, private readonly captured: Set<number>,
    private readonly noInt: boolean, private readonly fltLoads: ReadonlySet<number> = new Set(),
    private readonly intParams: readonly number[] = [], readonly peels: readonly Peel[] = []) {
    const vu = (pos: number, ctx: Peel | null): VUnit => {
      const u = st.order[pos];
      return {
        key: ctx === null ? u.pc : u.pc + ctx.off, pc: u.pc, pos, peel: ctx,
        next: u.next === -1 ? -1 : edgeKey(st, peels, u.next, pos, ctx),
        jumps: u.jumps.map((t) => edgeKey(st, peels, t, pos, ctx)),
      };
    };
    for (let pos = 0; pos < st.order.length; pos++) {
      for (const q of peels) if (q.start === pos) for (let k = q.start; k < q.end; k++) this.order.push(vu(k, q));
      this.order.push(vu(pos, null));
    }
  }

  run(): boolean {
    const n = this.p.maxstacksize;
    const order = this.order;
    const entry = new Uint8Array(n).fill(ANY);
    // parameters speculated integers by codegen.ts (its entry guard checks them before the frame exists)
    for (const r of this.intParams) entry[r] = INT;
    this.ins.set(order[0].key, entry);
    // passes in order over the units whose in-state changed since their last transfer (a transfer depends on
    // the unit and its in-state only: the others would give what they gave before)
    const dirty = this.dirty;
    dirty.add(order[0].key);
    for (let pass = 0; pass < 200; pass++) {
      let changed = false;
      for (const u of order) {
        if (!dirty.has(u.key)) continue;
        dirty.delete(u.key);
        const s = this.ins.get(u.key);
        if (s === undefined) continue;
        const [fall, jump] = this.transfer(u, s);
        this.outs.set(u.key, fall);
        this.jumpOuts.set(u.key, jump);
        if (u.next !== -1 && this.merge(u.next, fall)) changed = true;
        for (const t of u.jumps) if (this.merge(t, jump)) changed = true;
      }
      if (!changed) {
        // a register can be FLT only on a unit's way out (written, then merged into a non-FLT point)
        for (const m of [this.ins, this.outs, this.jumpOuts]) {
          for (const s of m.values()) s.forEach((t, r) => { if (t === FLT) this.fregs.add(r); else if (t === I64) this.iregs.add(r); });
        }
        this.liveness();
        return true;
      }
    }
    return false;
  }

/** Backward liveness over the units: boxing a FLT register on an edge is needed only where it is live. */
  private liveness(): void {
    const n = this.p.maxstacksize;
    const order = this.order;
    const code = this.p.code;
    const m = order.length;
    const index = new Map<number, number>();
    for (let k = 0; k < m; k++) index.set(order[k].key, k);
    const lv = new Liveness(n, m);
    for (let k = 0; k < m; k++) {
      const u = order[k];
      if (u.next !== -1) lv.edge(k, index.get(u.next));
      for (const t of u.jumps) lv.edge(k, index.get(t));
      const i = code[u.pc];
      const kl = killsOf(i);
      if (kl !== null) lv.kill(k, kl[0], kl[1]);
      lv.reads(k, readsOf(i));
    }
    const sets = lv.solve();
    for (let k = 0; k < m; k++) this.live.set(order[k].key, sets[k]);
  }

  private merge(pc: number, s: State): boolean {
    const d = this.ins.get(pc);
    if (d === undefined) {
      this.ins.set(pc, s.slice());
      this.dirty.add(pc);
      return true;
    }
    let changed = false;
    for (let r = 0; r < d.length; r++) {
      const t = lub(d[r], s[r]);
      if (t !== d[r]) {
        d[r] = t;
        changed = true;
      }
    }
    if (changed) this.dirty.add(pc);
    return changed;
  }

  private set(s: State, r: number, t: Ty): void {
    if (r < s.length) s[r] = this.captured.has(r) ? ANY : this.noInt && t === INT ? NUM : t;
  }

  /** Result type of the arithmetic at pc given its in-state. */
  resultOf(pc: number, s: State): Ty {
    const i = this.p.code[pc];
    const kind = ARITH[i & 0x7f];
    const [x, y] = operands(this.p, i);
    const t = arithResult(kind, operandType(s, x), operandType(s, y));
    return this.noInt && t === INT ? NUM : t;
  }

  /** Result type of the bitwise instruction at pc given its in-state (ANY: generic). */
  bitResultOf(pc: number, s: State): Ty {
    const i = this.p.code[pc];
    const [x, y] = bitOperands(this.p, i);
    const t = bitResult(BITW[i & 0x7f], operandType(s, x), operandType(s, y), x, y);
    return this.noInt && t === INT ? NUM : t;
  }

  /**
   * Loops worth peeling (see Peel), from an analysis without any: those with a register live at the header
   * that comes round as a float on every back edge and enters as something else. Inner loops first; none
   * nested in another, none at the function's entry, PEEL_MAX_UNITS units in all.
   */
  peelCandidates(): Peel[] {
    const st = this.st;
    const loops: Region[] = [];
    for (const o of st.opens) for (const r of o) if (r.kind === 'loop' && r.start > 0 && r.end - r.start <= PEEL_MAX_UNITS) loops.push(r);
    loops.sort((x, y) => (x.end - x.start) - (y.end - y.start));
    const out: Peel[] = [];
    const n = this.p.maxstacksize;
    let off = this.p.code.length, budget = PEEL_MAX_UNITS;
    for (const l of loops) {
      if (l.end - l.start > budget || out.some((q) => q.start < l.end && l.start < q.end)) continue;
      const live = this.live.get(l.pc);
      if (live === undefined) continue;
      const back = new Uint8Array(n), entry = new Uint8Array(n);
      for (const u of this.order) {
        const edges: [number, State | undefined][] = [[u.next, this.outs.get(u.key)]];
        for (const j of u.jumps) edges.push([j, this.jumpOuts.get(u.key)]);
        for (const [t, s] of edges) {
          if (t !== l.pc || s === undefined) continue;
          const d = u.pos >= l.start && u.pos < l.end ? back : entry;
          for (let r = 0; r < n; r++) d[r] = lub(d[r], s[r]);
        }
      }
      let gain = false;
      for (let r = 0; r < n; r++) if (live[r] === 1 && back[r] === FLT && entry[r] !== FLT && entry[r] !== BOT) gain = true;
      if (!gain) continue;
      out.push({ region: l, h: l.pc, start: l.start, end: l.end, off });
      off += this.p.code.length;
      budget -= l.end - l.start;
    }
    return out;
  }

  /** States after unit u on its fallthrough edge and on its jump edges. */
  private transfer(u: VUnit, s0: State): [State, State] {
    const pc = u.pc;
    const p = this.p;
    const i = p.code[pc];
    const op = i & 0x7f;
    const a = argA(i);
    const s = s0.slice();
    switch (op) {
      case Op.MOVE: this.set(s, a, s0[argB(i)]); return [s, s];
      case Op.LOADI: this.set(s, a, INT); return [s, s];
      case Op.LOADF: this.set(s, a, FLT); return [s, s];
      case Op.LOADK: this.set(s, a, constType(p.k[argBx(i)])); return [s, s];
      case Op.FORPREP: {
        // internal registers shared with a captured variable (another loop's) keep the generic loop
        const isF = forIsFloat(s0, a) && !this.captured.has(a) && !this.captured.has(a + 1) && !this.captured.has(a + 2);
        if (isF) this.floatFor.add(u.key);
        else this.floatFor.delete(u.key);
        const t = isF ? FLT : INT;
        const body = s.slice();
        for (let r = a; r < a + 4; r++) this.set(body, r, t);
        // the skip edge leaves the loop registers as they were (dead after the loop)
        for (let r = a; r < a + 3; r++) this.set(s, r, t === FLT ? FLT : s0[r]);
        return [body, s];
      }
      case Op.FORLOOP: {
        const prep = keyIn(this.st, pc - argBx(i), u.peel);
        const t = this.floatFor.has(prep) ? FLT : INT;
        for (let r = a; r < a + 3; r++) this.set(s, r, t);
        const back = s.slice();
        this.set(back, a + 3, t);
        return [s, back];
      }
      default:
        break;
    }
    const kind = ARITH[op];
    if (kind !== undefined) {
      this.set(s, a, this.resultOf(pc, s0));
      return [s, s];
    }
    // a table load speculated to give a float (codegen.ts guards it and deoptimises otherwise)
    if (this.fltLoads.has(pc)) {
      this.set(s, a, FLT);
      return [s, s];
    }
    if (BITW[op] !== undefined) {
      this.set(s, a, this.bitResultOf(pc, s0));
      return [s, s];
    }
    const w = writesOf(i);
    if (w !== null) {
      const to = w[1] < 0 ? s.length : Math.min(w[1], s.length);
      for (let r = w[0]; r < to; r++) s[r] = ANY;
    }
    if (op === Op.TESTSET) {
      // written on the jump edge only; both edges call it unknown (the generator stores it before testing)
      s[a] = ANY;
    }
    return [s, s];
  }
}

