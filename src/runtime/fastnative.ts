/*
 * Native functions with a second, cheap entry for the JS tier's call sites.
 *
 * The general native protocol (`fn(L, args) => results`) costs an argument array, a result array and a call
 * record pushed on the thread (error positions, calleeName and tracebacks read it). A FastNative also has
 * `fast(L, n, a, b, c, d)`: the n (<= 4) arguments as JS arguments, the first result (or undefined for none)
 * as the return value, no record pushed. A compiled call site with fixed arguments that wants at most one
 * result calls it directly once it has seen that native there (jit/codegen.ts, jit/runtime.ts callAt); sites
 * wanting all results and tail calls do so for natives whose fast entry always stands for exactly one result
 * (`one`).
 *
 * Contract of a fast entry (it runs without a call record of its own, so nothing may observe it):
 *  - it handles the common argument types exactly as `fn` would and returns `NOFAST` for anything else,
 *    *before any visible effect*; the call site then makes the call through the general protocol, which
 *    redoes it whole and raises the exact error (bad argument messages, positions, tracebacks);
 *  - it never raises (an error found midway, e.g. a malformed pattern, is caught and turned into NOFAST,
 *    which is sound only when nothing visible happened before it), never calls Lua code or metamethods,
 *    never yields, never steps the collector (charging debt is fine), never inspects the call stack.
 */
import { NativeFunction, type LuaValue, type NativeFn } from './value.js';
import type { LuaState } from './state.js';

/** "Not handled here: make the call through the general protocol." */
export const NOFAST: unique symbol = Symbol('nofast');

export type FastFn = (L: LuaState, n: number, a: LuaValue, b: LuaValue, c: LuaValue, d: LuaValue) => LuaValue | typeof NOFAST;

/** Call sites pass at most this many arguments to a fast entry. */
export const FAST_MAX_ARGS = 4;

/** Where a two-result entry leaves its second result; a multi-result entry (FastEntries.fastm) also leaves its
 * third result in `w` and its result count (0..3) in `n`. */
export const SECOND: { v: LuaValue; w: LuaValue; n: number } = { v: undefined, w: undefined, n: 0 };

/** The iterators of `pairs` and `ipairs` (next and ipairs_aux, set by lib/base.ts): a generic `for` whose
 * iterator is one of them steps through the table inline in compiled code (jit/codegen.ts TFORCALL). */
export const ITERATORS: { next: NativeFunction | null; ipairs: NativeFunction | null } = { next: null, ipairs: null };

/** The fast entries a compiled call site caches for a native it has seen (FastNative, or a special function
 * such as pairs that has them: interp/call.ts FastSpecial). */
export interface FastEntries {
  readonly fast: FastFn;
  readonly one: boolean;
  readonly fast2: FastFn | null;
  /** For call sites wanting all results or three or more: the first result returned, the count in SECOND.n
   * (at most 3), the second and third in SECOND.v and SECOND.w, or NOFAST; null when there is none. */
  readonly fastm: FastFn | null;
}

export class FastNative extends NativeFunction implements FastEntries {
  /** For call sites wanting exactly two results (`local a, b = f(x)`, `for k, v in next, t`): the first
   * result returned, the second in SECOND.v (undefined when absent), or NOFAST; null when there is none. */
  readonly fast2: FastFn | null;
  /** `one`: whenever the fast entry returns a value, the general function would have returned exactly that
   * one value (so call sites wanting all results, and tail calls, may use the fast entry too). */
  readonly fastm: FastFn | null;
  constructor(name: string, fn: NativeFn, readonly fast: FastFn, readonly one = false, fast2?: FastFn, fastm?: FastFn) {
    super(name, fn);
    this.fastm = fastm ?? null;
    this.fast2 = fast2 !== undefined ? fast2 : one ? (L, n, a, b, c, d) => {
      SECOND.v = undefined;
      return fast(L, n, a, b, c, d);
    } : null;
  }
}

/** The general entry's argument array of a fast call with n arguments. */
function argArray(n: number, a: LuaValue, b: LuaValue, c: LuaValue, d: LuaValue): LuaValue[] {
  return n === 1 ? [a] : n === 2 ? [a, b] : n === 3 ? [a, b, c] : n === 4 ? [a, b, c, d] : [];
}

/** viaArgs for two-result call sites (FastNative.fast2). */
export function viaArgs2(fn: NativeFn): FastFn {
  return (L, n, a, b, c, d) => {
    if (typeof a === 'number') return NOFAST;
    try {
      const r = fn(L, argArray(n, a, b, c, d));
      if (!Array.isArray(r)) return NOFAST;
      SECOND.v = r.length > 1 ? r[1] : undefined;
      return r[0];
    } catch {
      return NOFAST;
    }
  };
}

/** A fast entry running `fn` itself under the fast contract: for natives that are pure given their arguments
 * (no Lua calls, no metamethods, no stack inspection) and whose only unusual outcome is an error. Saves the
 * call record and the stack round trip, not the arrays. */
export function viaArgs(fn: NativeFn): FastFn {
  return (L, n, a, b, c, d) => {
    // a first argument that is a number could make the literal a double array, which would lose a NaN's sign
    if (typeof a === 'number') return NOFAST;
    try {
      const r = fn(L, argArray(n, a, b, c, d));
      return Array.isArray(r) ? r[0] : NOFAST;
    } catch {
      return NOFAST;
    }
  };
}
