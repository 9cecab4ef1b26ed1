/*
 * What the standard library and the embedding API may ask of a running Lua state. The interpreter
 * (src/interp/state.ts) implements it; libraries import only this interface, runtime helpers and
 * runtime/auxlib.ts, never the interpreter's insides.
 */
import type { LuaValue } from './value.js';
import type { LuaTable } from './table.js';

export type ArithOp = 'add' | 'sub' | 'mul' | 'mod' | 'pow' | 'div' | 'idiv' | 'band' | 'bor' | 'bxor' | 'shl' | 'shr' | 'unm' | 'bnot';

export interface OutputStream {
  /** Appends a byte string (buffered; flushed at exit, on flush(), and before reading stdin). */
  write(s: string): void;
  flush(): void;
  /** print() calls this after its line: C's print flushes stdout there (lua_writeline), so an output that
   * imitates C's buffering may treat everything written so far as already written (optional). */
  settle?(): void;
}

/** Where the callbacks of one native call run (State.callPair/callFirst): a native that calls Lua functions
 * many times (sort's comparator, gsub's replacement function) makes one per invocation and passes it to every
 * call. The engine remembers in it the stack position of the callee's frame, which stays the same between
 * the callbacks of one native invocation (the thread, its frame index and its top come back as they were):
 * computing it costs a walk down the call records, ~50 instructions a call. Opaque to the libraries. */
export class CallbackSite {
  /** The thread, frame index and top the position was computed for (th undefined: none yet). */
  th: unknown = undefined;
  ci = -1;
  top = -1;
  func = 0;
}

export interface LuaState {
  /** The global table (_G, and the _ENV of loaded chunks). */
  readonly globals: LuaTable;
  /** The registry (debug.getregistry()); package.loaded lives at registry._LOADED. */
  readonly registry: LuaTable;

  /** Calls any value with Lua semantics (`__call` honoured) and returns all its results. A nested call:
   * a yield inside it raises "attempt to yield across a C-call boundary", as in PUC-Lua. */
  call(fn: LuaValue, args: LuaValue[]): LuaValue[];

  /** `v[k]`, `v[k] = val`, `#v`, `==`, `<`, `<=`, arithmetic and `..` with metamethods, as the VM does them,
   * raising the VM's errors. */
  index(v: LuaValue, k: LuaValue): LuaValue;
  setIndex(v: LuaValue, k: LuaValue, val: LuaValue): void;
  len(v: LuaValue): LuaValue;
  equals(a: LuaValue, b: LuaValue): boolean;
  lessThan(a: LuaValue, b: LuaValue): boolean;
  lessEqual(a: LuaValue, b: LuaValue): boolean;
  arith(op: ArithOp, a: LuaValue, b: LuaValue): LuaValue;
  concat(values: LuaValue[]): LuaValue;

  /** The metatable of any value (per-type metatables for strings etc.), without __metatable protection. */
  getMetatable(v: LuaValue): LuaTable | undefined;
  /** Sets the per-type metatable used by non-table, non-userdata values of the given type name. */
  setTypeMetatable(typeName: string, mt: LuaTable | undefined): void;

  /** luaL_tolstring: `__tostring`, then `__name`, then the default text ("table: 0x..."). */
  tostring(v: LuaValue): string;

  /** "chunk:line:" for the function at `level` of the call stack (0 = the running function, 1 = its caller),
   * or '' when that function is not Lua code. Used by error() and luaL_error-style messages. */
  where(level: number): string;
  /** How the running native function was called ("global", "method", "field", "local", ...), for argument
   * error messages; name is undefined when unknown. */
  calleeName(): { name: string | undefined; namewhat: string };

  /** Compiles text or undumps a binary chunk ("\x1bLua..."): the function, or [undefined, message]. Its
   * first upvalue (_ENV) is `env` when given, else the global table. */
  load(chunk: string, chunkname: string, mode?: string, env?: LuaValue): LuaValue | [undefined, string];
  /** string.dump: the binary chunk of a Lua function, or undefined for functions that have none (natives). */
  dumpFunction?(fn: LuaValue, strip: boolean): string | undefined;

  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Emits a warning (warn()); `tocont` continues the current message. */
  warn(msg: string, tocont: boolean): void;
}
