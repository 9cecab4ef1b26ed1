/*
 * Compiled code inside coroutines (and under State.callAsync): the *generator variant* of compiled functions
 * and the driver that lets the interpreter's frame machinery suspend and resume it.
 *
 * A Lua function running on a coroutine runs as `function*` (codegen.ts with `gen`): calls to compiled
 * callees are `yield*` into their generator variants (a chain of JS generators, one "segment"); everything
 * else (natives the VM implements itself such as coroutine.yield/resume/wrap, pcall, xpcall, interpreted
 * callees, and deoptimised frames) is a *request* the segment yields to its driver, which performs it
 * through the interpreter's ordinary call protocol (callValue with F_CONT). So a coroutine.yield from any
 * depth is the interpreter's own yield: it switches threads without unwinding JS frames, and the suspended
 * segment stays a suspended JS generator until the yield's record is resumed.
 *
 * What needs no generator level (a generator call costs ~100 ns: the generator object, its first next(),
 * the yield* delegation; measured 130 ns a call before, against ~15 ns for a plain compiled call):
 *  - natives with a fast entry (runtime/fastnative.ts: they never yield, call Lua or inspect the stack) are
 *    called by the site as plain code calls them (`seeNative` fills the site), with the one-, two- and
 *    multi-result entries, and those of FastSpecial functions (pairs: before, a request through the driver;
 *    measured: a loop of pairs/ipairs/select/math.max inside a coroutine 480 -> 207 ns, 185 outside one);
 *  - *leaves* (isLeaf: no calls, no to-be-closed variables) run their plain variant (`k` in the site). What
 *    can still yield in a leaf is a metamethod, and every metamethod call of compiled code is a deopt: the
 *    plain variant's two exits to the interpreter (JitRuntime.deopt, viaInterp) see that they run on a
 *    coroutine (or under callAsync: the only way plain code runs there is as such a leaf) and return REQ
 *    (leafDeopt, leafViaInterp) instead of running the interpreter on the JS stack; the calling generator
 *    frame yields the request and the driver continues the leaf's frame interpreted, as for a generator
 *    frame's own deopt. JS stack units (rt.su) charged by a leaf that raised are restored by the driver
 *    (drive, resume), the nearest catch below it;
 *  - calls with multiple values and tail calls reach `at` directly (atMv, atv), without a helper generator.
 *  Measured (user s; lua5.4 in brackets): a loop calling two small functions in a coroutine 1.06 -> 0.26
 *  [0.13] (0.28 outside any coroutine); string.byte/sub, math.floor and type in a coroutine 0.79 -> 0.33 [0.28].
 *
 * Protocol:
 *  - The segment's frames have ordinary CallInfo records (tracebacks, getinfo, savedpc as for compiled code
 *    on the main thread). The bottom frame's record carries the flags of the call that started it (F_COBASE
 *    for a coroutine body), so error recovery finds coroutine bases and JS-call boundaries as usual.
 *  - While a request is outstanding, the record of the requesting frame has kind K_GEN and `extra` = the
 *    segment. When the callee's record returns (flags F_CONT), call.ts's continueNative hands the results
 *    (from the returning record's func to th.top) to continueGen, which resumes the generator.
 *  - A segment is driven by at most one JS loop at a time (`active`): a continuation that arrives while its
 *    driver is still on the JS stack (a native completed at once, a coroutine yielded back to a resumer that
 *    is itself compiled) only marks it ready, so long-running loops never grow the JS stack.
 *  - A request made after the bottom frame tail-called (its record popped) calls the callee in the
 *    segment's place (its flags and wanted results); a deopt of the bottom frame gives the interpreter the
 *    segment's flags: in both cases the segment ends there.
 *
 * Direct switches (`resume`): coroutine.resume or a wrap function called from compiled code (plain code on
 * the main thread through JitRuntime.callAt, generator code through `at`) on a coroutine that is suspended
 * at a yield of compiled generator code (`co.gseg`, set by both yield paths) or not started, calls the
 * segment's `gen.next` itself; when the generator answers with a plain yield (or the body returns), the
 * switch back is done right there, with results in the compiled convention: no driver loop, run loop,
 * argument or result arrays. The records left behind are exactly those of the interpreter's protocol (the
 * resumer's K_RESUME/K_WRAP record while the coroutine runs, the yield's K_YIELD record and the K_GEN mark
 * while it is suspended), so any later resume, error recovery, traceback or status works unchanged. Any
 * other answer (a request, a deopt, an error, hooks) continues through the driver and the interpreter's
 * loop bounded by the resumer's record (F_FRESH). Not under callAsync (a promise must be able to unwind
 * the JS stack to the async driver). Measured (bench/coroutines.lua, user s, lua5.4 ~1.0): 2.7 -> 1.45.
 * Call sites reach `resume` through switching fast entries (switchSite: plain and generator sites call them as
 * they call a native's fast entry, before their closure test, whose failing prototype walk was a third of a
 * resume loop's own time), and generator sites calling coroutine.yield through `yld` (measured with both, ns per
 * resume/yield pair, lua5.4 in brackets: ping-pong 102 -> 90 [89], wrap generator 102 -> 91 [96]).
 * A bare V8 generator next()+yield is ~19 ns user time (plus ~0.8 ns per local live across the yield; dead
 * locals cost nothing); a resume/yield pair here is ~110 ns, lua5.4's ~75: the rest is the records kept
 * exact (resumer's and yield's records, startResume/backTo, K_GEN marks), each a few stores.
 *
 * Warm-up (measured on bench/coroutines.lua, per part, ns per item once TurboFan code runs, lua5.4 in brackets:
 * wrap generator ~90 [~105], pipeline ~270 [~245], ping-pong ~90 [~94]): in steady state switching costs what
 * lua5.4's does; what remains is the time before V8's optimised code runs (the first ~10-50k switches of each
 * new kind of use cost 2-10x more) and node's start. Hence: `resume` keeps its rare paths (a coroutine's start,
 * end and error) in functions of their own and makes the same loads for wrap functions and coroutine.resume,
 * so a program that moves from one kind of use to another does not deoptimise and recompile it (V8 deoptimises
 * at the first run of any code without type feedback); and generator variants have one `yield` and one
 * `yield*` per call site, plain yields for their deopt and prologue exits (each resume point is code V8
 * compiles: -21% bytecode for a one-call body).
 * Where the rest of bench/coroutines.lua's gap to lua5.4 goes (measured 2026-11-22; user s 1.23-1.33 [1.03-1.16]):
 * node's start ~0.08 and V8's TurboFan compiles, which user time counts although they run on a background
 * thread: `node --single-threaded --turbo-stats` totals 160-165 ms for the whole program (the filter body's
 * generator variant, 4.6 KB of bytecode, 45 ms; `resume` twice, 9 + 20 ms; the main chunk's three OSR compiles
 * ~35 ms). `resume` is compiled twice because its first coroutine end deoptimises it (V8 11.3 deoptimises at
 * any branch that never ran, a call to a module-level helper as well: "Insufficient type feedback for call").
 * Per-part steady state (1M -> 3M items) matches lua5.4's; `yield*` replaced by an explicit next() loop saves
 * ~9% of TurboFan's memory for a 4-site generator, not worth it.
 */
import { NativeFunction, type LuaValue } from '../runtime/value.js';
import { LuaError } from '../runtime/errors.js';
import { F_COBASE, F_CONT, F_FRESH, K_AWAIT, K_YIELD, MULTRET, type CallInfo } from '../interp/callinfo.js';
import { LuaClosure } from '../interp/closure.js';
import { EXTRA_STACK, Coroutine } from '../interp/coroutine.js';
import { FastSpecial, SpecialFunction, S_YIELD, S_RESUME, S_WRAP, callValue, execute, pushNativeCI, returnArray, startResume, switchBack } from '../interp/call.js';
import { getTM, MAX_CCALLS } from '../interp/metamethods.js';
import type { State } from '../interp/state.js';
import { MAX_SPREAD, callOnStack, type Compiled, type JitRuntime } from './runtime.js';
import { FastNative, NOFAST as FAST_NO, SECOND, type FastEntries, type FastFn } from '../runtime/fastnative.js';
import { Op } from '../compiler/opcodes.js';
import type { Proto } from '../compiler/proto.js';

/** CallInfo kind of a compiled generator frame waiting for a request (a number no other kind uses). */
export const K_GEN = 9;

const REQ_CALL = 0, REQ_DEOPT = 1, REQ_AWAIT = 2, REQ_YIELD = 3;

/** A Lua frame pushed just above record idx by a tail call's request gets its tail flag. */
function markTail(th: Coroutine, idx: number): void {
  if (th.ciIdx === idx + 1 && th.cis[idx + 1].closure !== undefined) th.cis[idx + 1].tail = true;
}
const REQ: unique symbol = Symbol('request');
const SUB: unique symbol = Symbol('subgenerator');
/** Returned by the native fast path when the native suspended the machine on a promise. */
const AWAITING: unique symbol = Symbol('awaiting');
/** Returned by `resume` when the switch must take the interpreter's protocol. */
export const NOFAST: unique symbol = Symbol('nofast');

export type GenFrame = Generator<number, LuaValue, LuaValue>;
export type GenCompiled = (cl: LuaClosure, ...args: LuaValue[]) => GenFrame;
/** A generator call site's cache: the compiled callee (p: its proto, j: its generator variant, or k: the plain
 * variant of a leaf); `n` the last native called there (the site then skips its instanceof LuaClosure test
 * for that value), with its fast entries (q, o, t, m as in runtime.ts FastSite, also those of a FastSpecial such
 * as pairs; the switching entries of coroutine.resume and wrap functions, switchSite; null/false for other
 * natives). */
type Site = { p: unknown; j: unknown; n: unknown; k: unknown; q: unknown; o: boolean; t: unknown; m: unknown };

/** Site `site` calls native f now. A fast entry (runtime/fastnative.ts) never yields, calls Lua or inspects
 * the stack: generator code calls it as plain code does. (coroutine.resume and wrap functions: their
 * switching entries, GenRuntime.switchSite.) */
function seeNative(G: GenRuntime, site: Site, f: NativeFunction): void {
  if (f instanceof SpecialFunction && (f.special === S_RESUME || f.special === S_WRAP)) {
    G.switchSite(site, f);
    return;
  }
  site.n = f;
  const e: FastEntries | undefined = f instanceof FastNative ? f : f instanceof FastSpecial ? f.entries : undefined;
  if (e !== undefined) {
    site.q = e.fast;
    site.o = e.one;
    site.t = e.fast2;
    site.m = e.fastm;
  } else {
    site.q = null;
    site.o = false;
    site.t = null;
    site.m = null;
  }
}

/** Nested tail calls of generator frames kept on the JS stack before the interpreter takes over. */
export const MAX_GEN_TAIL_NEST = 100;

/** An empty array that never becomes a double array (V8 would canonicalise NaN payloads: "-nan"). */
function anyArray(): LuaValue[] {
  const a: LuaValue[] = [''];
  a.length = 0;
  return a;
}

/** %GeneratorPrototype%.next: the generator objects of different compiled functions have different hidden
 * classes (each generator function has its own prototype object), so `gen.next` is a polymorphic or
 * megamorphic load on every switch; calling the one shared builtin directly is not (measured: 6 generator
 * functions resumed in turn, 2e7 switches, 0.70 -> 0.60 s). */
const GEN_NEXT = Object.getPrototypeOf(Object.getPrototypeOf((function* () { /* empty */ })())).next as (this: GenFrame, x: LuaValue) => unknown;

/** Segment.vals before a continuation needed it (never written). */
const NO_VALS: LuaValue[] = [];

class Segment {
  // plain stores, not class-field initialisers (cheaper in V8): one segment per coroutine started
  declare active: boolean;
  declare ready: boolean;
  declare first: LuaValue;
  declare n: number;
  /** Results 2..n of a continuation (created at the first that has them). */
  declare vals: LuaValue[];
  declare readonly gen: GenFrame;
  declare readonly th: Coroutine;
  declare readonly cl: LuaClosure;
  declare readonly func: number;
  declare readonly nresults: number;
  declare readonly flags: number;
  declare readonly base: number;
  declare readonly nest0: number;
  constructor(gen: GenFrame, th: Coroutine, cl: LuaClosure, func: number, nresults: number, flags: number, base: number, nest0: number) {
    this.gen = gen;
    this.th = th;
    this.cl = cl;
    this.func = func;
    this.nresults = nresults;
    this.flags = flags;
    this.base = base;
    this.nest0 = nest0;
    this.active = false;
    this.ready = false;
    this.first = undefined;
    this.n = 0;
    this.vals = NO_VALS;
  }
}

/** Marks the switching entries made by switchSite (recognised when a site changes from one wrap function to
 * another: a property of the entry, not a WeakSet lookup, on every new wrap function a site meets). */
const SWITCHING: unique symbol = Symbol('switching');

/** GenRuntime.YF until coroutine.yield has been seen: equal to no Lua value. */
const NOT_SEEN: unknown = Object.freeze({});

export class GenRuntime {
  /** The function slot and argument count of the outstanding REQ_CALL. */
  private reqFunc = 0;
  /** The outstanding REQ_CALL is a tail call (rt.tail was set): the interpreted frame it pushes is marked so,
   * as the interpreter's TAILCALL marks it (tracebacks show "(...tail calls...)", getinfo's istailcall). */
  private reqTail = false;
  private reqNargs = 0;
  /** Flags for the record of the next bottom frame (read and cleared by the generated prologue). */
  flags = 0;
  /** What `at` asks of its caller (see there). */
  readonly REQ = REQ;
  readonly SUB = SUB;
  req = REQ_CALL;
  sub: GenFrame | undefined = undefined;
  private readonly closeSite: Site = { p: null, j: null, n: null, k: null, q: null, o: false, t: null, m: null };

  constructor(private readonly rt: JitRuntime, private readonly L: State) {}

  // ------------------------------------------------------------------------------------ driving

  /** Starts compiled function g for closure f (stack[func], nargs arguments above it) as a new segment. */
  start(th: Coroutine, f: LuaClosure, g: GenCompiled, func: number, nargs: number, nresults: number, flags: number): void {
    const s = th.stack;
    th.top = func;
    this.flags = flags;
    // rt.tail stays: the generator's prologue takes it (a tail call that reached here through the driver)
    const gen = callOnStack(g, f, s, func, nargs);
    this.drive(new Segment(gen, th, f, func, nresults, flags, th.ciIdx + 1, th.tailNest), undefined);
  }

  /** Runs the segment until it finishes or waits for a request that did not complete at once (`r0`: what the
   * generator already answered to a resume made elsewhere). */
  private drive(seg: Segment, x: LuaValue, r0?: IteratorResult<number, LuaValue>): void {
    const th = seg.th;
    const L = this.L;
    // JS stack units: generator frames charge none, leaves run in them do (undone here on an error)
    const su = this.rt.su;
    seg.active = true;
    try {
      for (;;) {
        let r: IteratorResult<number, LuaValue>;
        if (r0 !== undefined) {
          r = r0;
          r0 = undefined;
        } else {
          try {
            r = GEN_NEXT.call(seg.gen, x) as IteratorResult<number, LuaValue>;
          } catch (e) {
            // the whole generator chain is gone: its tail-call nesting with it
            th.tailNest = seg.nest0;
            this.flags = 0;
            this.rt.su = su;
            throw e;
          }
        }
        if (r.done === true) {
          this.finish(seg, r.value);
          return;
        }
        seg.ready = false;
        const req = r.value;
        if (req === REQ_CALL) {
          // a tail call's flag: a callee compiled by now takes it in its prologue (enter, start), an interpreted
          // one gets it on its pushed record
          const tail = this.reqTail;
          this.reqTail = false;
          const idx = th.ciIdx;
          this.rt.tail = tail;
          if (idx < seg.base) {
            // the bottom frame tail-called a function that runs interpreted: it takes the segment's place
            th.tailNest = seg.nest0;
            const pushed = callValue(L, th, this.reqFunc, this.reqNargs, seg.nresults, seg.flags);
            this.rt.tail = false;
            if (pushed && tail) markTail(th, idx);
            return;
          }
          const ci = th.cis[idx];
          ci.kind = K_GEN;
          ci.extra = seg as unknown as LuaValue;
          const pushed = callValue(L, th, this.reqFunc, this.reqNargs, MULTRET, F_CONT);
          this.rt.tail = false;
          if (pushed && tail) markTail(th, idx);
        } else if (req === REQ_DEOPT) {
          const ci = th.cis[th.ciIdx];
          if (th.ciIdx === seg.base) {
            // the bottom frame continues in the interpreter and returns where the segment would have
            th.tailNest = seg.nest0;
            ci.flags = seg.flags;
            ci.nresults = seg.nresults;
            return;
          }
          ci.flags = F_CONT;
          ci.nresults = MULTRET;
          const c = th.cis[th.ciIdx - 1];
          c.kind = K_GEN;
          c.extra = seg as unknown as LuaValue;
          return;
        } else if (req === REQ_YIELD) {
          // coroutine.yield (its record is on top, see `at`): suspend, values to the resumer
          const c = th.cis[th.ciIdx - 1];
          c.kind = K_GEN;
          c.extra = seg as unknown as LuaValue;
          th.status = 'suspended';
          th.gseg = seg;
          const y = th.cis[th.ciIdx];
          switchBack(L, th, th.stack.slice(y.func + 1, y.top));
        } else {
          // REQ_AWAIT: the native's record (on top) completes when the promise settles
          const c = th.cis[th.ciIdx - 1];
          c.kind = K_GEN;
          c.extra = seg as unknown as LuaValue;
          return;
        }
        if (!seg.ready) return;
        x = this.deliver(seg);
      }
    } finally {
      seg.active = false;
      // a flag no prologue consumed (an error before it) must not mark a later call
      this.rt.tail = false;
    }
  }

  /** Puts the results kept in the segment into the compiled return convention; returns the first. */
  private deliver(seg: Segment): LuaValue {
    const rt = this.rt;
    const n = seg.n;
    const v = rt.v;
    const vals = seg.vals;
    for (let i = 1; i < n; i++) v[i] = vals[i];
    rt.n = n;
    return seg.first;
  }

  /** The segment's bottom frame returned (first result `first`, the others in rt.v): complete its call. */
  private finish(seg: Segment, first: LuaValue): void {
    const th = seg.th;
    const rt = this.rt;
    th.tailNest = seg.nest0;
    rt.returnThrough(th, seg.cl, seg.func, first, seg.nresults, seg.flags, false);
  }

  /** call.ts: record `c` (kind K_GEN) got the results of its request, from the returned record's func to top. */
  continueGen(th: Coroutine, c: CallInfo): void {
    const seg = c.extra as unknown as Segment;
    c.kind = 0;
    c.extra = undefined;
    th.gseg = undefined;
    const func = th.cis[th.ciIdx + 1].func;
    const s = th.stack;
    const n = th.top - func;
    if (n > 1) {
      let vals = seg.vals;
      if (vals === NO_VALS) seg.vals = vals = anyArray();
      for (let i = 1; i < n; i++) vals[i] = s[func + i];
    }
    seg.n = n;
    seg.first = n > 0 ? s[func] : undefined;
    th.top = func;
    if (seg.active) {
      seg.ready = true;
      return;
    }
    this.drive(seg, this.deliver(seg));
  }

  // ------------------------------------------------------------------------------------ called by generated code

  /** A call site's slow path (function and arguments in the stack at func..), not itself a generator (one
   * JS generator level less on every yield and resume): a plain native runs at once and its first result is
   * returned; SUB: a compiled callee's generator is in `sub` (the site caches the callee), the caller
   * `yield*`s it; REQ: the caller yields `req` to the driver, which makes the call. */
  at(th: Coroutine, site: Site, func: number, nargs: number): LuaValue | symbol {
    const s = th.stack;
    const f = s[func];
    if (f instanceof SpecialFunction) {
      if (site.n !== f) seeNative(this, site, f);
      // the hot operations of generator-style code first; the other specials are requests
      if (th.hookMask === 0) {
        if (f.special === S_YIELD) {
          this.YF = f;
          if (th.nny === 0 && th.resumer !== undefined) return this.yieldReq(th, f, func, nargs);
        } else {
          const r = this.resume(th, f, func, nargs);
          if (r !== NOFAST) return r;
        }
      }
    } else if (f instanceof NativeFunction) {
      if (site.n !== f) seeNative(this, site, f);
      if (th.hookMask === 0) {
        const r = this.callNative(th, f, func, nargs);
        if (r !== AWAITING) return r;
        this.req = REQ_AWAIT;
        return REQ;
      }
    } else if (f instanceof LuaClosure) {
      // (sites with a fixed argument count test their cached callee inline; calls with multiple values
      // and tail calls of other callees get here)
      if (f.p !== site.p) this.fill(site, f.p);
      // more arguments than V8 can spread as JS arguments: the driver runs the call interpreted
      if (f.p === site.p && nargs <= MAX_SPREAD) {
        th.top = func;
        const k = site.k as Compiled | null;
        if (k === null) {
          this.sub = callOnStack(site.j as GenCompiled, f, s, func, nargs);
          return SUB;
        }
        // a leaf runs its plain variant, whose exits to the interpreter answer REQ (leafDeopt, leafViaInterp);
        // not for the tail call of a segment's bottom frame (flags for the callee's record): only a generator
        // prologue takes those
        if (this.flags === 0) return callOnStack(k, f, s, func, nargs) as LuaValue | symbol;
        const g = this.rt.compiledGen(f.p);
        if (g !== undefined) {
          this.sub = callOnStack(g, f, s, func, nargs);
          return SUB;
        }
      }
    }
    this.flags = 0;
    this.reqTail = this.rt.tail;
    this.rt.tail = false;
    this.reqFunc = func;
    this.reqNargs = nargs;
    this.req = REQ_CALL;
    return REQ;
  }

  /** Caches callee proto p's compiled code in `site` once it is hot enough: `k` its plain variant when p is a
   * leaf, else `j` its generator variant. */
  private fill(site: Site, p: Proto): void {
    const k = this.compiledLeaf(p);
    if (k !== undefined) {
      site.p = p;
      site.j = null;
      site.k = k;
      return;
    }
    const g = this.rt.compiledGen(p);
    if (g !== undefined) {
      site.p = p;
      site.j = g;
      site.k = null;
    }
  }

  /** `at` for a call whose arguments are nfix values in the stack, then the values of mv. */
  atMv(th: Coroutine, site: Site, func: number, nfix: number, mv: LuaValue[]): LuaValue | symbol {
    const n = mv.length;
    const need = func + 1 + nfix + n + EXTRA_STACK;
    if (need > th.stack.length) th.grow(need);
    const s = th.stack;
    for (let i = 0; i < n; i++) s[func + 1 + nfix + i] = mv[i];
    return this.at(th, site, func, nfix + n);
  }

  /** `at` for f(args...) placed at th.top (tail calls). */
  atv(th: Coroutine, site: Site, f: LuaValue, args: ArrayLike<LuaValue>): LuaValue | symbol {
    const func = th.top;
    const nargs = args.length;
    const need = func + 1 + nargs + EXTRA_STACK;
    if (need > th.stack.length) th.grow(need);
    const s = th.stack;
    s[func] = f;
    for (let i = 0; i < nargs; i++) s[func + 1 + i] = args[i];
    return this.at(th, site, func, nargs);
  }

  /** The plain compiled function of `p` when p is a leaf (it can run inside generator code, see below), once
   * it is hot enough. */
  private compiledLeaf(p: Proto): Compiled | undefined {
    let leaf = p.tierData.jitLeaf as boolean | undefined;
    if (leaf === undefined) p.tierData.jitLeaf = leaf = isLeaf(p);
    return leaf ? this.rt.compiled(p) : undefined;
  }

  /** The deopt exit of a leaf's plain variant running under generator code (JitRuntime.deopt): the frame
   * (registers spilled, record on top) continues in the interpreter through the driver, as a generator
   * frame's own deopt does; the calling generator frame yields the request (REQ returned to it). */
  leafDeopt(th: Coroutine, ci: CallInfo, pc: number, top: number): symbol {
    ci.savedpc = pc;
    th.top = top;
    this.req = REQ_DEOPT;
    return REQ;
  }

  /** The prologue exit of a leaf's plain variant running under generator code (hooks set, JS stack budget
   * used up; JitRuntime.viaInterp): the call (not begun: no record) is a request, as in `via` below. */
  leafViaInterp(th: Coroutine, cl: LuaClosure, args: IArguments): symbol {
    this.placeCall(th, cl, args);
    return REQ;
  }

  /** coroutine.yield as `at` has seen it: generator call sites calling it go to `yld`. */
  YF: unknown = NOT_SEEN; // (never a Lua value: a call of nil must not match before yield is seen)

  /** `at` for a call of coroutine.yield (YF): the same, without at's tests for other callees. */
  yld(th: Coroutine, site: Site, func: number, nargs: number): LuaValue | symbol {
    if (th.hookMask === 0 && th.nny === 0 && th.resumer !== undefined) return this.yieldReq(th, this.YF as SpecialFunction, func, nargs);
    return this.at(th, site, func, nargs);
  }

  /** coroutine.yield: its record as the interpreter pushes it; the switch is done by the driver once the
   * generator is suspended (the error cases go through the interpreter's yield, as requests). */
  private yieldReq(th: Coroutine, f: SpecialFunction, func: number, nargs: number): symbol {
    const ci = pushNativeCI(th, f, func, nargs, MULTRET, F_CONT);
    ci.kind = K_YIELD;
    // the values stay in the stack above the record (func + 1 .. ci.top): the resumer takes them there
    this.req = REQ_YIELD;
    return REQ;
  }

  /** Call site `site` (plain or generator code) calls coroutine.resume or wrap function `f`: its fast entries
   * (runtime/fastnative.ts: the site calls them when it sees `f` again, before its instanceof tests and
   * without its slow path) become entries that make the direct switch (`resume`) with the arguments the
   * site passes. They break the fast-entry contract's letter (they run Lua code) but not its point: they
   * push the resume's record and lay out its function and arguments where `resume` expects them (th.top,
   * where every site has its call), so nothing can tell them from the general path; anything but a direct
   * switch is NOFAST before any effect. `q` for one result or none, `t` for two; none for all results (m
   * null, o false: the site takes callAt, whose results may be any number). One pair of entries per site,
   * reading the function from the site (`n` is f whenever they run). */
  switchSite(site: { n: unknown; q: unknown; o: boolean; t: unknown; m?: unknown }, f: SpecialFunction): void {
    const q0 = site.q;
    if (typeof q0 !== 'function' || (q0 as { [SWITCHING]?: true })[SWITCHING] !== true) {
      const q: FastFn = (_L, k, a, b, c, d) => this.entry(site.n as SpecialFunction, k, a, b, c, d);
      const t: FastFn = (_L, k, a, b, c, d) => {
        const r = this.entry(site.n as SpecialFunction, k, a, b, c, d);
        SECOND.v = this.rt.n > 1 ? this.rt.v[1] : undefined;
        return r;
      };
      (q as { [SWITCHING]?: true })[SWITCHING] = true;
      site.q = q;
      site.t = t;
    }
    site.n = f;
    site.o = false;
    if ('m' in site) site.m = null;
  }

  /** A switching entry (switchSite): f(a, b, c, d) (k of them) at th.top. */
  private entry(f: SpecialFunction, k: number, a: LuaValue, b: LuaValue, c: LuaValue, d: LuaValue): LuaValue | typeof FAST_NO {
    const th = this.L.cur;
    if (th.hookMask !== 0) return FAST_NO;
    const func = th.top;
    const s = th.stack;
    s[func] = f;
    if (k > 0) {
      s[func + 1] = a;
      if (k > 1) {
        s[func + 2] = b;
        if (k > 2) {
          s[func + 3] = c;
          if (k > 3) s[func + 4] = d;
        }
      }
    }
    const r = this.resume(th, f, func, k);
    return r === NOFAST ? FAST_NO : r;
  }

  /** coroutine.resume(co, ...) or a wrap function, called from compiled code on thread `th` (no hooks): when
   * `co` is suspended at a coroutine.yield of compiled generator code (`co.gseg`), its generator is resumed
   * right here and a plain yield comes straight back: no driver loop, no run loop, no arrays. The records
   * are those of the interpreter's protocol (the resumer's native record, the yield's record while suspended),
   * so tracebacks, status and error recovery see the same frames; anything else the generator asks for on
   * the way (a request, its end, an error) continues through that protocol (resumeSlow). Results follow the
   * compiled convention. NOFAST: not applicable, the caller takes the general path. */
  resume(th: Coroutine, f: SpecialFunction, func: number, nargs: number): LuaValue | typeof NOFAST {
    const L = this.L;
    const s = th.stack;
    const wrap = f.special === S_WRAP;
    if (!wrap && (f.special !== S_RESUME || nargs === 0)) return NOFAST;
    // (the loads are made for both kinds: a program that used only wrap functions so far does not deoptimise
    // this function when it starts using coroutine.resume, and the other way round)
    const c1 = s[func + 1];
    const co = wrap ? f.co : c1;
    const d = wrap ? 0 : 1;
    const first = func + 1 + d;
    const n = nargs - d;
    if (!(co instanceof Coroutine)) return NOFAST;
    if (co.status !== 'suspended' || co.hookMask !== 0 || L.nCcalls >= MAX_CCALLS || L.suspendable()) return NOFAST;
    let seg = co.gseg as Segment | undefined;
    const rt = this.rt;
    const v = rt.v;
    const cs = co.stack;
    let x: LuaValue = undefined;
    if (seg !== undefined) {
      if (seg.active) return NOFAST;
      // the yield returns the resume's arguments (compiled convention)
      co.gseg = undefined;
      for (let i = 1; i < n; i++) v[i] = s[first + i];
      rt.n = n;
      if (n > 0) x = s[first];
      const y = co.cis[co.ciIdx];
      for (let i = y.func; i < y.top; i++) cs[i] = undefined;
      co.top = y.func;
      co.ciIdx--;
      const c = co.cis[co.ciIdx];
      c.kind = 0;
      c.extra = undefined;
    } else {
      seg = this.startBody(co, s, first, n);
      if (seg === undefined) return NOFAST;
    }
    // the resumer's record, as doResume leaves it (F_FRESH: the general path runs its own loop until it returns)
    const ci = pushNativeCI(th, f, func, nargs, MULTRET, F_FRESH);
    const ridx = th.ciIdx;
    startResume(L, th, ci, co, wrap);
    seg.active = true;
    const su = rt.su;
    let r: IteratorResult<number, LuaValue>;
    try {
      r = GEN_NEXT.call(seg.gen, x) as IteratorResult<number, LuaValue>;
    } catch (e) {
      return this.resumeThrew(th, co, seg, su, func, ridx, e);
    }
    seg.active = false;
    if (r.done === true) return this.resumeDone(th, co, seg, r, ci, ridx, func, nargs, wrap);
    if (r.value !== REQ_YIELD || th.hookMask !== 0) return this.resumeSlow(th, seg, r, func, ridx);
    // a plain yield (yieldReq pushed its record): suspend, and the values go back as the resume's results
    const y2 = co.cis[co.ciIdx];
    const c2 = co.cis[co.ciIdx - 1];
    c2.kind = K_GEN;
    c2.extra = seg as unknown as LuaValue;
    co.status = 'suspended';
    co.gseg = seg;
    this.backTo(th, co, ci, ridx, func, nargs);
    // the yielded values (y2.func + 1 .. y2.top), after `true` for coroutine.resume: one copy loop for both
    // kinds, results 2.. from cs[o + 1] on (for resume, cs[o] is the yield's function slot, not read)
    const a = y2.func + 1;
    const m = y2.top - a;
    const o = a - d;
    const k = m + d;
    for (let i = 1; i < k; i++) v[i] = cs[o + i];
    rt.n = k;
    const r0 = cs[a];
    return wrap ? (m > 0 ? r0 : undefined) : true;
  }

  /** `resume` of a coroutine not started yet: its body (stack[1]) starts as a segment as callValue would start
   * it, with F_COBASE, and the resume's n arguments (at s[first..]); undefined (nothing done) when its body
   * has no generator variant. (Apart from `resume`: run once per coroutine, and V8 compiles `resume` the
   * faster without it.) */
  private startBody(co: Coroutine, s: LuaValue[], first: number, n: number): Segment | undefined {
    const rt = this.rt;
    const cs = co.stack;
    const body = cs[1];
    if (!co.fresh || !(body instanceof LuaClosure)) return undefined;
    const g = rt.compiledGen(body.p);
    if (g === undefined || n > MAX_SPREAD) return undefined;
    if (2 + n + EXTRA_STACK > cs.length) co.grow(2 + n + EXTRA_STACK);
    for (let i = 0; i < n; i++) co.stack[2 + i] = s[first + i];
    co.fresh = false;
    co.top = 1;
    rt.tail = false;
    const seg = new Segment(callOnStack(g, body, co.stack, 1, n), co, body, 1, MULTRET, F_COBASE, 1, co.tailNest);
    // the prologue (at the first next) takes the bottom record's flags
    this.flags = F_COBASE;
    return seg;
  }

  /** `resume`'s generator raised: the whole generator chain is gone. */
  private resumeThrew(th: Coroutine, co: Coroutine, seg: Segment, su: number, func: number, ridx: number, e: unknown): LuaValue {
    seg.active = false;
    co.tailNest = seg.nest0;
    this.flags = 0;
    this.rt.su = su;
    return this.resumeFailed(th, func, ridx, e);
  }

  /** `resume`'s generator returned: the coroutine's body returned (its frame popped, results in the compiled
   * convention), or a segment above interpreted frames returned into them (the driver completes that call). */
  private resumeDone(th: Coroutine, co: Coroutine, seg: Segment, r: IteratorResult<number, LuaValue>, ci: CallInfo, ridx: number, func: number, nargs: number, wrap: boolean): LuaValue {
    if (seg.flags !== F_COBASE || th.hookMask !== 0 || co.hookMask !== 0) return this.resumeSlow(th, seg, r, func, ridx);
    // the coroutine is dead
    co.tailNest = seg.nest0;
    co.status = 'dead';
    co.ciIdx = 0;
    co.top = 1;
    this.backTo(th, co, ci, ridx, func, nargs);
    const r0 = r.value;
    if (wrap) return r0;
    const rt = this.rt;
    const v = rt.v;
    const m = rt.n;
    for (let i = m - 1; i >= 1; i--) v[i + 1] = v[i];
    if (m > 0) v[1] = r0;
    rt.n = m + 1;
    return true;
  }

  /** A direct switch is over (the coroutine suspended or dead): the resumer `th` runs again, the resume's
   * record (ci, at ridx) and its call slots (func .. func + nargs) are gone. */
  private backTo(th: Coroutine, co: Coroutine, ci: CallInfo, ridx: number, func: number, nargs: number): void {
    co.resumer = undefined;
    th.status = 'running';
    this.L.cur = th;
    this.L.nCcalls = ci.savedCcalls;
    th.ciIdx = ridx - 1;
    const s = th.stack;
    for (let i = func; i <= func + nargs; i++) s[i] = undefined;
    th.top = func;
  }

  /** The resumed generator answered something other than a plain yield: the driver takes it from there, with
   * the interpreter's loop until the resumer's record returns. */
  private resumeSlow(th: Coroutine, seg: Segment, r: IteratorResult<number, LuaValue>, func: number, ridx: number): LuaValue {
    try {
      this.drive(seg, undefined, r);
    } catch (e) {
      return this.resumeFailed(th, func, ridx, e);
    }
    execute(this.L, th, ridx);
    return this.takeResults(th, func);
  }

  /** An error inside the resumed coroutine: recovered as the interpreter's loop would (it kills the coroutine
   * and goes to the resumer's record, or is rethrown past it: wrap). */
  private resumeFailed(th: Coroutine, func: number, ridx: number, e: unknown): LuaValue {
    if (th.ciIdx < ridx) throw e;
    execute(this.L, th, ridx, e);
    return this.takeResults(th, func);
  }

  /** The results of the call at stack[func] (up to th.top), in the compiled convention. */
  private takeResults(th: Coroutine, func: number): LuaValue {
    const s = th.stack;
    const n = th.top - func;
    const v = this.rt.v;
    for (let i = 1; i < n; i++) v[i] = s[func + i];
    this.rt.n = n;
    const r = n > 0 ? s[func] : undefined;
    th.top = func;
    return r;
  }

  /** `at` as a generator (closeTbc). */
  *callAt(th: Coroutine, site: Site, func: number, nargs: number): GenFrame {
    const r = this.at(th, site, func, nargs);
    if (r === REQ) return yield this.req;
    if (r === SUB) return yield* this.sub!;
    return r as LuaValue;
  }

  /** A generator prologue found hooks set or the frame depth at its limit: the call runs interpreted (the
   * prologue yields the request returned: `return yield G.via(...)`; a plain yield, not a `yield*` of a helper
   * generator, so that each generator variant has fewer resume points for V8 to compile). */
  via(th: Coroutine, cl: LuaClosure, args: IArguments): number {
    this.placeCall(th, cl, args);
    return REQ_CALL;
  }

  /** Places the call cl(args[1..]) at th.top as the outstanding REQ_CALL. */
  private placeCall(th: Coroutine, cl: LuaClosure, args: IArguments): void {
    const func = th.top;
    const nargs = args.length - 1;
    const need = func + 1 + nargs + EXTRA_STACK;
    if (need > th.stack.length) th.grow(need);
    const s = th.stack;
    s[func] = cl;
    for (let i = 0; i < nargs; i++) s[func + 1 + i] = args[1 + i] as LuaValue;
    this.flags = 0;
    this.reqTail = this.rt.tail;
    this.rt.tail = false;
    this.reqFunc = func;
    this.reqNargs = nargs;
    this.req = REQ_CALL;
  }

  /** Continues frame `ci` (registers spilled) in the interpreter at instruction pc until it returns: the frame
   * yields the request returned (`return yield G.deopt(...)`) and returns what the driver sends back. */
  deopt(th: Coroutine, ci: CallInfo, pc: number, top = ci.top): number {
    const tr = this.rt.opts.trace;
    if (tr) tr(`jit: deopt ${ci.closure!.p.source}:${ci.closure!.p.linedefined} at pc ${pc}`);
    ci.savedpc = pc;
    th.top = top;
    return REQ_DEOPT;
  }

  /** Closes pending to-be-closed variables at or above `level` on a normal exit; __close may yield. */
  *closeTbc(th: Coroutine, level: number): GenFrame {
    const tbc = th.tbc;
    while (tbc.length > 0 && tbc[tbc.length - 1] >= level) {
      const idx = tbc.pop()!;
      const v = th.stack[idx];
      const func = th.top;
      if (func + 3 + EXTRA_STACK > th.stack.length) th.grow(func + 3 + EXTRA_STACK);
      const s = th.stack;
      s[func] = getTM(this.L, v, '__close');
      s[func + 1] = v;
      s[func + 2] = undefined;
      yield* this.callAt(th, this.closeSite, func, 2);
      th.top = func;
    }
    return undefined;
  }

  /** A plain native called from generator code: as JitRuntime's direct native call, except that a promise
   * (async embedding) suspends the thread, as the interpreter's native calls do. */
  private callNative(th: Coroutine, f: NativeFunction, func: number, nargs: number): LuaValue | typeof AWAITING {
    const L = this.L;
    const rt = this.rt;
    const s = th.stack;
    const idx = th.ciIdx;
    const args = new Array<LuaValue>(nargs);
    for (let i = 0; i < nargs; i++) args[i] = s[func + 1 + i];
    const ci = pushNativeCI(th, f, func, nargs, MULTRET, F_CONT);
    const r = f.fn(L, args) as unknown;
    let res: LuaValue[];
    if (Array.isArray(r)) res = r as LuaValue[];
    else if (r === undefined) res = [];
    else if (r !== null && typeof r === 'object' && typeof (r as PromiseLike<unknown>).then === 'function') {
      if (!L.canSuspend()) throw new LuaError('attempt to yield across a C-call boundary');
      ci.kind = K_AWAIT;
      L.pending = { promise: r as PromiseLike<LuaValue[]>, th, ci };
      L.stop = true;
      return AWAITING;
    } else res = [r as LuaValue];
    if (th.hookMask !== 0) {
      // the native set a hook: its return goes through the interpreter's return hook, then back here
      ci.flags = 0;
      returnArray(L, th, ci, res);
      const n = th.top - func;
      const v = rt.v;
      for (let i = 1; i < n; i++) v[i] = s[func + i];
      rt.n = n;
      const first = n > 0 ? s[func] : undefined;
      th.top = func;
      return first;
    }
    th.ciIdx = idx;
    for (let i = func; i <= func + nargs; i++) s[i] = undefined;
    const n = res.length;
    const v = rt.v;
    for (let i = 1; i < n; i++) v[i] = res[i];
    rt.n = n;
    th.top = func;
    return n > 0 ? res[0] : undefined;
  }
}

/** Whether nothing in `p` can yield except through a metamethod: no calls (CALL, TAILCALL, TFORCALL) and no
 * to-be-closed variables (TBC, and TFORPREP's closing value). Such a *leaf* runs its plain compiled variant
 * inside coroutines: a metamethod (or an error, a coercion) deoptimises, and the deopt exit hands the frame
 * to the generator driver (GenRuntime.leafDeopt), so a metamethod that yields suspends an interpreter frame. */
export function isLeaf(p: Proto): boolean {
  for (const i of p.code) {
    const op = i & 0x7f;
    if (op === Op.CALL || op === Op.TAILCALL || op === Op.TFORCALL || op === Op.TFORPREP || op === Op.TBC) return false;
  }
  return true;
}
