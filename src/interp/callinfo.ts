/*
 * Call records (one per active function call, Lua or native) and their flags.
 *
 * Each thread keeps an array of CallInfo objects that are reused from call to call (index `ciIdx` is the
 * running one; index 0 is a dummy base record that never runs). A Lua frame's registers are
 * stack[base .. base + maxstacksize); `func` is the slot of the function value (after VARARGPREP it is the
 * slot of the moved copy, the varargs sit just below it). `savedpc` is the index of the *next* instruction,
 * so the instruction being executed (or the call in progress) is savedpc - 1.
 *
 * `flags` say what must happen when the frame returns (zero on the fast path):
 *   F_FRESH   the frame was pushed by a JS-level call (State.call): returning ends that execute() invocation;
 *   F_MM      the frame runs a metamethod for the instruction at caller.savedpc - 1: finish it (finishOp);
 *   F_CONT    the caller is a native frame run by the VM (pcall, xpcall, dofile...): run its continuation;
 *   F_COBASE  the coroutine's body: returning finishes the coroutine and switches back to its resumer.
 * `kind` marks native frames the VM itself implements (K_*), and their state.
 */
import type { LuaValue } from '../runtime/value.js';
import type { LuaClosure } from './closure.js';

export const F_FRESH = 1;
export const F_MM = 2;
export const F_CONT = 4;
export const F_COBASE = 8;

/** Kinds of native frames the VM handles itself. */
export const K_NONE = 0;
/** pcall waiting for its callee. */
export const K_PCALL = 1;
/** xpcall waiting for its callee; `extra` is the message handler. */
export const K_XPCALL = 2;
/** pcall/xpcall unwinding after an error, running pending __close methods; `err` is the error value. */
export const K_CLOSING = 3;
/** coroutine.resume waiting for the coroutine in `extra`. */
export const K_RESUME = 4;
/** A coroutine.wrap function waiting for its coroutine (`extra`). */
export const K_WRAP = 5;
/** coroutine.yield in a suspended coroutine, waiting to be resumed. */
export const K_YIELD = 6;
/** A native that passes its callee's results through (dofile, pairs with __pairs). */
export const K_PASS = 7;
/** A native whose JS function returned a promise; the thread is suspended until it settles. */
export const K_AWAIT = 8;

export const MULTRET = -1;

export class CallInfo {
  func = 0;
  base = 0;
  top = 0;
  savedpc = 0;
  /** Results wanted by the caller; MULTRET (-1) for all. */
  nresults = 0;
  /** The running Lua function, or undefined for a native frame. */
  closure: LuaClosure | undefined = undefined;
  /** The running native function (native frames). */
  fn: LuaValue = undefined;
  flags = 0;
  kind = 0;
  /** Extra arguments of a vararg function (below func). */
  nextraargs = 0;
  /** Called through a tail call (debug info: "(...tail calls...)"). */
  tail = false;
  /** `<=` evaluated as `not (b < a)` through __lt (LUA_COMPAT_LT_LE): negate the metamethod's answer. */
  leq = false;
  /** A debug hook is running on top of this call (its name is then "hook '?'"). */
  hooked = false;
  /** A __gc finalizer is running on top of this call (its name is then "metamethod '__gc'"). */
  finalizing = false;
  /** While a call/return hook runs: the values transferred (debug.getinfo 'r'), as local indices. */
  ftransfer = 0;
  ntransfer = 0;
  /** Results pending in OP_RETURN while __close methods run. */
  nres = 0;
  /** Kind-specific data: xpcall's handler, the coroutine of resume/wrap. */
  extra: LuaValue = undefined;
  /** K_CLOSING: the error being delivered. */
  err: LuaValue = undefined;
  /** Saved L.nCcalls and thread nny at the time a protected/resume frame started (restored on errors). */
  savedCcalls = 0;
  savedNny = 0;
}
