/*
 * The one error type. A Lua error carries any Lua value; only pcall/xpcall, coroutine boundaries and the
 * public API catch it and translate. Host exceptions that escape a native function are converted by the
 * interpreter into LuaErrors carrying their message; a JS RangeError from stack exhaustion becomes
 * "stack overflow". Message wording lives in one place: here and in runtime/auxlib.ts.
 */
import type { LuaValue } from './value.js';

export class LuaError extends Error {
  /** Traceback text, filled in by the message handler of the CLI/API when one is installed. */
  traceback: string | undefined = undefined;
  constructor(public value: LuaValue) {
    super(typeof value === 'string' ? value : 'Lua error');
  }
}
