/*
 * Control-flow structure of a prototype's bytecode, for generating structured JavaScript.
 *
 * Instructions are grouped into units (a test and its JMP form one unit; NEWTABLE/LOADKX/SETLIST-with-k take
 * their EXTRAARG along). Units are laid out in an emission order: bytecode order, except that a generic `for`
 * (TFORPREP jumping forward to TFORCALL/TFORLOOP at the loop's end) is rotated so that the iterator call
 * comes first and the loop is entered at its header. Then:
 *   - every edge to an earlier-or-same position makes a loop (header = target; it spans to the last source),
 *     emitted as `L<pc>: for (;;) { ... }`, reached again with `continue L<pc>`;
 *   - every forward edge makes a block ending right before its target, `B<pc>: { ... }`, left with
 *     `break B<pc>`; a block starts at its first source, moved outward until it nests with loops and blocks.
 * Flow that cannot be nested this way (a jump into the middle of a loop: only `goto` can do it) is reported
 * as irreducible (structure() returns null).
 */
import { Op, argBx, argC, argk, argsJ } from '../compiler/opcodes.js';

export interface Unit {
  pc: number;
  size: number;
  /** Fallthrough successor pc, or -1. */
  next: number;
  /** Jump targets (pcs). */
  jumps: number[];
}

export interface Region {
  kind: 'loop' | 'block';
  /** pc naming the label (the loop header or the block's target). */
  pc: number;
  start: number;
  /** Exclusive end position. */
  end: number;
}

export interface Structure {
  order: Unit[];
  pos: Map<number, number>;
  /** Regions opening at each position, outermost first. */
  opens: Region[][];
}

const TESTS = new Set<number>([Op.EQ, Op.LT, Op.LE, Op.EQK, Op.EQI, Op.LTI, Op.LEI, Op.GTI, Op.GEI, Op.TEST, Op.TESTSET]);

export function isTest(op: number): boolean {
  return TESTS.has(op);
}

/** Decodes the units of `code` starting at each pc (undefined inside multi-instruction units). */
export function units(code: Uint32Array): Map<number, Unit> {
  const out = new Map<number, Unit>();
  for (let pc = 0; pc < code.length;) {
    const i = code[pc];
    const op = i & 0x7f;
    let u: Unit;
    if (TESTS.has(op)) u = { pc, size: 2, next: pc + 2, jumps: [pc + 2 + argsJ(code[pc + 1])] };
    else {
      switch (op) {
        case Op.JMP: u = { pc, size: 1, next: -1, jumps: [pc + 1 + argsJ(i)] }; break;
        case Op.LFALSESKIP: u = { pc, size: 1, next: -1, jumps: [pc + 2] }; break;
        case Op.FORPREP: u = { pc, size: 1, next: pc + 1, jumps: [pc + argBx(i) + 2] }; break;
        case Op.FORLOOP: u = { pc, size: 1, next: pc + 1, jumps: [pc + 1 - argBx(i)] }; break;
        case Op.TFORPREP: u = { pc, size: 1, next: -1, jumps: [pc + 1 + argBx(i)] }; break;
        // rotated: continuing goes to the body (next in emission order), ending leaves the loop
        case Op.TFORLOOP: u = { pc, size: 1, next: pc + 1 - argBx(i), jumps: [pc + 1] }; break;
        case Op.RETURN: case Op.RETURN0: case Op.RETURN1: case Op.TAILCALL:
          u = { pc, size: 1, next: -1, jumps: [] }; break;
        case Op.NEWTABLE: case Op.LOADKX: u = { pc, size: 2, next: pc + 2, jumps: [] }; break;
        case Op.SETLIST: {
          const s = argk(i) ? 2 : 1;
          u = { pc, size: s, next: pc + s, jumps: [] };
          break;
        }
        default: u = { pc, size: 1, next: pc + 1, jumps: [] };
      }
    }
    if (u.next >= code.length) u.next = -1;
    out.set(pc, u);
    pc += u.size;
  }
  void argC;
  return out;
}

/** Emission order: bytecode order with generic-for loops rotated. */
function layout(code: Uint32Array, us: Map<number, Unit>): Unit[] | null {
  const order: Unit[] = [];
  const place = (from: number, to: number): boolean => {
    for (let pc = from; pc < to;) {
      const u = us.get(pc);
      if (u === undefined) return false;
      order.push(u);
      if ((code[pc] & 0x7f) === Op.TFORPREP) {
        const call = u.jumps[0];
        const cu = us.get(call), lu = us.get(call + 1);
        if (call <= pc || cu === undefined || lu === undefined || (code[call] & 0x7f) !== Op.TFORCALL ||
          (code[call + 1] & 0x7f) !== Op.TFORLOOP || call + 1 >= to) return false;
        order.push(cu, lu);
        if (!place(pc + 1, call)) return false;
        pc = call + 2;
        continue;
      }
      pc += u.size;
    }
    return true;
  };
  return place(0, code.length) ? order : null;
}

/** Edges of unit at position p that need a jump statement (a plain fallthrough to p + 1 does not). */
export function edgesOf(u: Unit, p: number, pos: Map<number, number>, op: number): number[] {
  const out: number[] = [];
  for (const t of u.jumps) {
    // an unconditional jump to the next unit in emission order is a no-op
    if (u.next === -1 && (op === Op.JMP || op === Op.TFORPREP) && pos.get(t) === p + 1) continue;
    out.push(t);
  }
  if (u.next !== -1 && pos.get(u.next) !== p + 1) out.push(u.next);
  return out;
}

export function structure(code: Uint32Array): Structure | null {
  const us = units(code);
  const order = layout(code, us);
  if (order === null) return null;
  const pos = new Map<number, number>();
  order.forEach((u, p) => pos.set(u.pc, p));
  const loops = new Map<number, Region>();
  const blocks = new Map<number, Region>();
  for (let p = 0; p < order.length; p++) {
    const u = order[p];
    for (const t of edgesOf(u, p, pos, code[u.pc] & 0x7f)) {
      const tp = pos.get(t);
      if (tp === undefined) return null;
      if (tp <= p) {
        const l = loops.get(t);
        if (l === undefined) loops.set(t, { kind: 'loop', pc: t, start: tp, end: p + 1 });
        else if (l.end < p + 1) l.end = p + 1;
      } else {
        const b = blocks.get(t);
        if (b === undefined) blocks.set(t, { kind: 'block', pc: t, start: p, end: tp });
        else if (b.start > p) b.start = p;
      }
    }
  }
  const ls = [...loops.values()];
  const bs = [...blocks.values()];
  // loops must nest among themselves
  for (const a of ls) for (const b of ls) if (a.start < b.start && b.start < a.end && a.end < b.end) return null;
  for (let changed = true; changed;) {
    changed = false;
    for (const b of bs) {
      for (const l of ls) {
        if (l.start < b.start && b.start < l.end && b.end > l.end) {
          b.start = l.start;
          changed = true;
        }
        if (b.start < l.start && l.start < b.end && b.end < l.end) return null; // a jump into a loop body
      }
      for (const c of bs) {
        if (c.start < b.start && b.start < c.end && c.end < b.end) {
          b.start = c.start;
          changed = true;
        }
      }
    }
  }
  const opens: Region[][] = order.map(() => []);
  for (const r of [...bs, ...ls]) opens[r.start].push(r);
  // outermost first: later end first; on equal ends a block encloses a loop
  for (const o of opens) o.sort((x, y) => y.end - x.end || (x.kind === 'block' ? -1 : 1) - (y.kind === 'block' ? -1 : 1));
  return { order, pos, opens };
}
