/*
 * Execution budgets: a limit on the steps and/or the wall-clock time a state may run, for sandboxes.
 *
 * A *step* is one loop back edge or one call made by Lua code: every backward jump taken (`while`, `repeat`,
 * `goto`), every numeric/generic `for` iteration step (FORLOOP, TFORLOOP) and every CALL/TAILCALL
 * instruction. Both tiers charge exactly these events (the interpreter through a trapped copy of the code,
 * see hooktrap.ts; compiled code with an inline `if (--L.fuel < 0)` at the same instructions), so a program
 * stops at the same instruction whatever the tier. Natives are not charged: their work is bounded by their
 * inputs, and anything they call back in Lua is charged there.
 *
 * The counter is `State.fuel`: Infinity while no budget is enabled (the decrement never goes below zero and
 * nothing else is paid), else the steps granted before the next check. Running out calls `refuel`, which
 * takes the next grant from the remaining steps and compares the clock with the deadline (so the clock is
 * read once per GRANT steps, not per step). Once the budget is exhausted every further step raises again:
 * `pcall` can catch the error, but the code cannot do any more looping or calling after it.
 *
 * Budgets must be enabled when the state is created (the compiled code must contain the checks); limits can
 * then be changed at any time with `set`.
 */
import { LuaError } from '../runtime/errors.js';

/** Steps granted between two checks of the clock and of the step limit. */
const GRANT = 4096;

export interface BudgetLimits {
  /** Maximum number of steps (loop iterations and calls), or undefined for no step limit. */
  steps?: number;
  /** Maximum wall-clock milliseconds from when the limits were set, or undefined for no time limit. */
  timeMs?: number;
}

/** What the state needs from its owner to charge a budget. */
export interface Fueled {
  fuel: number;
  where(level: number): string;
}

/** The clock; `performance` is looked up at the first use (touching it loads Node's perf_hooks: ~0.5 ms of
 * start-up for every program, budget or not). */
function now(): number {
  return typeof performance !== 'undefined' && typeof performance.now === 'function' ? performance.now() : Date.now();
}

export class Budget {
  /** Steps not yet granted. */
  private left = Infinity;
  private deadline = Infinity;
  private exhausted: string | undefined = undefined;

  constructor(private readonly owner: Fueled, limits: BudgetLimits = {}) {
    this.set(limits);
  }

  /** Starts counting afresh with these limits (time counted from now). */
  set(limits: BudgetLimits): void {
    const steps = limits.steps;
    if (steps !== undefined && !(steps >= 0)) throw new RangeError('budget steps must be a number >= 0');
    const ms = limits.timeMs;
    if (ms !== undefined && !(ms >= 0)) throw new RangeError('budget timeMs must be a number >= 0');
    this.left = steps === undefined ? Infinity : Math.floor(steps);
    this.deadline = ms === undefined ? Infinity : now() + ms;
    this.exhausted = undefined;
    this.owner.fuel = 0; // the first step refuels (and checks the clock)
  }

  /** Steps still available (Infinity without a step limit). */
  remaining(): number {
    return this.left + Math.max(0, this.owner.fuel);
  }

  /** Called by a step that found `fuel` below zero: grants more, or raises the budget error. */
  refuel(): void {
    const o = this.owner;
    if (this.exhausted === undefined) {
      if (this.left <= 0) this.exhausted = 'step budget exhausted';
      else if (this.deadline !== Infinity && now() > this.deadline) this.exhausted = 'time budget exhausted';
      else {
        // this step is the first of the new grant
        const g = this.left < GRANT ? this.left : GRANT;
        this.left -= g;
        o.fuel = g - 1;
        return;
      }
    }
    o.fuel = 0;
    // level 0: the running Lua frame (its savedpc is the charged instruction)
    throw new LuaError(o.where(0) + this.exhausted);
  }
}
