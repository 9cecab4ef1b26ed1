/*
 * The JS tier's public door: enableJit(L, options) makes state L run Lua functions as compiled JavaScript
 * (see runtime.ts for the design, codegen.ts for the generator). The interpreter asks `L.jit.enter(...)`
 * whenever it is about to push a Lua frame; everything else follows from there.
 */
import type { State } from '../interp/state.js';
import { JitRuntime, type JitOptions } from './runtime.js';
import { compileProto, compileResume } from './codegen.js';

export type { JitOptions } from './runtime.js';
export { JitRuntime } from './runtime.js';

/** Default calls before compiling: 0 (at the first call), so that main chunks and their loops compile. */
export const DEFAULT_JIT_THRESHOLD = 0;

export function enableJit(L: State, opts: Partial<JitOptions> = {}): JitRuntime {
  const rt = new JitRuntime(L, { threshold: opts.threshold ?? DEFAULT_JIT_THRESHOLD, onCompile: opts.onCompile, trace: opts.trace }, compileProto, compileResume);
  (L as unknown as { jit: JitRuntime }).jit = rt;
  return rt;
}
