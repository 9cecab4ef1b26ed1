/*
 * The JS tier's runtime: what compiled functions call besides their own inline fast paths, and the door
 * between the interpreter and compiled code.
 *
 * Calling convention (compiled <-> compiled): a compiled function is `fn(cl, a0, a1, ...)` (the closure, then
 * the arguments as JS arguments). It returns its first result and leaves the count in `rt.n` and results
 * 2..n in `rt.v[1..n-1]`; the caller reads them at once, before anything else can overwrite them.
 *
 * Frames: a compiled call pushes a CallInfo like the interpreter's (closure, func, base, top) and reserves
 * maxstacksize stack slots above th.top, so tracebacks, error levels, `L.where`, calleeName and getinfo
 * read it as they read an interpreted frame; `ci.savedpc` is stored before anything that can raise or call.
 * Registers are JS locals, except those captured by closures or marked to-be-closed, which live in the
 * stack slot the interpreter would use (so UpVal cells and tbc lists work unchanged).
 *
 * Deoptimisation: when a fast path fails and the slow path would need a metamethod call, a coercion or an
 * error message, the compiled frame spills its registers to the stack and the interpreter continues the same
 * frame at the same instruction (the instruction had no visible effect yet), until the frame returns.
 * Exception: a function that keeps deoptimising to call `__index`/`__newindex` functions is recompiled to call
 * them itself (calledMM, indexCall, newindexCall; codegen.ts mmDeopt).
 *
 * Natives calling Lua (sort comparators, gsub functions, metamethods called by natives): State.callIn runs
 * a callee with compiled code through invokeIn(), straight from JS (no stack round trip, no run loop), with
 * the same bookkeeping and error recovery as its general path, wherever enter() would run the plain
 * compiled function (main thread, no hooks, not under callAsync; the JS stack budget below is checked by
 * the callee's own prologue).
 *
 * Interplay: the plain compiled functions run only on the main thread, never while debug hooks are set, with
 * one exception: a *leaf* (no calls, no to-be-closed variables: nothing in it can yield but a metamethod,
 * which deoptimises) called from generator code on a coroutine (generator.ts `at`). Its two exits to the
 * interpreter (deopt, viaInterp) then return the generator's request symbol instead of running the
 * interpreter on the JS stack, and the calling generator frame lets its driver continue the call.
 *
 * Depth: plain compiled frames live on the JS stack, which is small (node's default ~984 KB). `rt.su` counts
 * the bytes of JS stack that compiled code holds ("stack units"): each compiled function adds its own frame's
 * size (an upper bound of V8's unoptimised frame, estimated by codegen.ts from its locals) in its prologue
 * and restores the value on return; enter() adds the interpreter's JS frames below a compiled segment, the
 * slow-path call helpers their own. A call that would pass `suLimit` (the JS stack measured once by a probe,
 * minus a reserve for natives and interpreter frames running above) runs interpreted instead, on the
 * interpreter's own stack: deep recursion keeps its shallowest levels compiled, continues interpreted, and
 * ends in Lua's own "stack overflow" at 1M slots, never in a JS RangeError. When the frames below such a
 * call are a compiled segment entered from the interpreter, they are unwound instead (viaInterp): they
 * return at once, leaving their registers in the stack, and become interpreter frames suspended at their
 * calls, and the call runs compiled again from enter()'s JS depth (in enter()'s own loop: no JS nesting per
 * unwind). When a call returns to such an unwound frame, enter()'s loop continues the frame compiled
 * (resumeOf): the *resume variant* of its proto at that CALL (codegen.ts compileResume, compiled lazily, only
 * for protos that were unwound) reloads the registers from the stack with the type checks the code needs
 * (DEOPT, nothing done, leaves the frame to the interpreter), skips every statement before the call (a flag
 * guards them; loops and blocks around the call are entered, not run) and runs the rest of the body compiled,
 * the frame's record, savedpc and results as the interpreter left them; its return completes in the same
 * loop, which then resumes the frame below, and so on. Before this, an unwound frame finished its body
 * interpreted: a loop of work after the call in each of 5000 levels, 300 times, 19.3 s -> 2.9 s [6.7].
 * Measured (user s; lua5.4 in brackets):
 * a loop calling a leaf at each level of a 5000-deep recursion 2.12 -> 0.55 [1.09]; ackermann (which climbs
 * past the budget again and again, each time converting ~2,100 frames) about even, 2.12 -> 2.13 [1.30].
 * Partial unwinds: a segment that enter() started for a call from the interpreter unwinds whole (its frames,
 * resumed from enter()'s depth, then call with the whole budget), but the segments started after an unwind
 * (recorded calls, resumed frames, whose dives go only a little past the budget, again and again) convert
 * only their top UNWIND_FRAMES frames: the compiled frame below them (the cut, `cut`) runs the recorded call
 * and resumes them from its own depth (resumeCut, the loop of enter()), and takes its callee's results as
 * from a plain call. ackermann: 12.5M frames converted in 5,766 unwinds -> 5.7M in 98,000; 22.1G -> 18.8G
 * instructions (cachegrind). Converting 256 frames at a time: 6.3M, 19.0G; 1024: 8.7M.
 * Unwinding by a JS exception instead costs ~220 ns per frame in V8 (a throw through 2000 frames ~450 us,
 * a rethrow per frame 1.5-3.5 us): ackermann 3.3 s even with one throw per segment. An exception leaves `su` as it
 * was at the nearest enter(), which restores it (every catch that resumes Lua code sits below one).
 *
 * Coroutines (and the main thread while State.callAsync drives it): `enter` runs the *generator variant* of
 * the function instead (codegen.ts with `gen`, driven by generator.ts): compiled-to-compiled calls are
 * `yield*`, everything else (coroutine.yield/resume, pcall, interpreted callees, deopts) is a request the
 * driver performs with the interpreter's own call protocol, so yields cross compiled and interpreted frames
 * alike without unwinding JS, and a promise returned by a JS function suspends compiled frames too. Below
 * MAX_GEN_DEPTH frames per coroutine (deeper calls run interpreted).
 * Choice, measured (user s, this machine; lua5.4 in brackets):
 *  - JS generators: next()+yield ~50-60 ns, each `yield*` level ~+60 ns (so call sites take their slow path
 *    without a generator level, and coroutine.yield is handled directly by the driver);
 *  - work inside a coroutine (a loop calling a 500-iteration function between yields, 20k times): everything
 *    interpreted 0.40, generator variants 0.19 [0.08];
 *  - pure switching with trivial bodies (for-in over a wrap generator, 3M yields): interpreted body 0.56,
 *    generator 0.70: here a switch through the interpreter's own stack is cheaper than a generator resume;
 *    bench/coroutines.lua (all switching) ends about even, 2.97 before -> 2.92 after (A/B, min of 3; with
 *    switchBack no longer using Array#unshift, which alone made resume-heavy parts faster), [1.00];
 *  - the alternative, converting compiled frames to interpreter frames on a yield, runs a generator-style
 *    loop body interpreted after its first yield (the "interpreted" numbers above) and could not suspend
 *    frames on promises; the generator variant is compiled lazily, only for functions that run on coroutines.
 */
import { LFloat, LuaFunction, NativeFunction, rawEquals, type LuaValue } from '../runtime/value.js';
import { LuaError } from '../runtime/errors.js';
import { LuaTable, WATCHED, UNSTABLE } from '../runtime/table.js';
import {
  addNum, subNum, mulNum, modNum, powNum, divNum, idivNum, unmNum, bandNum, borNum, bxorNum, shlNum, shrNum,
  bnotNum, tostringNumber, numLessThan, numLessEqual,
} from '../runtime/number.js';
import type { Proto } from '../compiler/proto.js';
import type { State } from '../interp/state.js';
import { F_FRESH, MULTRET, type CallInfo } from '../interp/callinfo.js';
import { LuaClosure } from '../interp/closure.js';
import { EXTRA_STACK, type Coroutine } from '../interp/coroutine.js';
import { FastSpecial, SpecialFunction, S_RESUME, S_WRAP, callValue, execute, pushLuaFrame, pushNativeCI, returnArray, returnFrom } from '../interp/call.js';
import { Op } from '../compiler/opcodes.js';
import { enterCcall, getTM, toIntNs } from '../interp/metamethods.js';
import { GenRuntime, NOFAST, type GenCompiled } from './generator.js';
import { FastNative, type FastEntries, type FastFn } from '../runtime/fastnative.js';

/** A compiled call site that may call a native's fast entry (runtime/fastnative.ts). */
interface FastSite {
  p: Proto | null; j: Compiled | null; n: NativeFunction | null; q: FastFn | null; o: boolean; t: FastFn | null;
  m: FastFn | null;
}

function fastSite(site: FastSite, f: NativeFunction, e: FastEntries): void {
  site.n = f;
  site.q = e.fast;
  site.o = e.one;
  site.t = e.fast2;
  site.m = e.fastm;
}

/** Returned by slow paths that cannot finish without the interpreter. */
export const DEOPT: unique symbol = Symbol('deopt');

const NO_SEG = 1 << 30;

/** Results wanted by the call that frame `c` (a Lua frame suspended at a CALL or TFORCALL) is making. */
function callResults(c: CallInfo): number {
  const i = c.closure!.p.code[c.savedpc - 1];
  return (i & 0x7f) === Op.TFORCALL ? i >>> 24 : (i >>> 24) - 1;
}

/** One GETFIELD/SELF site's cache of `__index` lookups (JitRuntime.lookupMiss): four (metatable, value) pairs
 * that generated code tests inline, and up to OVERFLOW more, alternating in `x`, that lookupMiss tests before
 * walking a chain (a site seeing many classes), all valid while `LuaTable.epoch` is `e`. */
export interface LookupCache {
  e: number;
  m0: LuaTable | null; v0: LuaValue;
  m1: LuaTable | null; v1: LuaValue;
  m2: LuaTable | null; v2: LuaValue;
  m3: LuaTable | null; v3: LuaValue;
  r: number;
  x: (LuaTable | LuaValue)[] | null;
  /** The Map-part slot (mkeys/mvals) where a dictionary-mode receiver last held the site's key (dictGet). */
  s: number;
}
/** The Map part of a dictionary-mode table (runtime/table.ts: a slot keeps its key until a rehash). */
interface DictParts { mkeys: unknown[] | undefined; mvals: LuaValue[] }
/** Deopts of a proto for `__index`/`__newindex` function calls before it is recompiled to make them (calledMM). */
const MM_DEOPTS = 4;
/** Pairs a LookupCache keeps beyond its four inline ones. */
const OVERFLOW = 12;
type Num = number | bigint | LFloat;

/** JS stack bytes charged by enter() for the interpreter's frames below a compiled segment (execute,
 * callValue, and a native calling back, such as table.sort or string.gsub, with State.callIn). */
export const ENTER_COST = 2048;
/** JS stack bytes charged by the call helpers (callAt, call, callv, callMv) around a compiled callee. */
const HELPER_COST = 320;
/** JS stack kept free above the deepest compiled frame: natives, interpreter frames, deopts and their nesting. */
const MAX_RESERVE = 256 * 1024;

let stackBytes = -1;
/** Bytes of JS stack available below the caller, measured once by two recursive probes of known frame shape
 * (16 locals apart: V8 frames grow by 8 bytes per local). Reliable because a fresh function runs unoptimised. */
export function jsStackBytes(): number {
  if (stackBytes >= 0) return stackBytes;
  const depth = (k: number): number => {
    let body = 'let d = 0; function p(n) { ';
    for (let i = 0; i < k; i++) body += `let v${i} = n + ${i}; `;
    body += 'd++; const r = p(n + 1); return r';
    for (let i = 0; i < k; i++) body += ` + v${i}`;
    body += '; } try { p(0); } catch (e) {} return d;';
    return (new Function(body) as () => number)();
  };
  // the two RangeErrors need no stack trace (capturing one is most of their cost)
  const E = Error as { stackTraceLimit?: number };
  const traces = E.stackTraceLimit;
  E.stackTraceLimit = 0;
  let d0: number, d16: number;
  try {
    d0 = depth(0);
    d16 = depth(16);
  } finally {
    E.stackTraceLimit = traces;
  }
  let bytes = (8 * 16) / (1 / d16 - 1 / d0);
  // an engine whose frames do not grow with locals as V8's do: assume 160-byte frames for the small probe
  if (!(bytes > 0) || !Number.isFinite(bytes) || bytes > d0 * 1024) bytes = d0 * 160;
  stackBytes = Math.floor(bytes);
  return stackBytes;
}
/** Arguments a compiled function is called with as JS arguments at most: a call with more (table.unpack or
 * `...` expanded into it) runs interpreted, on the interpreter's stack, as lua5.4 runs it. Spreading them would
 * take 8 bytes of JS stack each before the callee's prologue could check the budget: 150000 of them raised a
 * JS RangeError ("stack overflow") even at depth 0. Well inside MAX_RESERVE (8 KB). */
export const MAX_SPREAD = 1024;
/** Frames a segment past the JS stack budget converts at most (its top ones): the compiled frame below them
 * (the cut) continues them from its own JS depth (resumeCut), so a recursion that goes a little past the
 * budget again and again converts only what it needs, not the whole segment each time. */
const UNWIND_FRAMES = 64;
/** Nested compiled tail calls kept on the JS stack before the interpreter takes over (constant stack). */
const MAX_TAIL_NEST = 100;

export type Compiled = (cl: LuaClosure, ...args: LuaValue[]) => LuaValue;
/** Frames of a coroutine above which its calls run interpreted (generator frames nest deeper in JS). */
export const MAX_GEN_DEPTH = 200;

/** Per-proto tier data: the compiled function, null when the proto cannot be compiled; `g` the generator
 * variant (generator.ts) once a call on a coroutine needed it. */
interface JitData {
  fn: Compiled | null | undefined; g: GenCompiled | null | undefined; calls: number;
  /** Resume variants by CALL pc (null: none compiled) once a frame of the proto was unwound; null before. */
  r: (Resumed | null | undefined)[] | null;
  /** Some variant was compiled before the program named getlocal/setlocal (no debug spills: its frames give
   * themselves to the interpreter at their calls once `dbg` is set; see stale()). */
  nd?: boolean;
}

/** A proto's resume variant at one of its CALLs (codegen.ts compileResume): continues the interpreter frame
 * `ci`, whose call there has returned, as compiled code; DEOPT when it cannot (nothing done). */
export type Resumed = (cl: LuaClosure, ci: CallInfo) => LuaValue;
export type ResumeFn = (p: Proto, rt: JitRuntime, pc: number) => Resumed | null;

export interface JitOptions {
  /** Calls before a function is compiled (0: at its first call). */
  threshold: number;
  /** Receives the generated source of each compiled function (--dump js). */
  onCompile?: (p: Proto, source: string) => void;
  /** Receives compile/deopt events (--trace-jit). */
  trace?: (msg: string) => void;
}

export type CompileFn = (p: Proto, rt: JitRuntime, gen?: boolean) => Compiled | null;

/** An empty array whose elements are never unboxed doubles: V8 canonicalises NaNs stored in double arrays,
 * which would lose the sign bit that "-nan" prints. */
export function genericArray(): LuaValue[] {
  const a: LuaValue[] = [''];
  a.length = 0;
  return a;
}

function isNum(v: LuaValue): v is Num {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat;
}

/** The compiled function of a proto as a property of the proto itself (`jf`; absent until it is compiled):
 * compiled call sites call `f.p.jf` directly, whatever closure they meet, and leave the polymorphism to
 * V8's inline caches (Proto is a contract class without such a field: the property is added here). */
export function setDirect(p: Proto, fn: Compiled): void {
  (p as unknown as { jf: Compiled }).jf = fn;
}

/** Calls compiled function (or generator variant) j for closure f with the nargs arguments above stack[func]
 * as JS arguments (no array for up to three). */
export function callOnStack<R>(j: (cl: LuaClosure, ...args: LuaValue[]) => R, f: LuaClosure, s: LuaValue[], func: number, nargs: number): R {
  switch (nargs) {
    case 0: return j(f);
    case 1: return j(f, s[func + 1]);
    case 2: return j(f, s[func + 1], s[func + 2]);
    case 3: return j(f, s[func + 1], s[func + 2], s[func + 3]);
    default: return j(f, ...s.slice(func + 1, func + 1 + nargs));
  }
}

/** Whether `p` or a function nested in it names debug.getlocal/setlocal (JitRuntime.dbg is set at the first
 * call of such a proto, and when one compiles): compiled frames then keep their registers in the stack across
 * calls, where those functions look. A main chunk is called before any of its functions, so every frame of a
 * program that names them knows it from its start; code compiled before a chunk naming them is loaded gives
 * its frames to the interpreter at its calls from then on (codegen.ts call()). */
const mentions = new WeakMap<Proto, boolean>();
export function namesLocals(p: Proto): boolean {
  let m = mentions.get(p);
  if (m === undefined) {
    m = p.k.some((k) => k === 'getlocal' || k === 'setlocal') || p.p.some(namesLocals);
    mentions.set(p, m);
  }
  return m;
}

export class JitRuntime {
  /** Result count of the last compiled return, and results 2..n at v[1..n-1]. */
  n = 0;
  v: LuaValue[] = genericArray();
  /** The next compiled frame is entered through a tail call (debug info). */
  tail = false;
  tailNest = 0;
  /** The program uses debug.getlocal/setlocal: compiled frames spill and reload registers around calls. */
  dbg = false;
  /** codegen.ts warmExit runs a prologue's exit to the interpreter: viaInterp returns at once. */
  warming = false;
  /** Index of the last frame that deoptimised (enter() must not run its return hook again). */
  private deoptIdx = -1;
  /** rt.index/setIndex gave DEOPT for an `__index`/`__newindex` function: the deopt that follows counts it
   * (calledMM). */
  private mmMiss = false;
  readonly maxTailNest = MAX_TAIL_NEST;
  /** Frames below which State.callIn may run compiled code directly (invoke): no count limit, the callee's
   * prologue checks the JS stack budget (su) itself. */
  readonly maxDepth = Infinity;
  readonly maxGenDepth = MAX_GEN_DEPTH;
  /** The driver and slow paths of generator variants (code running on coroutines). */
  readonly G: GenRuntime;
  /** JS stack bytes held by compiled frames and the frames between them (see the header). */
  su = 0;
  private limit = -1;
  /** Record index of the bottom frame of the running segment of compiled frames on the JS stack (set by
   * enter(); invokeIn(), whose JS caller needs results, sets NO_SEG): frames from there up to ciIdx are
   * compiled frames each making a call at a call site (CALL, TAILCALL, TFORCALL), their callees direct JS
   * calls (or through the call helpers, which return what the callee returns), so a prologue past the
   * budget can unwind them (viaInterp, unwound). */
  seg = NO_SEG;
  /** The call an unwinding prologue was entered for (closure, arguments, entered by a tail call). */
  private uf: LuaClosure | undefined = undefined;
  private ua: LuaValue[] = [];
  private ut = false;
  /** Set while a segment unwinds: every compiled frame returning from a call leaves at once (codegen.ts). */
  unw = false;
  /** The record of the compiled frame where a partial unwind stops (resumeCut), null for a whole segment;
   * cutIdx the index of the lowest converted frame (its callee's). */
  cut: CallInfo | null = null;
  private cutIdx = -1;
  /** Whether the running segment unwinds partially (its top UNWIND_FRAMES frames): one that enter() started
   * for a call from the interpreter unwinds whole the first time, so that the frames it held, resumed from
   * enter()'s depth, call with the whole budget again; the segments started after it (recorded calls,
   * resumed frames) unwind partially. */
  private part = false;

  constructor(readonly L: State, readonly opts: JitOptions, private readonly compiler: CompileFn,
    private readonly resumer?: ResumeFn) {
    this.G = new GenRuntime(this, L);
  }

  /** Largest `su` a compiled frame may reach; generated prologues bake in suLimit minus their own size.
   * Measured at the first use (not when the state is created: a state that never runs compiled code, or
   * one whose time budget has started, does not pay for the probe). */
  get suLimit(): number {
    if (this.limit < 0) {
      const bytes = jsStackBytes();
      this.limit = Math.max(0, bytes - Math.min(bytes / 4, MAX_RESERVE));
    }
    return this.limit;
  }

  // ------------------------------------------------------------------------------------ compiling

  private data(p: Proto): JitData {
    let d = p.tierData.jit as JitData | undefined;
    if (d === undefined) {
      p.tierData.jit = d = { fn: undefined, g: undefined, calls: 0, r: null };
      // at a proto's first call, compiled or not (codegen.ts call(): compiled frames spill from then on)
      if (!this.dbg && namesLocals(p)) this.dbg = true;
    }
    return d;
  }

  /** The last proto compiled() answered with a compiled function, and that function (set with d.fn: a
   * proto's compiled function never changes once set). */
  private lastP: Proto | null = null;
  private lastJ: Compiled | undefined = undefined;

  /** The compiled function of `p` once it is hot enough; undefined while it runs interpreted. */
  compiled(p: Proto): Compiled | undefined {
    // natives calling back (sort comparators, gsub functions) ask for the same proto again and again:
    // tierData is a dictionary-mode object, slower to read than this one-entry memo
    if (p === this.lastP) return this.lastJ;
    const d = this.data(p);
    if (d.fn !== undefined) {
      if (d.fn !== null) {
        this.lastP = p;
        this.lastJ = d.fn;
      }
      return d.fn ?? undefined;
    }
    if (d.calls++ < this.opts.threshold) return undefined;
    let fn: Compiled | null = null;
    try {
      fn = this.compiler(p, this);
    } catch (e) {
      if (this.opts.trace) this.opts.trace(`jit: compile error in ${p.source}:${p.linedefined}: ${String(e)}`);
      fn = null;
    }
    d.fn = fn;
    if (fn !== null) setDirect(p, fn);
    if (!this.dbg) d.nd = true;
    if (this.opts.trace) this.opts.trace(`jit: ${fn ? 'compiled' : 'not compiled'} ${p.source}:${p.linedefined}`);
    return fn ?? undefined;
  }

  /** Code of `p` compiled before `dbg` was set met a call with `dbg` set (codegen.ts call(): it then deopts
   * there): its variants are dropped, so the next call compiles `p` again with debug spills instead of
   * deoptimising at every call from then on. Only once per proto (nd): frames and call sites still holding
   * the old code keep deoptimising at their calls, which is exact. */
  stale(p: Proto): void {
    const d = p.tierData.jit as JitData | undefined;
    if (d === undefined || d.nd !== true) return;
    d.nd = false;
    if (d.fn !== null) {
      d.fn = undefined;
      (p as unknown as { jf: Compiled | undefined }).jf = undefined;
    }
    if (d.g !== null) d.g = undefined;
    d.r = null;
    this.lastP = null;
    this.lastJ = undefined;
    this.rPc = -1;
  }

  /** The generator variant of `p` once it is hot enough (the call count is shared with the plain variant). */
  compiledGen(p: Proto): GenCompiled | undefined {
    const d = this.data(p);
    if (d.g !== undefined) return d.g ?? undefined;
    if (d.fn === null || d.calls++ < this.opts.threshold) return undefined;
    let g: GenCompiled | null = null;
    try {
      g = this.compiler(p, this, true) as unknown as GenCompiled | null;
    } catch (e) {
      if (this.opts.trace) this.opts.trace(`jit: compile error in ${p.source}:${p.linedefined}: ${String(e)}`);
      g = null;
    }
    d.g = g;
    if (!this.dbg) d.nd = true;
    if (this.opts.trace) this.opts.trace(`jit: ${g ? 'compiled generator' : 'not compiled'} ${p.source}:${p.linedefined}`);
    return g ?? undefined;
  }

  // ------------------------------------------------------------------------------------ entering from the interpreter

  /** The interpreter wants to call closure f (stack[func], nargs arguments above it). Runs it as compiled code
   * and completes the call through the interpreter's return protocol; false when it must run interpreted. */
  enter(L: State, th: Coroutine, f: LuaClosure, func: number, nargs: number, nresults: number, flags: number): boolean {
    // an error escaping compiled code propagates as a JS exception to the nearest run loop or JS-level call
    // (execute, callInterp, State.callIn), which recovers at the protected frame on the CallInfo stack
    if (th.hookMask !== 0) return false;
    if (!th.isMain || this.L.suspendable()) {
      // on a coroutine (or under callAsync) frames must be able to suspend: the generator variant
      if (th.ciIdx >= MAX_GEN_DEPTH || nargs > MAX_SPREAD) return false;
      const g = this.compiledGen(f.p);
      if (g === undefined) return false;
      this.G.start(th, f, g, func, nargs, nresults, flags);
      return true;
    }
    const su = this.su;
    if (su + ENTER_COST > this.suLimit || nargs > MAX_SPREAD) return false;
    const j = this.compiled(f.p);
    if (j === undefined) return false;
    th.top = func;
    let idx = th.ciIdx + 1;
    let r = this.runSeg(th, j, f, func, nargs, idx, null, su, false);
    // one JS frame for the whole chain: a segment that unwinds makes its recorded call here (unwound), and
    // a call that returns to an unwound frame continues that frame compiled (resumeOf), both at this depth
    for (;;) {
      if (this.unw) {
        this.unw = false;
        if (!this.unwound(th, idx, nresults, flags)) return true;
        f = this.uf!;
        const tail = this.ut;
        this.uf = undefined;
        func = th.top;
        nargs = this.ua.length;
        this.ua = [];
        const c = th.cis[th.ciIdx];
        nresults = callResults(c);
        flags = 0;
        idx = th.ciIdx + 1;
        // a compiled callee's prologue takes the tail flag
        this.tail = tail;
        r = this.runSeg(th, this.compiled(f.p)!, f, func, nargs, idx, null, su, true);
        continue;
      }
      if (flags !== 0 || th.hookMask !== 0) {
        this.returnThrough(th, f, func, r, nresults, flags, this.deoptIdx === idx && th.hookMask !== 0);
        if (flags !== 0) return true;
      } else if (nresults === 1 && func + 1 + EXTRA_STACK <= th.stack.length) {
        // one result wanted (a resumed frame's CALL, usually): placeResults' common case inline
        th.stack[func] = this.n > 0 ? r : undefined;
        th.top = func + 1;
      } else this.placeResults(th, func, r, nresults);
      idx = th.ciIdx;
      const c = th.cis[idx];
      const rv = this.resumeOf(th, c);
      if (rv === null) return true;
      f = c.closure!;
      func = c.func;
      nresults = c.nresults;
      r = this.runSeg(th, rv, f, func, 0, idx, c, su, true);
      if (r === DEOPT && !this.unw) return true;
    }
  }

  /** A compiled call's results (first `first`, the others in n/v) returned plainly to the Lua frame below
   * (no flags, no hooks: what returnThrough's returnFrom does then): to stack[func..], as many as wanted. */
  private placeResults(th: Coroutine, func: number, first: LuaValue, nresults: number): void {
    let n = this.n;
    const wanted = nresults === MULTRET ? n : nresults;
    if (n > wanted) n = wanted;
    if (func + wanted + EXTRA_STACK > th.stack.length) th.grow(func + wanted + EXTRA_STACK);
    const s = th.stack;
    if (n > 0) s[func] = first;
    for (let i = 1; i < n; i++) s[func + i] = this.v[i];
    for (let i = n; i < wanted; i++) s[func + i] = undefined;
    th.top = func + wanted;
  }

  /** Runs compiled function j for closure f (its arguments the nargs values above stack[func]), or resume
   * variant j for the frame of record `c`, as the bottom of a segment of compiled frames (record index idx)
   * entered from the interpreter at JS stack units `su`. */
  private runSeg(th: Coroutine, j: Compiled | Resumed, f: LuaClosure, func: number, nargs: number, idx: number, c: CallInfo | null, su: number, part: boolean): LuaValue {
    const nest = this.tailNest;
    const seg = this.seg;
    const pt = this.part;
    this.seg = idx;
    this.part = part;
    this.deoptIdx = -1;
    this.su = su + ENTER_COST;
    let r: LuaValue;
    try {
      r = c !== null ? (j as Resumed)(f, c) : callOnStack(j as Compiled, f, th.stack, func, nargs);
    } catch (e) {
      this.seg = seg;
      this.part = pt;
      this.tailNest = nest;
      this.su = su;
      // a tail call that raised before its callee's prologue consumed the flag (stack overflow in grow)
      this.tail = false;
      throw e;
    }
    this.seg = seg;
    this.part = pt;
    this.tailNest = nest;
    this.su = su;
    this.tail = false;
    return r;
  }

  /** Memo of resumeOf (tierData is a dictionary-mode object). */
  private rP: Proto | null = null;
  private rD: JitData | null = null;
  /** rP's last resumed call (pc) and its variant (null: none); -1 when not valid (recompiles clear it). */
  private rPc = -1;
  private rJ: Resumed | null = null;

  /** The resume variant for the frame on top of the thread (a Lua frame whose call just returned), when
   * it continues compiled: a frame of a proto that was unwound before (so not every interpreted frame gets
   * variants compiled), at a CALL, returning plainly (flags 0), without hooks. */
  private resumeOf(th: Coroutine, c: CallInfo): Resumed | null {
    if (th.hookMask !== 0 || this.L.stop) return null;
    const cl = c.closure;
    if (cl === undefined || c.flags !== 0) return null;
    const p = cl.p;
    const pc = c.savedpc - 1;
    // the frame below a resumed one is often the same proto at the same call (recursion)
    if (p === this.rP && pc === this.rPc) return this.rJ;
    if (this.resumer === undefined) return null;
    let d: JitData | null;
    if (p === this.rP) d = this.rD;
    else {
      d = (p.tierData.jit as JitData | undefined) ?? null;
      if (d === null) return null;
      this.rP = p;
      this.rD = d;
      this.rPc = -1;
    }
    const rs = d!.r;
    if (rs === null) return null;
    let j = rs[pc];
    if (j === undefined) {
      j = null;
      if ((p.code[pc] & 0x7f) === Op.CALL && d!.fn) {
        try {
          j = this.resumer(p, this, pc);
        } catch (e) {
          if (this.opts.trace) this.opts.trace(`jit: compile error in ${p.source}:${p.linedefined}: ${String(e)}`);
        }
      }
      rs[pc] = j;
      if (this.opts.trace) this.opts.trace(`jit: ${j ? 'compiled resume' : 'no resume'} ${p.source}:${p.linedefined} at pc ${pc}`);
    }
    this.rPc = pc;
    this.rJ = j;
    return j;
  }

  /** State.callIn's fast path (a native calling a Lua function: sort comparators, gsub callbacks...): runs
   * closure f, whose compiled code is j, with its frame at the thread's safe top, straight from JS: no argument
   * or result round trip through the stack, no run loop. Results follow the compiled convention. The caller
   * checked what enter() checks (main thread, no hooks, depth). Same C-call and non-yieldable counts as callIn;
   * on an error the JS-stack accounting is restored, then State.compiledError recovers as callIn does. One try
   * block for all of it: two nested ones (State's and this one's) cost ~65 instructions a call. */
  invokeIn(th: Coroutine, f: LuaClosure, j: Compiled, args: LuaValue[], func = th.safeTop()): LuaValue {
    const L = this.L;
    const top0 = th.top;
    if (func + 1 + EXTRA_STACK > th.stack.length) th.grow(func + 1 + EXTRA_STACK);
    // (the slot usually holds f already, from the previous callback of the same native: a store costs ~75
    // instructions while f is young, in the write barrier's remembered-set insertion)
    if (th.stack[func] !== f) th.stack[func] = f;
    const ci0 = th.ciIdx, nny0 = th.nny, cc0 = L.nCcalls;
    const nest = this.tailNest;
    const su = this.su;
    const seg = this.seg;
    let r: LuaValue;
    try {
      enterCcall(L);
      th.nny++;
      th.top = func;
      this.deoptIdx = -1;
      this.tail = false;
      // the native and State.callIn below the callee hold JS stack as enter()'s callers do; past the budget
      // the callee's prologue runs it interpreted
      this.su = su + ENTER_COST;
      // its caller is JS that expects results: the frames above are not unwound (prologues past the budget
      // run their calls interpreted)
      this.seg = NO_SEG;
      switch (args.length) {
        case 0: r = j(f); break;
        case 1: r = j(f, args[0]); break;
        case 2: r = j(f, args[0], args[1]); break;
        case 3: r = j(f, args[0], args[1], args[2]); break;
        default: r = args.length > MAX_SPREAD ? this.callInterp(f, args, 0) : j(f, ...args);
      }
      this.seg = seg;
      this.tailNest = nest;
      this.su = su;
      if (th.hookMask !== 0) r = this.invokeReturnHook(th, f, func, ci0 + 1, r);
    } catch (e) {
      this.seg = seg;
      this.tailNest = nest;
      this.su = su;
      return L.compiledError(th, this, e, func, top0, ci0, nny0, cc0);
    }
    th.nny = nny0;
    L.nCcalls = cc0;
    th.top = top0;
    return r;
  }

  /** invokeIn() for a call with exactly the two arguments a and b (sort comparators: State.callPair), without
   * an argument array. Same bookkeeping and recovery as invokeIn. `func` (both): th.safeTop(), which the caller
   * may know already (State's CallbackSite). */
  invokePair(th: Coroutine, f: LuaClosure, j: Compiled, a: LuaValue, b: LuaValue, func: number): LuaValue {
    const L = this.L;
    const top0 = th.top;
    if (func + 1 + EXTRA_STACK > th.stack.length) th.grow(func + 1 + EXTRA_STACK);
    // (the slot usually holds f already, from the previous callback of the same native: a store costs ~75
    // instructions while f is young, in the write barrier's remembered-set insertion)
    if (th.stack[func] !== f) th.stack[func] = f;
    const ci0 = th.ciIdx, nny0 = th.nny, cc0 = L.nCcalls;
    const nest = this.tailNest;
    const su = this.su;
    const seg = this.seg;
    let r: LuaValue;
    try {
      enterCcall(L);
      th.nny++;
      th.top = func;
      this.deoptIdx = -1;
      this.tail = false;
      this.su = su + ENTER_COST; // as in invokeIn
      this.seg = NO_SEG;
      r = j(f, a, b);
      this.seg = seg;
      this.tailNest = nest;
      this.su = su;
      if (th.hookMask !== 0) r = this.invokeReturnHook(th, f, func, ci0 + 1, r);
    } catch (e) {
      this.seg = seg;
      this.tailNest = nest;
      this.su = su;
      return L.compiledError(th, this, e, func, top0, ci0, nny0, cc0);
    }
    th.nny = nny0;
    L.nCcalls = cc0;
    th.top = top0;
    return r;
  }

  /** A compiled call of `f` at stack[func] returned (first result `first`, the count and the others in n/v):
   * the results go to the stack and the call completes through a record pushed for the callee, so its flags
   * (pcall continuations, fresh-call boundaries, metamethod completion) and the return hook work exactly as
   * for an interpreted frame. `hooked`: the frame was finished by the interpreter after a deopt and had its
   * return hook there, so no second one runs. */
  returnThrough(th: Coroutine, f: LuaClosure, func: number, first: LuaValue, nresults: number, flags: number, hooked: boolean): void {
    const n = this.n;
    if (func + n + EXTRA_STACK > th.stack.length) th.grow(func + n + EXTRA_STACK);
    const s = th.stack;
    s[func] = first;
    for (let i = 1; i < n; i++) s[func + i] = this.v[i];
    const c = th.pushCI();
    c.func = func;
    c.nresults = nresults;
    c.flags = flags;
    c.closure = f;
    c.kind = 0;
    if (hooked && th.allowHook) {
      th.allowHook = false;
      try {
        returnFrom(this.L, th, c, func, n);
      } finally {
        th.allowHook = true;
      }
    } else returnFrom(this.L, th, c, func, n);
  }

  /** The callee of invokeIn() set a hook: its return goes through the interpreter's return hook (as enter()
   * does), then the results come back to the compiled convention. */
  private invokeReturnHook(th: Coroutine, f: LuaClosure, func: number, idx: number, r: LuaValue): LuaValue {
    this.returnThrough(th, f, func, r, MULTRET, 0, this.deoptIdx === idx);
    return this.takeResults(th, func);
  }

  // ------------------------------------------------------------------------------------ calling out

  /** Calls f(args) through the interpreter's call protocol; results follow the compiled convention. */
  callInterp(f: LuaValue, args: ArrayLike<LuaValue>, from: number): LuaValue {
    const th = this.L.cur;
    const func = th.top;
    const nargs = args.length - from;
    const need = func + 1 + nargs + EXTRA_STACK;
    if (need > th.stack.length) th.grow(need);
    const s = th.stack;
    s[func] = f;
    for (let i = 0; i < nargs; i++) s[func + 1 + i] = args[from + i];
    return this.runAt(th, func, nargs);
  }

  /** Calls stack[func] with the nargs values above it through the interpreter's call protocol. */
  private runAt(th: Coroutine, func: number, nargs: number): LuaValue {
    const L = this.L;
    th.top = func + 1 + nargs;
    const idx = th.ciIdx;
    const f = th.stack[func];
    if (f instanceof NativeFunction && !(f instanceof SpecialFunction) && th.hookMask === 0) return this.callNative(th, f, func, nargs);
    // a tail call (rt.tail): a compiled callee's prologue takes the flag itself; an interpreted Lua frame gets
    // it here, as the interpreter's TAILCALL marks it (natives' frames never are)
    const tail = this.tail;
    if (!(f instanceof LuaClosure)) this.tail = false;
    let pushed: boolean;
    try {
      pushed = callValue(L, th, func, nargs, MULTRET, F_FRESH);
      this.tail = false;
      if (pushed && tail && th.ciIdx === idx + 1 && th.cis[idx + 1].closure !== undefined) th.cis[idx + 1].tail = true;
    } catch (e) {
      this.tail = false;
      // raised inside the callee's frame (a native, pcall's callee...): recover there, as the interpreter's
      // loop would (a pcall frame at the boundary catches it); raised before any frame: the caller's error
      if (th.ciIdx <= idx) throw e;
      execute(L, th, idx + 1, e);
      return this.takeResults(th, func);
    }
    if (pushed) execute(L, th, idx + 1);
    return this.takeResults(th, func);
  }

  /** A plain native called from compiled code (no hooks): its frame record is pushed as the interpreter's
   * callNative pushes it (error positions, calleeName, argument errors read it), the results go straight to
   * the compiled convention instead of through the stack. String-heavy code (string.byte/sub/find...) lives
   * on this path; the interpreter's general protocol costs several times the call itself. */
  private callNative(th: Coroutine, f: NativeFunction, func: number, nargs: number): LuaValue {
    const L = this.L;
    const s = th.stack;
    const idx = th.ciIdx;
    this.tail = false;
    const args = new Array<LuaValue>(nargs);
    for (let i = 0; i < nargs; i++) args[i] = s[func + 1 + i];
    const ci = pushNativeCI(th, f, func, nargs, MULTRET, F_FRESH);
    let r: unknown;
    try {
      r = f.fn(L, args) as unknown;
    } catch (e) {
      if (th.ciIdx <= idx) throw e;
      execute(L, th, idx + 1, e);
      return this.takeResults(th, func);
    }
    if (!Array.isArray(r) || th.hookMask !== 0) return this.nativeReturnSlow(th, ci, idx, func, nargs, r);
    const res = r as LuaValue[];
    th.ciIdx = idx;
    // no stale function or arguments above the top: the collector need not keep them alive
    for (let i = func; i <= func + nargs; i++) s[i] = undefined;
    const n = res.length;
    this.n = n;
    th.top = func;
    if (n === 1) return res[0];
    const v = this.v;
    for (let i = 1; i < n; i++) v[i] = res[i];
    return n > 0 ? res[0] : undefined;
  }

  /** callNative's uncommon returns: a bare value or a promise instead of a result array, or a hook set by
   * the native (debug.sethook: its return goes through the interpreter's return hook). */
  private nativeReturnSlow(th: Coroutine, ci: CallInfo, idx: number, func: number, nargs: number, r: unknown): LuaValue {
    const L = this.L;
    let res: LuaValue[];
    try {
      if (Array.isArray(r)) res = r as LuaValue[];
      else if (r === undefined) res = [];
      else if (r !== null && typeof r === 'object' && typeof (r as PromiseLike<unknown>).then === 'function') {
        // a compiled frame cannot be suspended (as the interpreter says for a C boundary)
        throw new LuaError('attempt to yield across a C-call boundary');
      } else res = [r as LuaValue];
    } catch (e) {
      if (th.ciIdx <= idx) throw e;
      execute(L, th, idx + 1, e);
      return this.takeResults(th, func);
    }
    if (th.hookMask !== 0) {
      ci.flags = 0;
      returnArray(L, th, ci, res);
      return this.takeResults(th, func);
    }
    th.ciIdx = idx;
    const s = th.stack;
    for (let i = func; i <= func + nargs; i++) s[i] = undefined;
    const n = res.length;
    const v = this.v;
    for (let i = 1; i < n; i++) v[i] = res[i];
    this.n = n;
    th.top = func;
    return n > 0 ? res[0] : undefined;
  }

  /** A call site's slow path with the function and its arguments already in the stack at func.. (as the
   * interpreter lays them out: no argument array, and NaN payloads survive). Compiles the callee when due. */
  callAt(site: { p: Proto | null; j: Compiled | null }, func: number, nargs: number): LuaValue {
    const th = this.L.cur;
    const s = th.stack;
    const f = s[func];
    if (f instanceof SpecialFunction) {
      // (tested first: a failing instanceof FastNative walks the whole prototype chain, a cost on every switch)
      // coroutine.resume and wrap functions: a direct switch into compiled generator code (generator.ts)
      // (and the site calls those through its fast entries from now on: GenRuntime.switchSite)
      const sp = f.special;
      if ((sp === S_RESUME || sp === S_WRAP) && 'n' in site && (site as FastSite).n !== f) this.G.switchSite(site as FastSite, f);
      if (th.hookMask === 0) {
        const r = this.G.resume(th, f, func, nargs);
        if (r !== NOFAST) return r;
      }
      // a special function with fast entries (pairs): the site calls those from now on
      if (f instanceof FastSpecial && 'n' in site) fastSite(site as FastSite, f, f.entries);
    } else if (f instanceof NativeFunction) {
      // a native with a fast entry: the site calls that from now on (codegen.ts; sites that can use it have `n`)
      if (f instanceof FastNative && 'n' in site) fastSite(site as FastSite, f, f);
      // the common case of library calls: straight to the native (its record as the interpreter pushes it)
      if (th.hookMask === 0) return this.callNative(th, f, func, nargs);
    } else if (f instanceof LuaClosure) {
      const j = this.compiled(f.p);
      if (j !== undefined && nargs <= MAX_SPREAD) {
        site.p = f.p;
        site.j = j;
        th.top = func;
        const su = this.su;
        this.su = su + HELPER_COST + 8 * nargs;
        const r = callOnStack(j, f, s, func, nargs);
        this.su = su;
        return r;
      }
    }
    return this.runAt(th, func, nargs);
  }

  private takeResults(th: Coroutine, func: number): LuaValue {
    const s = th.stack;
    const n = th.top - func;
    const v = this.v;
    for (let i = 1; i < n; i++) v[i] = s[func + i];
    this.n = n;
    const r = n > 0 ? s[func] : undefined;
    th.top = func;
    return r;
  }

  /** A call site's slow path: compiles the callee when it is due (and caches it in the site), else calls
   * through the interpreter. */
  call(site: { p: Proto | null; j: Compiled | null }, f: LuaValue, ...args: LuaValue[]): LuaValue {
    if (f instanceof LuaClosure) {
      const j = this.compiled(f.p);
      if (j !== undefined) {
        site.p = f.p;
        site.j = j;
        const su = this.su;
        this.su = su + HELPER_COST + 16 * args.length;
        const r = j(f, ...args);
        this.su = su;
        return r;
      }
    }
    return this.callInterp(f, args, 0);
  }

  /** A call with a variable number of arguments. */
  callv(site: { p: Proto | null; j: Compiled | null }, f: LuaValue, args: LuaValue[]): LuaValue {
    if (f instanceof LuaClosure && args.length <= MAX_SPREAD) {
      if (site.p === f.p) {
        const su = this.su;
        this.su = su + HELPER_COST + 8 * args.length;
        const r = site.j!(f, ...args);
        this.su = su;
        return r;
      }
      return this.call(site, f, ...args);
    }
    // natives (a tail call such as `return math.floor(x)`): no spread, straight through the stack
    if (f instanceof FastNative && 'n' in site) fastSite(site as FastSite, f, f);
    else if (f instanceof FastSpecial && 'n' in site) fastSite(site as FastSite, f, f.entries);
    return this.callInterp(f, args, 0);
  }

  /** A compiled prologue found hooks set or the JS stack budget (suLimit) used up: run the call interpreted.
   * Past the budget with compiled callers on the JS stack (a segment entered by enter()), the call is
   * recorded and `unw` set instead: each compiled frame returning from its call sees it, stores its registers
   * and returns at once (codegen.ts call), down to enter(), which turns them into interpreter frames
   * (unwound): the recorded call then starts compiled again on an empty JS stack. */
  viaInterp(cl: LuaClosure, args: IArguments | LuaValue[]): LuaValue {
    if (this.warming) return undefined;
    const th = this.L.cur;
    // a leaf called from generator code (generator.ts `at`): the driver makes the call
    if (!th.isMain || this.L.suspendable()) return this.G.leafViaInterp(th, cl, args as IArguments) as unknown as LuaValue;
    if (th.ciIdx >= this.seg && th.hookMask === 0 && this.unwindable(th)) {
      this.uf = cl;
      this.ua = Array.prototype.slice.call(args, 1) as LuaValue[];
      this.ut = this.tail;
      this.tail = false;
      this.unw = true;
      return undefined;
    }
    return this.callInterp(cl, args as ArrayLike<LuaValue>, 1);
  }

  /** Whether every frame of the running compiled segment can become an interpreter frame: each a Lua frame
   * at a CALL or TFORCALL (the call in progress). When not, the segment is not unwound again (so no frame is
   * looked at twice). The same walk prepares them for unwound(): each frame above the bottom one expects what
   * its caller's call wants (a compiled frame's record never reads nresults: harmless when the walk stops
   * short), and their protos get resume variants (resumeOf). One walk while the records are still in the
   * cache: a second one after the JS stack has unwound cost ~15% of a deep recursion's time. */
  private unwindable(th: Coroutine): boolean {
    if (!th.isMain || this.L.suspendable()) return false;
    const cis = th.cis;
    let above: CallInfo | null = null;
    let lp: Proto | null = null;
    // a deeper segment converts only its top UNWIND_FRAMES frames: the frame below them is the cut
    const low = this.part ? th.ciIdx - UNWIND_FRAMES : -1;
    this.cut = null;
    for (let k = th.ciIdx; k >= this.seg; k--) {
      const c = cis[k];
      const cl = c.closure;
      if (cl === undefined || c.flags !== 0) {
        this.seg = NO_SEG;
        return false;
      }
      const p = cl.p;
      const i = p.code[c.savedpc - 1];
      const op = i & 0x7f;
      if (op !== Op.CALL && op !== Op.TFORCALL) {
        this.seg = NO_SEG;
        return false;
      }
      if (above !== null) above.nresults = op === Op.TFORCALL ? i >>> 24 : (i >>> 24) - 1;
      if (k === low) {
        this.cut = c;
        this.cutIdx = k + 1;
        return true;
      }
      above = c;
      if (p !== lp) {
        lp = p;
        const d = this.data(p);
        if (d.r === null) d.r = [];
      }
    }
    return true;
  }

  /** enter()'s callee unwound: the compiled frames idx..ciIdx (their registers in the stack, each at the call
   * it was making, prepared by unwindable) become interpreter frames, each expecting what its caller's
   * instruction wants and the bottom one what enter()'s caller wants, and the recorded call is made from the
   * top one's call, here, on an empty JS stack (compiled again). Returns as enter() does when it pushed a
   * frame: the interpreter loop continues with the top frame. */
  private unwound(th: Coroutine, idx: number, nresults: number, flags: number): boolean {
    const L = this.L;
    const cis = th.cis;
    const ti = th.ciIdx;
    cis[idx].nresults = nresults;
    cis[idx].flags = flags;
    const c = cis[ti];
    const i = c.closure!.p.code[c.savedpc - 1];
    const func = c.base + ((i >>> 7) & 0xff) + ((i & 0x7f) === Op.TFORCALL ? 4 : 0);
    const f = this.uf!;
    const args = this.ua;
    const tail = this.ut;
    if (this.opts.trace) this.opts.trace(`jit: unwound ${ti - idx + 1} frames at ${f.p.source}:${f.p.linedefined}`);
    const n = args.length;
    if (func + n + 1 + EXTRA_STACK > th.stack.length) th.grow(func + n + 1 + EXTRA_STACK);
    const s = th.stack;
    s[func] = f;
    for (let k = 0; k < n; k++) s[func + 1 + k] = args[k];
    // the recorded call runs compiled from enter(), which called this (JS stack as at its start)
    if (th.hookMask === 0 && this.compiled(f.p) !== undefined) {
      th.top = func;
      return true;
    }
    this.uf = undefined;
    this.ua = [];
    th.top = func + 1 + n;
    // a compiled callee's prologue takes the tail flag; an interpreted one gets it here (as runAt does)
    this.tail = tail;
    try {
      pushLuaFrame(L, th, f, func, n, callResults(c), 0);
    } finally {
      this.tail = false;
    }
    if (tail && th.ciIdx === ti + 1) cis[ti + 1].tail = true;
    return false;
  }

  /** A partial unwind (unwindable) stopped at the compiled frame `cut`, which called this with its stack units
   * `su` (codegen.ts call): the frames above it, cutIdx..ciIdx, are interpreter frames now, the recorded call
   * pending at the top one. As enter()'s loop does from its depth: the call runs compiled (unwinding its own
   * segment again when it goes past the budget), then each frame is resumed compiled (resumeOf) as the one
   * above returns, down to frame cutIdx, whose results return to the cut in the compiled convention. What cannot
   * continue compiled (a frame without a resume variant, a DEOPT, hooks) finishes in the interpreter, frame
   * cutIdx then ending at a boundary of its own, as a deoptimised frame does. */
  resumeCut(su: number): LuaValue {
    const th = this.L.cur;
    const stop = this.cutIdx;
    this.cut = null;
    const dIdx = this.deoptIdx;
    let idx = stop, nresults = MULTRET, func = 0;
    let f: LuaClosure = undefined!;
    let r: LuaValue = undefined;
    for (;;) {
      if (this.unw) {
        // the segment from idx up unwound (the first time: the frames above the cut)
        this.unw = false;
        if (!this.unwound(th, idx, nresults, 0)) break;
        f = this.uf!;
        const tail = this.ut;
        this.uf = undefined;
        func = th.top;
        const nargs = this.ua.length;
        this.ua = [];
        nresults = callResults(th.cis[th.ciIdx]);
        idx = th.ciIdx + 1;
        this.tail = tail;
        r = this.runSeg(th, this.compiled(f.p)!, f, func, nargs, idx, null, su, true);
        continue;
      }
      // frame idx returned r
      if (idx === stop) {
        this.deoptIdx = dIdx;
        return r;
      }
      if (th.hookMask !== 0) {
        this.returnThrough(th, f, func, r, nresults, 0, this.deoptIdx === idx);
        break;
      }
      if (nresults === 1 && func + 1 + EXTRA_STACK <= th.stack.length) {
        th.stack[func] = this.n > 0 ? r : undefined;
        th.top = func + 1;
      } else this.placeResults(th, func, r, nresults);
      idx = th.ciIdx;
      const c = th.cis[idx];
      const rv = this.resumeOf(th, c);
      if (rv === null) break;
      f = c.closure!;
      func = c.func;
      nresults = c.nresults;
      r = this.runSeg(th, rv, f, func, 0, idx, c, su, true);
      if (r === DEOPT && !this.unw) break;
    }
    // the rest in the interpreter, down to frame `stop` (a boundary of its own, all its results)
    const b = th.cis[stop];
    b.flags = F_FRESH;
    b.nresults = MULTRET;
    this.deoptIdx = stop;
    execute(this.L, th, stop);
    return this.takeResults(th, b.func);
  }

  /** A compiled function's entry guard found a parameter speculated to be an integer holding something else
   * (codegen.ts specParams): the proto is compiled again without that speculation (once; its new function
   * replaces the old one in the tier data, while call sites that cached the old one keep calling it, whose
   * guard forwards here), and the call runs there. Nothing has run yet: no frame, no stack units charged. */
  respec(cl: LuaClosure, args: IArguments | LuaValue[]): LuaValue {
    const p = cl.p;
    const d = this.data(p);
    if (p.tierData.jitNoParam !== true) {
      p.tierData.jitNoParam = true;
      // uncompilable: the speculating function stays, and its guard sends such calls to the interpreter
      if (!this.recompile(p, 'parameter types')) p.tierData.jitNoRespec = true;
    }
    const j = d.fn;
    if (j === null || j === undefined || p.tierData.jitNoRespec === true || args.length > MAX_SPREAD) return this.viaInterp(cl, args);
    const su = this.su;
    this.su = su + HELPER_COST + 8 * args.length;
    let r: LuaValue;
    switch (args.length) {
      case 1: r = j(cl); break;
      case 2: r = j(cl, args[1]); break;
      case 3: r = j(cl, args[1], args[2]); break;
      case 4: r = j(cl, args[1], args[2], args[3]); break;
      default: r = j(cl, ...Array.prototype.slice.call(args, 1) as LuaValue[]);
    }
    this.su = su;
    return r;
  }

  /** Continues frame `ci` (registers already spilled) in the interpreter at instruction `pc` until it returns. */
  deopt(ci: CallInfo, pc: number, top = ci.top): LuaValue {
    const L = this.L;
    const th = L.cur;
    if (this.opts.trace) this.opts.trace(`jit: deopt ${ci.closure!.p.source}:${ci.closure!.p.linedefined} at pc ${pc}`);
    if (this.mmMiss) this.calledMM(ci.closure!.p);
    // a leaf called from generator code (generator.ts `at`): the driver continues the frame, which may yield
    if (!th.isMain || L.suspendable()) return this.G.leafDeopt(th, ci, pc, top) as unknown as LuaValue;
    this.deoptIdx = th.ciIdx;
    ci.savedpc = pc;
    ci.flags = F_FRESH;
    ci.nresults = MULTRET;
    th.top = top;
    execute(L, th, th.ciIdx);
    return this.takeResults(th, ci.func);
  }

  /** A compiled frame of `p` deoptimised to call an `__index`/`__newindex` function (rt.index/setIndex). After
   * MM_DEOPTS such exits `p` is compiled again with those calls made from compiled code (codegen.ts mmDeopt,
   * `tierData.jitMM`): their paths store and reload every register, code that other functions do without
   * (it would make small methods too big for V8 to inline). The new function replaces the old one as in
   * respec. */
  private calledMM(p: Proto): void {
    this.mmMiss = false;
    if (p.tierData.jitMM === true) return;
    const n = ((p.tierData.jitMMn as number | undefined) ?? 0) + 1;
    p.tierData.jitMMn = n;
    if (n < MM_DEOPTS) return;
    p.tierData.jitMM = true;
    this.recompile(p, 'metamethod calls');
  }

  /** Compiles `p` again (its tier data already says what changed, `why` names it for --trace-jit); the new
   * function replaces the old one (call sites that cached the old one keep calling it). False when `p` did not
   * compile: the old function stays. */
  private recompile(p: Proto, why: string): boolean {
    let fn: Compiled | null = null;
    try {
      fn = this.compiler(p, this);
    } catch (e) {
      if (this.opts.trace) this.opts.trace(`jit: compile error in ${p.source}:${p.linedefined}: ${String(e)}`);
    }
    if (this.opts.trace) this.opts.trace(`jit: ${fn ? 'recompiled' : 'not recompiled'} ${p.source}:${p.linedefined} (${why})`);
    if (this.lastP === p) this.lastP = null;
    if (fn === null) return false;
    const d = this.data(p);
    d.fn = fn;
    if (d.r !== null) d.r = [];
    this.rPc = -1;
    setDirect(p, fn);
    return true;
  }

  /** callAt with the arguments nfix fixed ones already in the stack, then the values of mv. */
  callMv(site: { p: Proto | null; j: Compiled | null }, func: number, nfix: number, mv: LuaValue[]): LuaValue {
    const th = this.L.cur;
    const n = mv.length;
    const need = func + 1 + nfix + n + EXTRA_STACK;
    if (need > th.stack.length) th.grow(need);
    const s = th.stack;
    for (let i = 0; i < n; i++) s[func + 1 + nfix + i] = mv[i];
    return this.callAt(site, func, nfix + n);
  }

  /** A return of nfix fixed values (the first is `first`, the others already in v[1..]) and then mv's. */
  retMv(nfix: number, mv: LuaValue[], first: LuaValue): LuaValue {
    const v = this.v;
    let n = nfix;
    for (let i = 0; i < mv.length; i++, n++) {
      if (n === 0) first = mv[i];
      else v[n] = mv[i];
    }
    this.n = n;
    return first;
  }

  /** Results of a return with a variable count. */
  ret(vals: LuaValue[]): LuaValue {
    const n = vals.length;
    const v = this.v;
    for (let i = 1; i < n; i++) v[i] = vals[i];
    this.n = n;
    return vals[0];
  }

  /** All results of the last call, as an array (for a following variable-count consumer). */
  collect(first: LuaValue): LuaValue[] {
    const n = this.n;
    // one result that is not a double (no NaN payload to lose in a double array): a plain literal is cheaper
    if (n === 1 && (typeof first !== 'number' || (first | 0) === first)) return [first];
    const out = genericArray();
    if (n > 0) out.push(first);
    for (let i = 1; i < n; i++) out.push(this.v[i]);
    return out;
  }

  // ------------------------------------------------------------------------------------ slow paths (no metamethod calls)

  /** A fresh `__index` lookup cache for one GETFIELD/SELF site of generated code (codegen getStr). */
  newLookupCache(): LookupCache {
    return { e: -1, m0: null, v0: undefined, m1: null, v1: undefined, m2: null, v2: undefined, m3: null, v3: undefined, r: 0, x: null, s: 0 };
  }

  /** Own string key `k` of dictionary-mode table `t` (strDict), for a site whose inline test of slot `ic.s` of
   * the Map part failed: read through the Map (or the small linear part), remembering the key's slot in `ic`.
   * A slot holds its key until a rehash (runtime/table.ts), so `t.mkeys[ic.s] === k` proves `t.mvals[ic.s]` is
   * its value. */
  dictGet(ic: LookupCache, t: LuaTable, k: string): LuaValue {
    const slot = t.slotOf(k);
    if (slot < 0) return undefined;
    ic.s = slot;
    return t.slotValue(slot);
  }

  /** The rest of a GETFIELD/GETTABUP/SELF site's read of string key `k` from `t` when its inline record probe
   * (`t.hash.k` of a table) gave nothing: the own key of a dictionary-mode table (strDict: the Map-part slot
   * the site last found it in, `ic.s`, else dictGet), else nil for a table without a metatable, else the
   * `__index` chain's value from the site's four cached pairs (keyed by metatable: the table's, or the string
   * metatable for a string with an `__index` table) or lookupMiss, else rt.index. DEOPT when the generic
   * lookup needs a metamethod call or raises (the site deoptimises or calls it, codegen.ts getStr). Out of line:
   * these paths are cold or shared, and each site's code is V8 parse, bytecode, feedback and optimising-compile
   * work; the record probe stays inline, per site (V8's inline cache on the table's hidden class). */
  field(ic: LookupCache, t: LuaValue, k: string): LuaValue | typeof DEOPT {
    let m: LuaTable | undefined;
    if (t instanceof LuaTable) {
      if (t.strDict) {
        const d = t as unknown as DictParts;
        const ks = d.mkeys;
        const v = ks !== undefined && ks[ic.s] === k ? d.mvals[ic.s] : this.dictGet(ic, t, k);
        if (v !== undefined) return v;
      }
      m = t.metatable;
      if (m === undefined) return undefined;
    } else if (typeof t === 'string') {
      // (only an `__index` table is cached: without one, indexing a string raises)
      m = this.L.mtString;
      if (m === undefined || !((m.strDict ? m.getStr('__index') : m.hash.__index) instanceof LuaTable)) return this.index(t, k);
    } else return this.index(t, k);
    if (ic.e === LuaTable.epoch) {
      if (m === ic.m0) return ic.v0;
      if (m === ic.m1) return ic.v1;
      if (m === ic.m2) return ic.v2;
      if (m === ic.m3) return ic.v3;
    }
    const v = this.lookupMiss(ic, m, k);
    return v !== DEOPT ? v : this.index(t, k);
  }

  /** The value of `k` found through the `__index` chain that starts at metatable `m`, for a table without an own
   * `k`: from `ic`'s overflow pairs, else walked and remembered in `ic` (its first four metatables inline, the
   * next OVERFLOW in the overflow pairs; all are dropped when the epoch moved); every table read is
   * marked `watch`, so that changing any of them drops the entry (runtime/table.ts, "Watched tables"). DEOPT,
   * caching nothing, when the chain meets a non-table `__index` or is longer than the generic lookup's bound. */
  lookupMiss(ic: LookupCache, m: LuaTable, k: string): LuaValue | typeof DEOPT {
    const x = ic.x;
    if (x !== null && ic.e === LuaTable.epoch) for (let i = 0; i < x.length; i += 2) if (x[i] === m) return x[i + 1];
    let mt = m;
    let v: LuaValue;
    let keep = true;
    for (let n = 0; ; n++) {
      if (n === 100) return DEOPT;
      const h = mt.strDict ? mt.getStr('__index') : mt.hash.__index;
      if (!(h instanceof LuaTable)) {
        if (h !== undefined) return DEOPT;
        v = undefined;
        if (mt.watch === UNSTABLE) keep = false;
        else mt.watch = WATCHED;
        break;
      }
      // (marking a table that an uncached lookup read is harmless: it only makes its changes bump the epoch)
      if (mt.watch === UNSTABLE || h.watch === UNSTABLE) keep = false;
      else mt.watch = h.watch = WATCHED;
      if ((v = h.getStr(k)) !== undefined || h.metatable === undefined) break;
      mt = h.metatable;
    }
    if (!keep) return v;
    const e = LuaTable.epoch;
    if (ic.e !== e) {
      ic.e = e;
      ic.m0 = ic.m1 = ic.m2 = ic.m3 = null;
      ic.v0 = ic.v1 = ic.v2 = ic.v3 = undefined;
      ic.r = 0;
      ic.x = null;
    }
    // the first four metatables stay inline, the next OVERFLOW go to the overflow pairs; beyond, lookups walk
    // (replacing entries in turn would rewrite the cache on every miss of a site cycling through more classes)
    const r = ic.r++;
    switch (r) {
      case 0: ic.m0 = m; ic.v0 = v; break;
      case 1: ic.m1 = m; ic.v1 = v; break;
      case 2: ic.m2 = m; ic.v2 = v; break;
      case 3: ic.m3 = m; ic.v3 = v; break;
      default: {
        const o = ic.x ?? (ic.x = []);
        if (o.length < 2 * OVERFLOW) o.push(m, v);
      }
    }
    return v;
  }

  /** t[k] following __index tables; DEOPT when a function metamethod (unless `call`: then it is called, see
   * indexCall) or an error is involved. */
  index(t: LuaValue, k: LuaValue, call = false): LuaValue | typeof DEOPT {
    for (let loop = 0; loop < 100; loop++) {
      let tm: LuaValue;
      if (t instanceof LuaTable) {
        const v = t.get(k);
        if (v !== undefined) return v;
        const mt = t.metatable;
        if (mt === undefined || (tm = mt.getStr('__index')) === undefined) return undefined;
      } else {
        tm = getTM(this.L, t, '__index');
        if (tm === undefined) return DEOPT;
      }
      if (tm instanceof LuaFunction) {
        if (call) return this.callMM(tm, t, k);
        this.mmMiss = true;
        return DEOPT;
      }
      t = tm;
    }
    return DEOPT;
  }

  /** t[k] = v following __newindex tables; DEOPT for function metamethods (unless `call`: then it is called,
   * see newindexCall), errors and invalid keys. */
  setIndex(t: LuaValue, k: LuaValue, v: LuaValue, call = false): typeof DEOPT | undefined {
    for (let loop = 0; loop < 100; loop++) {
      let tm: LuaValue;
      if (t instanceof LuaTable) {
        const mt = t.metatable;
        if (mt === undefined || (tm = mt.getStr('__newindex')) === undefined || t.get(k) !== undefined) {
          if (k === undefined || (typeof k === 'number' && k !== k)) return DEOPT;
          t.set(k, v);
          return undefined;
        }
      } else {
        tm = getTM(this.L, t, '__newindex');
        if (tm === undefined) return DEOPT;
      }
      if (tm instanceof LuaFunction) {
        if (call) {
          this.L.callIn(this.L.cur, tm, [t, k, v], 0);
          return undefined;
        }
        this.mmMiss = true;
        return DEOPT;
      }
      t = tm;
    }
    return DEOPT;
  }

  /** t[k] for a plain compiled frame when rt.index gave DEOPT: the `__index` chain reaches a function, which
   * is called here as the interpreter would (State.callIn: a frame above the caller's, named "metamethod
   * 'index'" from the caller's saved pc), instead of deoptimising the whole frame on every such access.
   * DEOPT, having done nothing, when the lookup would raise (the interpreter words those errors with variable
   * names) or the chain is too long. The caller has stored its registers where the collector and debug.getlocal
   * look (codegen.ts mmCall). */
  indexCall(t: LuaValue, k: LuaValue): LuaValue | typeof DEOPT {
    this.mmMiss = false;
    // a leaf's plain variant on a coroutine or under callAsync: the metamethod may yield, so the frame deopts
    // (runtime deopt hands it to the coroutine driver)
    if (!this.L.cur.isMain || this.L.suspendable()) return DEOPT;
    return this.index(t, k, true);
  }

  /** The first result of metamethod `tm` called with (a, b) from a plain compiled frame: a compiled Lua
   * function straight through invokeIn (no argument and result arrays to copy), as State.callIn would (plain
   * compiled code reaches it only on the main thread and never under callAsync: indexCall and newindexCall
   * return DEOPT elsewhere). */
  private callMM(tm: LuaFunction, a: LuaValue, b: LuaValue): LuaValue {
    const L = this.L;
    const th = L.cur;
    if (tm instanceof LuaClosure && th.hookMask === 0 && th.isMain) {
      const j = this.compiled(tm.p);
      if (j !== undefined) {
        const r = this.invokeIn(th, tm, j, [a, b]);
        return this.n > 0 ? r : undefined;
      }
    }
    return L.callIn(th, tm, [a, b], 1)[0];
  }

  /** t[k] = v for a plain compiled frame when rt.setIndex gave DEOPT: a `__newindex` function along the chain
   * is called here (as indexCall); DEOPT, having done nothing, when the store would raise or the chain is too
   * long. */
  newindexCall(t: LuaValue, k: LuaValue, v: LuaValue): typeof DEOPT | undefined {
    this.mmMiss = false;
    if (!this.L.cur.isMain || this.L.suspendable()) return DEOPT; // as in indexCall
    return this.setIndex(t, k, v, true);
  }

  /** Arithmetic on numbers that left the inline fast path (op is the opcode's arithmetic name). */
  arith(op: number, x: LuaValue, y: LuaValue): LuaValue | typeof DEOPT {
    if (!isNum(x) || !isNum(y)) return DEOPT;
    switch (op) {
      case 0: return addNum(x, y);
      case 1: return subNum(x, y);
      case 2: return mulNum(x, y);
      case 3: return modNum(x, y);
      case 4: return powNum(x, y);
      case 5: return divNum(x, y);
      case 6: return idivNum(x, y);
      case 13: return unmNum(x);
    }
    const ix = toIntNs(x), iy = toIntNs(y);
    if (ix === undefined || iy === undefined) return DEOPT;
    switch (op) {
      case 7: return bandNum(ix, iy);
      case 8: return borNum(ix, iy);
      case 9: return bxorNum(ix, iy);
      case 10: return shlNum(ix, iy);
      case 11: return shrNum(ix, iy);
      case 12: return bnotNum(ix);
    }
    return DEOPT;
  }

  /** x < y (le: x <= y) for numbers and strings: 1/0; 2 when a metamethod or an error is involved. */
  order(x: LuaValue, y: LuaValue, le: boolean): number {
    if (isNum(x) && isNum(y)) return (le ? numLessEqual(x, y) : numLessThan(x, y)) ? 1 : 0;
    if (typeof x === 'string' && typeof y === 'string') return (le ? x <= y : x < y) ? 1 : 0;
    return 2;
  }

  /** x == y when one of them is an object or a big integer: 1/0; 2 when __eq must be called. */
  eq(x: LuaValue, y: LuaValue): number {
    if (rawEquals(x, y)) return 1;
    if (x instanceof LuaTable && y instanceof LuaTable) {
      if (getTM(this.L, x, '__eq') !== undefined || getTM(this.L, y, '__eq') !== undefined) return 2;
      return 0;
    }
    if (typeof x === 'object' && typeof y === 'object' && x !== null && y !== null &&
      x.constructor === y.constructor && !(x instanceof LFloat) && !(x instanceof LuaFunction)) return 2;
    return 0;
  }

  rawEq(x: LuaValue, y: LuaValue): boolean {
    return rawEquals(x, y);
  }

  /** #v for what the inline path did not take; DEOPT when __len must be called or v has no length. */
  len(v: LuaValue): LuaValue | typeof DEOPT {
    if (v instanceof LuaTable && getTM(this.L, v, '__len') === undefined) return v.length();
    return DEOPT;
  }

  /** `t[#t + 1] = v` (codegen.ts append) for what the inline path did not take: a table whose metatable has
   * no `__len`, the store as SETTABLE's (a raw set, or rt.setIndex along `__newindex` tables); the key as ADDI
   * gives it. DEOPT, having done nothing the interpreter would not redo alike, when a metamethod must be called
   * or something raises: the frame continues at the LEN. */
  append(t: LuaValue, v: LuaValue): LuaValue | typeof DEOPT {
    if (!(t instanceof LuaTable)) return DEOPT;
    const mt = t.metatable;
    if (mt !== undefined && mt.getStr('__len') !== undefined) return DEOPT;
    if (mt === undefined || mt.getStr('__newindex') === undefined) return t.append(v);
    const n = t.length();
    const k = n < 9007199254740991 ? n + 1 : BigInt(n) + 1n;
    return this.setIndex(t, k, v) === DEOPT ? DEOPT : k;
  }

  /** `#t + c` (codegen.ts lenAdd) for what the inline path did not take: a table whose metatable has no
   * `__len` (the sum as ADDI gives it, beyond 2^53 - 1 too); DEOPT, having done nothing, for anything else. */
  lenAdd(t: LuaValue, c: number): LuaValue | typeof DEOPT {
    if (!(t instanceof LuaTable) || (t.metatable !== undefined && t.metatable.getStr('__len') !== undefined)) return DEOPT;
    const n = t.length() + c;
    return n <= 9007199254740991 ? n : BigInt(n - c) + BigInt(c);
  }

  /** Concatenation of two strings or numbers (CONCAT pairwise from the left); DEOPT for anything else
   * (metamethods, errors). */
  concat2(x: LuaValue, y: LuaValue): string | typeof DEOPT {
    let s: string;
    if (typeof x === 'string') s = x;
    else if (isNum(x)) s = tostringNumber(x);
    else return DEOPT;
    if (typeof y === 'string') return s + y;
    if (isNum(y)) return s + tostringNumber(y);
    return DEOPT;
  }

  /** Closes pending to-be-closed variables at or above stack slot `level` on a normal exit (CLOSE/RETURN). */
  closeTbc(th: Coroutine, level: number): void {
    const tbc = th.tbc;
    while (tbc.length > 0 && tbc[tbc.length - 1] >= level) {
      const idx = tbc.pop()!;
      const v = th.stack[idx];
      this.L.callIn(th, getTM(this.L, v, '__close'), [v, undefined], 0);
    }
  }

  /** OP_SETLIST: t[start + i] = vals[i]. Positional nils stay inside the array part, as the interpreter does. */
  setList(t: LuaTable, start: number, vals: LuaValue[]): void {
    const n = vals.length;
    let hasNil = false;
    for (let j = 0; j < n; j++) {
      if (vals[j] === undefined) {
        hasNil = true;
        break;
      }
    }
    if (!hasNil || (t as unknown as { mkeys: unknown }).mkeys !== undefined || t.arr.length !== start - 1) {
      for (let j = 0; j < n; j++) t.setInt(start + j, vals[j]);
      return;
    }
    let end = n;
    while (end > 0 && vals[end - 1] === undefined) end--;
    const arr = t.ownArr(); // (a table without array part shares an empty one: see table.ts)
    for (let j = 0; j < end; j++) arr.push(vals[j]);
  }

  error(msg: string): never {
    throw new LuaError(msg);
  }
}
