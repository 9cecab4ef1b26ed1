/*
 * Threads (the main thread and coroutines): a value stack, a stack of CallInfo records, open upvalues and
 * pending to-be-closed variables.
 *
 * Invariants:
 *  - `stack` is one JS array for the thread's whole life, grown in place (never replaced), so open upvalues
 *    can keep a reference to it; it holds `undefined` for nil and is kept packed (grown by push).
 *  - `cis[0]` is a dummy base record; `cis[ciIdx]` is the running call. Records above ciIdx are spares.
 *  - `openUps` is sorted by stack index (ascending), one UpVal per captured slot.
 *  - `tbc` lists the stack indices of pending to-be-closed variables, ascending.
 *  - status: 'running' (L.cur), 'normal' (resumed another coroutine), 'suspended' (not started or yielded),
 *    'dead' (finished or failed; frames of a failed coroutine are kept for debug.traceback).
 */
import { LuaThreadBase, type LuaValue } from '../runtime/value.js';
import { LuaError } from '../runtime/errors.js';
import { CallInfo } from './callinfo.js';
import { UpVal } from './closure.js';

export const HOOK_CALL = 1, HOOK_RET = 2, HOOK_LINE = 4, HOOK_COUNT = 8;

/** LUAI_MAXSTACK: the largest Lua stack, in slots. */
export const MAX_STACK = 1_000_000;
/** Room granted to handle a stack overflow (message handlers, __close) before "error in error handling". */
export const ERROR_STACK = MAX_STACK + 200;
/** Free slots guaranteed above a Lua frame's registers (metamethod calls are placed there). */
export const EXTRA_STACK = 8;

/** A new thread's stack (a packed array of 48 nils, copied). */
const STACK0: LuaValue[] = [];
for (let i = 0; i < 24; i++) STACK0.push(undefined);

export type CoStatus = 'running' | 'normal' | 'suspended' | 'dead';

/** A "stack overflow" error with the extra room of ERROR_STACK exhausted too (PUC's LUA_ERRERR). */
export class ErrorInErrorHandling extends LuaError {
  constructor() {
    super('error in error handling');
  }
}

export class Coroutine extends LuaThreadBase {
  declare readonly isMain: boolean;
  declare stack: LuaValue[];
  /** End of the live values when an instruction or call leaves a variable number of them. */
  declare top: number;
  declare cis: CallInfo[];
  declare ciIdx: number;
  declare openUps: UpVal[];
  declare tbc: number[];
  declare status: CoStatus;
  /** Who resumed this coroutine (while it runs or is normal). */
  declare resumer: Coroutine | undefined;
  /** Number of JS-level (non-yieldable) calls active on this thread. */
  declare nny: number;
  declare stackLimit: number;
  /** Not started yet: the body is at stack[1]. */
  declare fresh: boolean;
  /** The error a failed coroutine died with (for coroutine.close). */
  declare errorValue: LuaValue;
  declare failed: boolean;
  /** Debug hook of this thread (debug.sethook): function, HOOK_* mask, count. */
  declare hook: LuaValue;
  declare hookMask: number;
  declare baseHookCount: number;
  declare hookCount: number;
  /** Last instruction traced by the line hook (PUC's L->oldpc). */
  declare oldpc: number;
  /** False while a hook runs (hooks do not nest). */
  declare allowHook: boolean;
  /** Nested tail calls of compiled generator frames on this thread's JS stack (src/jit/generator.ts). */
  declare tailNest: number;
  /** While suspended at a coroutine.yield of compiled generator code: that code's segment, which a resume
   * from compiled code continues directly (src/jit/generator.ts); cleared by any resume. */
  declare gseg: unknown;

  constructor(isMain: boolean, body?: LuaValue, creator?: Coroutine) {
    super();
    // fields assigned here, not as class-field initialisers (V8 runs [[Define]] initialisers several times
    // slower than plain stores: coroutine creation showed it)
    this.isMain = isMain;
    this.stack = STACK0.slice();
    this.top = 1;
    // a coroutine's base record, its body's and one for a native it calls or a yield: the records most
    // coroutines ever use, made at once (growing a one-record array on the first push costs more)
    this.cis = isMain ? [new CallInfo()] : [new CallInfo(), new CallInfo(), new CallInfo()];
    this.ciIdx = 0;
    this.openUps = [];
    this.tbc = [];
    this.resumer = undefined;
    this.nny = 0;
    this.stackLimit = MAX_STACK;
    this.errorValue = undefined;
    this.failed = false;
    this.hook = undefined;
    this.hookMask = 0;
    this.baseHookCount = 0;
    this.hookCount = 0;
    this.oldpc = 0;
    this.allowHook = true;
    this.tailNest = 0;
    this.gseg = undefined;
    this.status = isMain ? 'running' : 'suspended';
    this.fresh = !isMain;
    if (creator !== undefined) {
      // lua_newthread: a new thread inherits its creator's hook
      this.hook = creator.hook;
      this.hookMask = creator.hookMask;
      this.baseHookCount = creator.baseHookCount;
      this.hookCount = creator.baseHookCount;
    }
    if (!isMain) {
      this.stack[1] = body;
      this.top = 2;
    }
    const base = this.cis[0];
    base.top = 1;
    base.base = 1;
  }

  /** Makes the stack at least `n` slots long, or raises "stack overflow". */
  grow(n: number): void {
    if (n > this.stackLimit) this.overflow(n);
    const s = this.stack;
    let size = s.length * 2;
    if (size < n) size = n;
    if (size > this.stackLimit) size = this.stackLimit;
    while (s.length < size) s.push(undefined);
  }

  private overflow(n: number): never {
    if (this.stackLimit > MAX_STACK) {
      // already using the extra room reserved for handling an overflow (like luaD_growstack, the first
      // overflow is a plain "stack overflow" however far past the limit the request was)
      throw new ErrorInErrorHandling();
    }
    this.stackLimit = ERROR_STACK;
    throw new StackOverflow();
  }

  /** The upvalue for stack slot `idx`, shared with any other closure that captured it. */
  findUpval(idx: number): UpVal {
    const ups = this.openUps;
    let i = ups.length - 1;
    while (i >= 0 && ups[i].idx > idx) i--;
    if (i >= 0 && ups[i].idx === idx) return ups[i];
    const uv = new UpVal(this.stack, idx);
    // the common case, a slot above every open one (the newest frame's locals), appends: push, not splice
    if (i === ups.length - 1) ups.push(uv);
    else ups.splice(i + 1, 0, uv);
    return uv;
  }

  /** Closes every open upvalue at or above stack slot `level`. */
  closeUpvals(level: number): void {
    const ups = this.openUps;
    while (ups.length > 0 && ups[ups.length - 1].idx >= level) ups.pop()!.close();
  }

  /** The highest stack slot any active frame may be using (where JS-level calls can safely start). */
  safeTop(): number {
    let t = this.top;
    for (let i = this.ciIdx; i >= 0; i--) {
      const c = this.cis[i];
      if (c.top > t) t = c.top;
      if (c.closure !== undefined) break; // a Lua frame covers everything below its top
    }
    return t;
  }

  /** A spare CallInfo above the running one, made current. */
  pushCI(): CallInfo {
    const i = ++this.ciIdx;
    let c = this.cis[i];
    if (c === undefined) {
      c = new CallInfo();
      this.cis.push(c);
    }
    return c;
  }

  /** The slow half of an inlined pushCI (compiled prologues: `th.cis[++th.ciIdx] ?? th.newCI()`): ciIdx was
   * already raised past the last record, which is created here. */
  newCI(): CallInfo {
    const c = new CallInfo();
    this.cis.push(c);
    return c;
  }
}

/** Marks "stack overflow" raised by stack growth; the VM adds the position (the current Lua frame). */
export class StackOverflow extends LuaError {
  constructor() {
    super('stack overflow');
  }
}
