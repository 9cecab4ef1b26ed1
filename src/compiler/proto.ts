/*
 * A function prototype: the compiled form of one Lua function, shared by every closure made from it.
 * Mirrors the fields of a Lua 5.4 binary chunk so that dump/undump is a direct mapping, plus tier caches
 * that later tiers (the JIT) attach lazily.
 */
import type { LuaValue } from '../runtime/value.js';
import { Op } from './opcodes.js';

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
  /** The upvalue through which the function can reach itself: a `local function f` refers to f as an upvalue
   * of its own register (set by markSelfRefs; -1 when none). A hint for the JS tier: the value may change. */
  selfUp = -1;
}

/** Sets `selfUp` in every function of a loaded chunk: the child of a CLOSURE whose upvalue captures the
 * very register the CLOSURE writes (in-stack, index A) is a `local function` referring to itself. */
export function markSelfRefs(main: Proto): void {
  const todo = [main];
  for (let p = todo.pop(); p !== undefined; p = todo.pop()) {
    const code = p.code;
    for (let pc = 0; pc < code.length; pc++) {
      const i = code[pc];
      if ((i & 0x7f) !== Op.CLOSURE) continue;
      const child = p.p[i >>> 15];
      if (child === undefined) continue; // a malformed binary chunk fails when it runs, not here
      const a = (i >>> 7) & 0xff;
      const u = child.upvalues.findIndex((d) => d.instack && d.idx === a);
      if (u >= 0) child.selfUp = u;
    }
    for (const c of p.p) todo.push(c);
  }
}
