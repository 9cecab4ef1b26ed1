/*
 * Debug hooks without a per-instruction test in the dispatch loop.
 *
 * While a thread has line or count hooks (debug.sethook), its Lua frames run a *trapped* copy of their
 * function's code: every instruction's opcode is replaced by TRAP (an opcode Lua 5.4 does not use), its operands
 * kept. The loop's `default:` case sends a TRAP to traceStep(), which runs the count and line hooks for that
 * instruction and then puts the real instruction back in its slot (the slot is "open") and has the loop execute
 * it; the next trap closes the slot again. With return hooks only, frames run a copy where only RETURN0 and
 * RETURN1 trap (their inline fast paths would skip the hook); with call hooks only, the function's own code.
 * A thread without hooks pays one test per frame (re)entry, nothing per instruction.
 *
 * Invariants:
 *  - A fully trapped copy has at most one open slot, and it is open only while its instruction executes: the
 *    next TRAP, or any (re)entry of a frame of that function (reload), closes it first. So every fetch in a
 *    hooked frame but the re-dispatched one is a TRAP.
 *  - An instruction that may jump to itself is never left open (the second fetch would not trap): JMP and
 *    FORLOOP are executed by traceStep itself; a test whose jump targets the test (the JMP after it has
 *    sJ = -2) gets, in the trapped copy only, a JMP to the JMP's own slot, marked `back`, which traceStep turns
 *    into the jump to the test (through its trap).
 *  - Trapped operands equal the real ones, so instructions that read the next word (the JMP after a test,
 *    EXTRAARG) read the same fields from the trapped copy.
 *  - A trapped RETURN0/RETURN1 returns through returnFrom() (so the return hook runs), never inline.
 *  - Copies are cached in Proto.tierData; hooks on one thread do not change the code other threads run.
 *
 * Execution budgets (budget.ts) use a third copy, run by frames without hooks while the state has a budget:
 * only the instructions that are budget steps trap (CALL, TAILCALL, FORLOOP, TFORLOOP, backward JMPs; the
 * JMP after a test whose jump goes backward is redirected to its own slot, marked `back`, like the self-jump
 * case above, so a taken backward jump of a test traps too), plus TFORCALL so that an open TFORLOOP slot is
 * closed again before the loop comes back to it. A trap there charges one step (except TFORCALL) and then
 * behaves as in the full copy. When hooks and a budget are both active, the full copy charges the same
 * instructions.
 */
import { OPS, Op, OFFSET_sJ } from '../compiler/opcodes.js';
import type { Proto } from '../compiler/proto.js';
import type { State } from './state.js';
import type { CallInfo } from './callinfo.js';
import { HOOK_COUNT, HOOK_LINE, HOOK_RET, type Coroutine } from './coroutine.js';
import { returnFrom, traceExec } from './call.js';
import { forLoop } from './metamethods.js';
import type { Budget } from './budget.js';

/** The opcode of a trapped instruction. */
export const OP_TRAP = 127;

interface Trapped {
  code: Uint32Array;
  /** The open slot (holding its real instruction), or -1. */
  open: number;
  /** Slots whose trapped JMP stands for a jump back to the test before it. */
  back: Uint8Array;
}

const FULL_KEY = 'hookTrap';
const RET_KEY = 'hookTrapReturns';
const BUDGET_KEY = 'budgetTrap';

function trapWord(ins: number): number {
  return ((ins & ~0x7f) | OP_TRAP) >>> 0;
}

function makeTrapped(p: Proto): Trapped {
  const real = p.code;
  const code = new Uint32Array(real.length);
  const back = new Uint8Array(real.length);
  for (let j = 0; j < real.length; j++) code[j] = trapWord(real[j]);
  for (let j = 0; j + 1 < real.length; j++) {
    const next = real[j + 1];
    if (OPS[real[j] & 0x7f]?.test && (next & 0x7f) === Op.JMP && (next >>> 7) - OFFSET_sJ === -2) {
      code[j + 1] = trapWord(((OFFSET_sJ - 1) << 7) >>> 0); // the test "jumps" to this slot instead
      back[j + 1] = 1;
    }
  }
  return { code, open: -1, back };
}

/** The last prototype asked for and its fully trapped copy (consecutive traps are mostly in one function). */
let lastProto: Proto | undefined;
let lastTrapped: Trapped | undefined;

function trappedOf(p: Proto): Trapped {
  if (p === lastProto) return lastTrapped!;
  let t = p.tierData[FULL_KEY] as Trapped | undefined;
  if (t === undefined) {
    t = makeTrapped(p);
    p.tierData[FULL_KEY] = t;
  }
  lastProto = p;
  lastTrapped = t;
  return t;
}

/** Whether the instruction at j is a budget step (a taken backward jump of a test is charged at its JMP). */
function isStep(code: Uint32Array, j: number): boolean {
  const ins = code[j];
  switch (ins & 0x7f) {
    case Op.CALL: case Op.TAILCALL: case Op.FORLOOP: case Op.TFORLOOP:
      return true;
    case Op.JMP:
      return (ins >>> 7) - OFFSET_sJ < 0;
    default:
      return false;
  }
}

function makeBudgetTrapped(p: Proto): Trapped {
  const real = p.code;
  const code = real.slice();
  const back = new Uint8Array(real.length);
  for (let j = 0; j < real.length; j++) {
    const ins = real[j];
    const op = ins & 0x7f;
    if (op === Op.JMP && (ins >>> 7) - OFFSET_sJ < 0 && j > 0 && OPS[real[j - 1] & 0x7f]?.test) {
      code[j] = trapWord(((OFFSET_sJ - 1) << 7) >>> 0); // the test's jump lands here (sJ = -1: this slot)
      back[j] = 1;
    } else if (isStep(real, j) || op === Op.TFORCALL) code[j] = trapWord(ins);
  }
  return { code, open: -1, back };
}

function budgetTrappedOf(p: Proto): Trapped {
  let t = p.tierData[BUDGET_KEY] as Trapped | undefined;
  if (t === undefined) {
    t = makeBudgetTrapped(p);
    p.tierData[BUDGET_KEY] = t;
  }
  return t;
}

/** The code a frame of `p` runs while the state has a budget and the thread no hooks. */
export function budgetCode(p: Proto): Uint32Array {
  const t = budgetTrappedOf(p);
  close(t);
  return t.code;
}

/** The copy of p's code where only RETURN0 and RETURN1 trap. */
function returnsTrapped(p: Proto): Uint32Array {
  let code = p.tierData[RET_KEY] as Uint32Array | undefined;
  if (code === undefined) {
    code = p.code.slice();
    for (let j = 0; j < code.length; j++) {
      const op = code[j] & 0x7f;
      if (op === Op.RETURN0 || op === Op.RETURN1) code[j] = trapWord(code[j]);
    }
    p.tierData[RET_KEY] = code;
  }
  return code;
}

function close(t: Trapped): void {
  const j = t.open;
  if (j >= 0) {
    t.code[j] = trapWord(t.code[j]);
    t.open = -1;
  }
}

/** The code a frame of `p` runs on thread `th`, which has hooks. */
export function hookedCode(th: Coroutine, p: Proto): Uint32Array {
  const mask = th.hookMask;
  if (mask & (HOOK_LINE | HOOK_COUNT)) {
    const t = trappedOf(p);
    close(t);
    return t.code;
  }
  return mask & HOOK_RET ? returnsTrapped(p) : p.code;
}

/** The TRAP at instruction j of `code`, run by the Lua frame `ci` (ci.savedpc is j + 1). Returns where the loop
 * goes on: j (the real instruction is now in place), another instruction, or -1 to reload the running frame. */
export function traceStep(L: State, th: Coroutine, ci: CallInfo, code: Uint32Array, j: number): number {
  const p = ci.closure!.p;
  const real = p.code[j];
  const budget = L.budget;
  if (budget !== undefined) {
    const bt = p.tierData[BUDGET_KEY] as Trapped | undefined;
    if (bt !== undefined && code === bt.code) return budgetStep(L, budget, th, ci, bt, real, j);
  }
  const t = trappedOf(p);
  if (code !== t.code) {
    // the returns-only copy: RETURN0 or RETURN1
    returnFrom(L, th, ci, ci.base + ((real >>> 7) & 0xff), (real & 0x7f) === Op.RETURN0 ? 0 : 1);
    return -1;
  }
  if (t.back[j] === 1) {
    close(t);
    return j - 1; // the test at j - 1 jumps to itself
  }
  const mask = th.hookMask;
  if (mask === HOOK_COUNT && th.hookCount > 1 && (j !== 0 || !p.isVararg)) th.hookCount--; // count-only fast path
  else if (mask & (HOOK_LINE | HOOK_COUNT)) {
    traceExec(L, th, ci, j); // count and line hooks (not for VARARGPREP)
    ci.savedpc = j + 1;
  }
  close(t);
  if (budget !== undefined && (isStep(p.code, j) || (OPS[real & 0x7f]?.test && j + 1 < p.code.length && isStep(p.code, j + 1)))) {
    charge(L, budget);
  }
  const op = real & 0x7f;
  switch (op) {
    case Op.JMP:
      return j + 1 + (real >>> 7) - OFFSET_sJ;
    case Op.FORLOOP:
      return forLoop(L, th, ci.base + ((real >>> 7) & 0xff)) ? j + 1 - (real >>> 15) : j + 1;
    case Op.RETURN0: case Op.RETURN1:
      if (th.hookMask !== 0) {
        returnFrom(L, th, ci, ci.base + ((real >>> 7) & 0xff), op === Op.RETURN0 ? 0 : 1);
        return -1;
      }
      break;
  }
  t.code[j] = real;
  t.open = j;
  return j;
}

function charge(L: State, budget: Budget): void {
  if (--L.fuel < 0) budget.refuel();
}

/** A trap of the budget copy: one step, then the instruction (executed here, or in its opened slot). */
function budgetStep(L: State, budget: Budget, th: Coroutine, ci: CallInfo, t: Trapped, real: number, j: number): number {
  close(t);
  const op = real & 0x7f;
  if (op !== Op.TFORCALL) charge(L, budget);
  if (t.back[j] === 1) return j + 1 + (real >>> 7) - OFFSET_sJ; // a test's backward jump, taken
  switch (op) {
    case Op.JMP:
      return j + 1 + (real >>> 7) - OFFSET_sJ;
    case Op.FORLOOP:
      return forLoop(L, th, ci.base + ((real >>> 7) & 0xff)) ? j + 1 - (real >>> 15) : j + 1;
  }
  t.code[j] = real;
  t.open = j;
  return j;
}
