/*
 * A function prototype: the compiled form of one Lua function, shared by every closure made from it.
 * Mirrors the fields of a Lua 5.4 binary chunk so that dump/undump is a direct mapping, plus tier caches
 * that later tiers (the JIT) attach lazily.
 */
import type { LuaValue } from '../runtime/value.js';

/** How a closure finds one of its upvalues when it is created (OP_CLOSURE). */
export interface UpvalDesc {
  /** Name, or undefined when stripped / unknown. */
  name: string | undefined;
  /** True: the upvalue is a register (local) of the enclosing function; false: an upvalue of it. */
  instack: boolean;
  /** Register index (instack) or upvalue index in the enclosing function. */
  idx: number;
  /** Variable kind as in Lua 5.4: 0 regular, 1 <const>, 2 <close>, 3 compile-time constant. */
  kind: number;
}

/** A local variable's debug info: active in instructions [startpc, endpc). */
export interface LocVar {
  name: string;
  startpc: number;
  endpc: number;
}

export class Proto {
  /** Chunk name as given to load ("@file.lua", "=stdin", or the source text itself). */
  source = '=?';
  linedefined = 0;
  lastlinedefined = 0;
  numparams = 0;
  isVararg = false;
  maxstacksize = 2;
  code: Uint32Array = new Uint32Array(0);
  /** Constants: nil, booleans, numbers (canonical forms) and strings. */
  k: LuaValue[] = [];
  /** Nested prototypes (OP_CLOSURE's Bx indexes here). */
  p: Proto[] = [];
  upvalues: UpvalDesc[] = [];
  /** Source line of each instruction (absolute; empty when stripped). */
  lineinfo: Int32Array = new Int32Array(0);
  locvars: LocVar[] = [];
  /** Caches owned by execution tiers (e.g. compiled JS); never serialised. */
  tierData: Record<string, unknown> = Object.create(null);
}
