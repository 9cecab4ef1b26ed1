/*
 * Lua 5.4's garbage-collection semantics on a JS heap: `__gc` finalizers, weak tables (`__mode` "k", "v",
 * "kv"; weak keys are ephemerons) and the `collectgarbage` options.
 *
 * Why a collector of our own. V8 frees memory, but it cannot give Lua's semantics: a WeakRef target is kept
 * alive until the current job ends (KeepDuringJob) and a whole Lua program runs in one synchronous job, so
 * WeakRefs never clear and FinalizationRegistry callbacks never run while Lua code runs; and a
 * FinalizationRegistry callback cannot receive the object, while `__gc` receives it (and may resurrect it).
 * So this file traces the Lua object graph itself, but only when something can observe the result: weak
 * tables and finalizers. It frees nothing (V8 does that): a collection decides which weak entries to clear and
 * which finalizers to call, exactly as lgc.c's atomic phase decides them.
 *
 * A collection (collect):
 *   1. mark from the roots: the registry, the globals, the per-type metatables, the main thread, the running
 *      thread (and its resumers), a thread suspended on a promise, and objects awaiting finalization;
 *      tables mark their metatable and, by weakness, keys and values ("v": keys only; "k": a value only
 *      once its key is marked — ephemerons, solved in linear time with a map from unmarked keys to the
 *      values waiting for them; "kv": nothing); Lua closures mark their upvalues' values; native functions
 *      mark coroutine.wrap's coroutine and `gcRefs` (value.ts); userdata their metatable and user value;
 *      threads their stack up to `top`, their frames' functions and pending values, hook and resumer;
 *   2. clear weak values that point to unmarked objects (before finalization: lgc.c's clearbyvalues);
 *   3. separate unmarked objects that are marked for finalization (setmetatable with a `__gc` field
 *      present at that moment), newest first, and mark them and what they reach (resurrection);
 *   4. clear weak keys that are still unmarked (after resurrection: keys of objects being finalized stay
 *      until the next cycle), then weak values in weak tables first reached during step 3;
 *   5. call the finalizers, newest first, each once (the object is no longer marked for finalization
 *      afterwards); errors become warnings "error in __gc (msg)"; while they run, collectgarbage answers
 *      fail (nil) and no automatic collection starts (PUC's GCSTPGC).
 * Strings, numbers and booleans are values: never cleared from weak tables.
 *
 * When collections run. `collectgarbage("collect")`, a "step" that completes a cycle, switching to
 * generational mode, and automatic collections. Automatic ones are paced by an allocation debt (`debt`,
 * estimated bytes allocated since the last collection minus the pacing threshold) that the interpreter bumps
 * on NEWTABLE, CLOSURE and CONCAT (one add and one compare: see gcStep); when it becomes positive and the
 * state is "armed" (some object is marked for finalization, or a weak table was seen at the last collection or
 * given a `__mode` metatable since), a full collection runs; otherwise the debt is simply reset (and, while
 * nothing can observe collections, set that far for many cycles ahead: see newCycle). The threshold
 * is PUC's pause rule: the live estimate times (pause - 100)% in incremental mode, times majormul% in
 * generational mode, at least 64 KB. A JIT tier must bump the same counter at the same three places and call
 * gcStep(L, liveTop) with the first register above the live ones (the result register + 1, as PUC's
 * checkGC(L, ra + 1)).
 *
 * Closing: gcClose (State.close(), called by the CLI at exit like lua.c's lua_close, by os.exit(code, true)
 * and by the API's Lua.close()) calls every pending finalizer, reachable or not, newest first; objects given a
 * finalizer while closing are not finalized (PUC's GCSTPCLS).
 *
 * Behaviour a JS heap forces to differ from PUC-Lua (for the README's list of deviations):
 *  - Objects referenced only from host JS code (a JS variable of the embedding program, the locals of a native
 *    function in progress, a JS closure that does not list them in NativeFunction.gcRefs) are invisible to
 *    the collector: they may be cleared from weak tables and finalized while the host still holds them.
 *    Hosts must keep such values reachable from Lua (e.g. in the registry).
 *  - Automatic collections run only when weak tables or finalizers exist, and only at table/closure creation
 *    and concatenation inside Lua code (not in library functions); a `__mode` field added to a metatable after
 *    setmetatable is noticed at the next explicit collection. Every collection is a full one (no incremental
 *    steps, no young/old generations): objects may be collected earlier than PUC's minor collections would,
 *    never later than a full cycle would.
 *  - Memory itself is freed by V8, whenever V8 decides; a weak-table entry cleared here may stay in the
 *    table's storage (as a dead key) until the table next rehashes.
 *  - `collectgarbage("count")` reports the collector's own accounting, not V8's heap: estimated bytes of the
 *    Lua objects reachable at the last collection (tables, closures, threads, userdata, function prototypes,
 *    strings longer than 40 bytes counted once per distinct content) plus an estimate of what Lua code
 *    allocated since (tables, closures, concatenation results; library functions are not counted). It is
 *    deterministic, grows while the collector is stopped and drops after a collection, as programs and tests
 *    expect (V8's heapUsed does neither: it moves with V8's own collections). A host that passes
 *    StateOptions.heapUsed gets its figure instead. Without weak tables or finalizers no collection runs, so
 *    growth of live data shows only after an explicit collection.
 *  - "step" does a whole collection when it does any work: in incremental mode a step completes the cycle
 *    once the work granted by the step size and stepmul (about 128 KB of live data per basic step at the
 *    default settings) covers the live estimate, and returns true then; in generational mode (lua.c's
 *    default) it collects and returns false, as PUC's minor collections do.
 *  - Userdata made by libraries with a metatable already attached (io's files) are not marked for
 *    finalization (an unreachable open file is not closed by a collection, as PUC's `__gc` would do); io
 *    flushes its pending writes at exit by itself.
 */
import { LFloat, LuaObject, NativeFunction, Userdata, type LuaValue } from './value.js';
import { LuaTable } from './table.js';
import { LuaError } from './errors.js';
import { checkOption, optInteger } from './auxlib.js';
import type { State } from '../interp/state.js';
import type { LuaState } from './state.js';
import type { Proto } from '../compiler/proto.js';
import type { CallInfo } from '../interp/callinfo.js';
import { Coroutine } from '../interp/coroutine.js';
import { LuaClosure } from '../interp/closure.js';
import { toLuaError } from '../interp/call.js';
import { getTM, objTypeName } from '../interp/metamethods.js';

// ------------------------------------------------------------------------------------ size estimates

/** Debt the interpreter adds per table created (PUC's Table header plus a little). */
export const TABLE_COST = 64;
/** Debt per closure: CLOSURE_COST + UPVAL_COST * number of upvalues. */
export const CLOSURE_COST = 32;
export const UPVAL_COST = 8;
/** Debt per concatenation: STRING_COST + the result's length. */
export const STRING_COST = 24;

/** Strings this long or shorter are not counted (PUC interns them; they are names and small keys). */
const SHORT_STRING = 40;
/** Smallest pacing threshold, in bytes. */
const MIN_THRESHOLD = 64 * 1024;
/** Live data a basic incremental step (2^stepsize bytes of debt at stepmul 100) covers: bytes per byte. */
const STEP_WORK = 16;

// ------------------------------------------------------------------------------------ state

/** The collector's state, one per Lua state (State.gc). `debt` is the interpreter's hot counter. */
export class GcState {
  /** Estimated bytes allocated since the last collection, minus `threshold` and `bias`: a collection (or a
   * virtual cycle) is due when > 0. */
  debt = -MIN_THRESHOLD - prepaid(MIN_THRESHOLD);
  threshold = MIN_THRESHOLD;
  /** Bytes of whole virtual cycles paid in advance (see newCycle); 0 while armed or stopped. */
  bias = prepaid(MIN_THRESHOLD);
  /** Estimated bytes reachable at the last collection (valid once `estimated`). */
  estimate = 0;
  estimated = false;
  /** Not stopped by collectgarbage("stop"). */
  running = true;
  /** lua.c selects generational mode; the mode only changes what "step" answers and the pacing. */
  generational = true;
  // Parameters as PUC stores them (bytes; pause, stepmul and majormul in units of 4).
  pause = 200 / 4;
  stepmul = 100 / 4;
  stepsize = 13;
  minormul = 20;
  majormul = 100 / 4;
  /** Incremental "step" work done in the current virtual cycle, in bytes of live data. */
  stepCredit = 0;
  /** Objects marked for finalization, oldest first (finSet also holds those in `tobefnz`). */
  finobj: LuaObject[] = [];
  finSet = new Set<LuaObject>();
  /** Unreachable objects whose finalizers are due, in calling order. */
  tobefnz: LuaObject[] = [];
  /** Weak tables were found by the last collection / a `__mode` metatable was set since. */
  weakSeen = false;
  weakHint = false;
  /** Automatic collections may run (something can observe them). */
  armed = false;
  /** > 0 while finalizers run: collectgarbage fails and nothing collects (PUC's GCSTPGC). */
  busy = 0;
  /** The state is closing or closed: no new finalizers (PUC's GCSTPCLS). */
  closing = false;
  /** Collections done so far (diagnostics and tests). */
  cycles = 0;
}

/** Bounds of `debt`: it stays a small integer (a V8 Smi), so the interpreter's `debt +=` stays cheap. */
const MAX_DEBT = 2 ** 29;

/** Whole cycles of `threshold` bytes that fit in the debt's range beyond the first one (newCycle). */
function prepaid(threshold: number): number {
  const spare = MAX_DEBT - threshold;
  return spare - (spare % threshold);
}

/** Starts a pacing cycle after a collection or a virtual one. While nothing can observe a collection (not
 * armed) and the collector runs, a new cycle only resets the count, so whole cycles are paid in advance
 * (`bias`, up to MAX_DEBT): the debt check of compiled code then stays false for ~2^29 bytes instead of
 * firing every `threshold` bytes. That matters beyond the call saved: V8 optimises a compiled function
 * before its GC-step branch ever ran, and the first time the branch runs the optimised code is thrown
 * away ("insufficient type feedback") and the function recompiled. allocated() folds ended cycles. */
function newCycle(g: GcState): void {
  g.threshold = pacing(g);
  g.bias = g.armed || !g.running ? 0 : prepaid(g.threshold);
  g.debt = -g.threshold - g.bias;
}

/** Stores the debt as a Smi-range integer (a double there would make every interpreter update slower). */
function setDebt(g: GcState, v: number): void {
  g.debt = v > MAX_DEBT ? MAX_DEBT : v < -MAX_DEBT ? -MAX_DEBT : Math.floor(v);
}

/** Bytes allocated since the last collection (estimate); with pre-paid cycles, those that ended meanwhile
 * are over (each would have restarted the count at its end). */
function allocated(g: GcState): number {
  const a = g.debt + g.threshold + g.bias;
  return g.bias !== 0 && a > g.threshold ? a % g.threshold : a;
}

/** Sets the pacing threshold, keeping the allocated amount. */
function setThreshold(g: GcState, threshold: number): void {
  const a = allocated(g);
  g.threshold = Math.min(Math.floor(threshold), MAX_DEBT);
  g.bias = 0;
  setDebt(g, a - g.threshold);
}

/** PUC's pause rule: allocation allowed before the next automatic collection. */
function pacing(g: GcState): number {
  const pct = g.generational ? g.majormul * 4 : g.pause * 4 - 100;
  const t = Math.floor((g.estimate * Math.max(pct, 25)) / 100);
  return t < MIN_THRESHOLD ? MIN_THRESHOLD : t > MAX_DEBT ? MAX_DEBT : t;
}

function arm(g: GcState): void {
  if (g.armed) return;
  g.armed = true;
  setThreshold(g, pacing(g));
}

// ------------------------------------------------------------------------------------ entry points

/** The interpreter's slow path when `L.gc.debt` became positive: an automatic collection when one is due and
 * allowed, else a reset of the debt. `liveTop` is the first stack slot above the live values of the running
 * thread (the running Lua frame's result register + 1). */
export function gcStep(L: State, liveTop: number): void {
  const g = L.gc;
  if (g.armed && g.running && g.busy === 0 && !g.closing) {
    collect(L, liveTop);
    return;
  }
  if (!g.running || g.busy > 0) {
    // stopped (or finalizing): the debt stays owed, so that "count" keeps growing as in PUC
    setThreshold(g, g.threshold + Math.max(g.estimate, MIN_THRESHOLD));
    return;
  }
  // nothing can observe a collection: start a new virtual cycle (as if what was allocated was garbage)
  newCycle(g);
}

/** gcStep for the interpreter's loop: records the position first (finalizers may raise warnings with it, debug
 * info reads it) and returns true when the loop must reload its state (a finalizer left a debug hook set).
 * A plain call on the hot path: a `continue reload` taken there unconditionally cost ~10% on allocation loops. */
export function gcStepVM(L: State, ci: CallInfo, pc: number, liveTop: number): boolean {
  ci.savedpc = pc;
  gcStep(L, liveTop);
  return L.cur.hookMask !== 0;
}

/** luaC_checkfinalizer and weak-table detection: call after the metatable of a table or userdata is set
 * (setmetatable, debug.setmetatable). */
export function gcSetMetatable(L: State, o: LuaObject, mt: LuaTable | undefined): void {
  if (mt === undefined) return;
  const g = L.gc;
  if (mt.getStr('__gc') !== undefined && !g.closing && !g.finSet.has(o)) {
    g.finSet.add(o);
    g.finobj.push(o);
    arm(g);
  }
  if (mt.getStr('__mode') !== undefined) {
    g.weakHint = true;
    arm(g);
  }
}

/** lua_close's part: calls all pending finalizers, reachable or not, newest first. Idempotent. */
export function gcClose(L: State): void {
  const g = L.gc;
  if (g.closing) return;
  g.closing = true;
  const fin = g.finobj;
  for (let i = fin.length - 1; i >= 0; i--) g.tobefnz.push(fin[i]);
  g.finobj = [];
  runFinalizers(L);
}

/** Adds `bytes` to the allocation debt: for library functions that build large strings or tables, so that
 * "count" and the pacing of automatic collections see them (takes the LuaState interface libraries have). */
export function gcAllocated(L: LuaState, bytes: number): void {
  const g = (L as { gc?: GcState }).gc;
  if (g !== undefined) setDebt(g, g.debt + bytes);
}

/** A full collection now (collectgarbage "collect"). Returns false when not allowed (inside a finalizer). */
export function gcCollect(L: State): boolean {
  if (L.gc.busy > 0) return false;
  collect(L, undefined);
  return true;
}

/** collectgarbage("count") in KB (a float), or undefined inside a finalizer. */
export function gcCountKB(L: State): number | undefined {
  const g = L.gc;
  if (g.busy > 0) return undefined;
  if (L.heapUsed !== undefined) return L.heapUsed() / 1024;
  if (!g.estimated) {
    // first query before any collection: measure what is reachable now (nothing is cleared)
    g.estimate = mark(L, undefined).bytes;
    g.estimated = true;
    newCycle(g);
  }
  return (g.estimate + allocated(g)) / 1024;
}

// ------------------------------------------------------------------------------------ marking

class Marker {
  readonly marked = new Set<object>();
  private readonly gray: object[] = [];
  /** Weak-value, weak-key (ephemeron) and all-weak tables reached, in order. */
  readonly weakValues: LuaTable[] = [];
  readonly ephemerons: LuaTable[] = [];
  readonly allWeak: LuaTable[] = [];
  /** Ephemeron entries waiting for their key: unmarked key -> values to mark when it is marked. */
  private readonly waiting = new Map<object, LuaValue[]>();
  private readonly strings = new Set<string>();
  private readonly protos = new Set<Proto>();
  /** Estimated bytes of everything marked. */
  bytes = 0;

  constructor(private readonly L: State, private readonly liveTop: number | undefined) {}

  mark(v: LuaValue): void {
    if (typeof v === 'object') {
      if (!this.marked.has(v) && !(v instanceof LFloat)) this.markNew(v);
    } else if (typeof v === 'string' && v.length > SHORT_STRING) {
      this.markString(v);
    }
  }

  private markNew(o: object): void {
    this.marked.add(o);
    this.gray.push(o);
    if (this.waiting.size > 0) {
      const vals = this.waiting.get(o);
      if (vals !== undefined) {
        this.waiting.delete(o);
        for (let i = 0; i < vals.length; i++) this.mark(vals[i]);
      }
    }
  }

  private markString(s: string): void {
    if (this.strings.has(s)) return;
    this.strings.add(s);
    this.bytes += 24 + s.length;
  }

  /** True for a collectable value that is not marked (iscleared: strings are never cleared). */
  isCleared(v: LuaValue): boolean {
    return typeof v === 'object' && !(v instanceof LFloat) && !this.marked.has(v);
  }

  markRoots(): void {
    const L = this.L;
    this.mark(L.registry);
    this.mark(L.globals);
    this.mark(L.mtString);
    this.mark(L.mtNumber);
    this.mark(L.mtBoolean);
    this.mark(L.mtNil);
    this.mark(L.mtFunction);
    this.mark(L.mtThread);
    this.mark(L.main);
    this.mark(L.cur);
    if (L.pending !== undefined) this.mark(L.pending.th);
    const tbf = L.gc.tobefnz;
    for (let i = 0; i < tbf.length; i++) this.mark(tbf[i]);
  }

  /** Traverses gray objects until none is left. */
  propagate(): void {
    const gray = this.gray;
    while (gray.length > 0) {
      const o = gray.pop()!;
      if (o instanceof LuaTable) this.traverseTable(o);
      else if (o instanceof LuaClosure) this.traverseClosure(o);
      else if (o instanceof Coroutine) this.traverseThread(o);
      else if (o instanceof NativeFunction) this.traverseNative(o);
      else if (o instanceof Userdata) this.traverseUserdata(o);
    }
  }

  private traverseTable(t: LuaTable): void {
    const mt = t.metatable;
    let wk = false;
    let wv = false;
    if (mt !== undefined) {
      this.mark(mt);
      const mode = mt.getStr('__mode');
      if (typeof mode === 'string') {
        wk = mode.includes('k');
        wv = mode.includes('v');
      }
    }
    const arr = t.arr;
    const nhash = t.storageSize() - arr.length;
    this.bytes += 56 + 16 * arr.length + 32 * nhash;
    if (!wk) {
      if (!wv) for (let i = 0; i < arr.length; i++) this.mark(arr[i]);
      else {
        this.weakValues.push(t);
        for (let i = 0; i < arr.length; i++) if (typeof arr[i] === 'string') this.mark(arr[i]); // kept: counted
      }
      if (nhash === 0) return;
      const out = ENTRY;
      let k: LuaValue = arr.length > 0 ? arr.length : undefined;
      while (t.nextInto(k, out)) {
        k = out[0];
        this.mark(k);
        if (!wv) this.mark(out[1]);
        else if (typeof out[1] === 'string') this.mark(out[1]); // strings are values: kept and counted
      }
    } else if (!wv) {
      this.ephemerons.push(t);
      for (let i = 0; i < arr.length; i++) this.mark(arr[i]); // integer keys are never collected
      if (nhash > 0) this.traverseEphemeron(t, arr.length);
    } else {
      this.allWeak.push(t); // its strings are counted once clearing is done (countSurvivors)
    }
  }

  /** Counts the strings of the entries of all-weak tables that survived clearing (PUC marks them while
   * clearing, so an entry removed in this cycle does not keep its string key). */
  countSurvivors(): void {
    const out = ENTRY;
    for (let j = 0; j < this.allWeak.length; j++) {
      const t = this.allWeak[j];
      let k: LuaValue = undefined;
      while (t.nextInto(k, out)) {
        k = out[0];
        if (typeof k === 'string') this.mark(k);
        if (typeof out[1] === 'string') this.mark(out[1]);
      }
    }
  }

  /** Entries of a weak-key table beyond the array part: a value is marked once its key is. */
  private traverseEphemeron(t: LuaTable, asize: number): void {
    const out = ENTRY;
    let k: LuaValue = asize > 0 ? asize : undefined;
    while (t.nextInto(k, out)) {
      k = out[0];
      const v = out[1];
      if (this.isCleared(k)) {
        if (this.isCleared(v)) {
          const key = k as object;
          const w = this.waiting.get(key);
          if (w === undefined) this.waiting.set(key, [v]);
          else w.push(v);
        }
      } else {
        this.mark(k);
        this.mark(v);
      }
    }
  }

  private traverseClosure(f: LuaClosure): void {
    const ups = f.upvals;
    this.bytes += 32 + 16 * ups.length;
    for (let i = 0; i < ups.length; i++) {
      const uv = ups[i];
      this.mark(uv.arr[uv.idx]);
    }
    this.countProto(f.p);
  }

  private countProto(p: Proto): void {
    if (this.protos.has(p)) return;
    this.protos.add(p);
    this.bytes += 120 + 4 * p.code.length + 16 * p.k.length + 4 * p.lineinfo.length;
    for (let i = 0; i < p.k.length; i++) this.mark(p.k[i]);
    for (let i = 0; i < p.p.length; i++) this.countProto(p.p[i]);
  }

  private traverseNative(f: NativeFunction): void {
    this.bytes += 48;
    const co = (f as { co?: LuaValue }).co; // coroutine.wrap's function (interp/call.ts SpecialFunction)
    if (co !== undefined) this.mark(co);
    const refs = f.gcRefs;
    if (refs !== undefined) for (let i = 0; i < refs.length; i++) this.mark(refs[i]);
  }

  private traverseUserdata(u: Userdata): void {
    this.bytes += 40;
    this.mark(u.metatable as LuaTable | undefined);
    this.mark(u.uservalue);
  }

  private traverseThread(th: Coroutine): void {
    const s = th.stack;
    this.bytes += 200 + 16 * s.length + 64 * th.cis.length;
    let top = th === this.L.cur && this.liveTop !== undefined ? this.liveTop : th.top;
    if (top > s.length) top = s.length;
    for (let i = 0; i < top; i++) this.mark(s[i]);
    for (let i = 1; i <= th.ciIdx; i++) {
      const c = th.cis[i];
      this.mark(c.closure);
      this.mark(c.fn);
      this.mark(c.extra);
      this.mark(c.err);
    }
    this.mark(th.hook);
    this.mark(th.resumer);
    this.mark(th.errorValue);
  }
}

/** Scratch pair for nextInto. */
const ENTRY: LuaValue[] = [undefined, undefined];

/** Marks everything reachable; `liveTop` limits the running thread's stack (undefined: its `top`). */
function mark(L: State, liveTop: number | undefined): Marker {
  const m = new Marker(L, liveTop);
  m.markRoots();
  m.propagate();
  return m;
}

// ------------------------------------------------------------------------------------ collecting

/** lgc.c's atomic phase plus the finalizer calls (see the header for the order of the steps). */
function collect(L: State, liveTop: number | undefined): void {
  const g = L.gc;
  const m = mark(L, liveTop);
  const origWeak = m.weakValues.length;
  const origAll = m.allWeak.length;
  clearByValues(m, m.weakValues, 0);
  clearByValues(m, m.allWeak, 0);
  separate(g, m);
  const tbf = g.tobefnz;
  for (let i = 0; i < tbf.length; i++) m.mark(tbf[i]);
  m.propagate();
  clearByKeys(m, m.ephemerons);
  clearByKeys(m, m.allWeak);
  clearByValues(m, m.weakValues, origWeak);
  clearByValues(m, m.allWeak, origAll);
  m.countSurvivors();

  g.cycles++;
  g.estimate = m.bytes;
  g.estimated = true;
  g.stepCredit = 0;
  g.weakSeen = m.weakValues.length + m.ephemerons.length + m.allWeak.length > 0;
  g.weakHint = false;
  g.armed = g.weakSeen || g.finSet.size > 0;
  newCycle(g);
  runFinalizers(L);
}

/** Moves unmarked objects marked for finalization to `tobefnz`, newest first (after those already there). */
function separate(g: GcState, m: Marker): void {
  const fin = g.finobj;
  let dead = 0;
  for (let i = fin.length - 1; i >= 0; i--) {
    if (!m.marked.has(fin[i])) {
      g.tobefnz.push(fin[i]);
      dead++;
    }
  }
  if (dead > 0) g.finobj = fin.filter((o) => m.marked.has(o));
}

/** Clears entries whose value is an unmarked object, in tables list[from..]. */
function clearByValues(m: Marker, list: LuaTable[], from: number): void {
  const out = ENTRY;
  for (let j = from; j < list.length; j++) {
    const t = list[j];
    const arr = t.arr;
    for (let i = 0; i < arr.length; i++) if (m.isCleared(arr[i])) t.set(i + 1, undefined);
    if (t.storageSize() === arr.length) continue;
    let k: LuaValue = arr.length > 0 ? arr.length : undefined;
    while (t.nextInto(k, out)) {
      k = out[0];
      if (m.isCleared(out[1])) t.set(k, undefined);
    }
  }
}

/** Clears entries whose key is an unmarked object. */
function clearByKeys(m: Marker, list: LuaTable[]): void {
  const out = ENTRY;
  for (let j = 0; j < list.length; j++) {
    const t = list[j];
    const asize = t.arr.length;
    if (t.storageSize() === asize) continue;
    let k: LuaValue = asize > 0 ? asize : undefined;
    while (t.nextInto(k, out)) {
      k = out[0];
      if (m.isCleared(k)) t.set(k, undefined);
    }
  }
}

// ------------------------------------------------------------------------------------ finalizers

/** Calls the due finalizers in order (GCTM). New ones that become due meanwhile are called too. */
function runFinalizers(L: State): void {
  const g = L.gc;
  const q = g.tobefnz;
  if (q.length === 0) return;
  g.tobefnz = [];
  for (let i = 0; i < q.length; i++) {
    const o = q[i];
    g.finSet.delete(o); // no longer marked for finalization: setmetatable may mark it again
    callFinalizer(L, o);
  }
}

function callFinalizer(L: State, o: LuaObject): void {
  const mt = o.metatable;
  const tm = mt === undefined ? undefined : mt.getStr('__gc');
  if (tm === undefined) return;
  const g = L.gc;
  const th = L.cur;
  const allowHook = th.allowHook;
  g.busy++;
  th.allowHook = false; // no debug hooks inside finalizers
  try {
    if (getTM(L, tm, '__call') === undefined && !(tm instanceof LuaClosure || tm instanceof NativeFunction)) {
      // lua5.4 names the metamethod in the message (funcnamefromcall sees CIST_FIN)
      throw new LuaError(`${L.where(0)}attempt to call a ${objTypeName(L, tm)} value (metamethod '__gc')`);
    }
    const caller = th.cis[th.ciIdx];
    const wasFinalizing = caller.finalizing;
    caller.finalizing = true; // debug info names the callee "metamethod '__gc'" (PUC's CIST_FIN)
    try {
      L.callIn(th, tm, [o], 0);
    } finally {
      caller.finalizing = wasFinalizing;
    }
  } catch (e) {
    const v = e instanceof LuaError ? e.value : toLuaError(L, e).value;
    L.warn(`error in __gc (${typeof v === 'string' ? v : 'error object is not a string'})`, false);
  } finally {
    g.busy--;
    th.allowHook = allowHook;
  }
}

// ------------------------------------------------------------------------------------ collectgarbage

const OPTIONS = ['stop', 'restart', 'collect', 'count', 'step', 'setpause', 'setstepmul', 'isrunning', 'generational', 'incremental'];

/** C's `(int)` of a lua_Integer. */
function toInt32(v: number | bigint): number {
  return typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : Number(BigInt.asIntN(32, BigInt(v)));
}

/** An lu_byte field set as PUC's setgcparam (v / 4, truncated, modulo 256). */
function gcParam(v: number): number {
  return Math.trunc(v / 4) & 0xff;
}

/** The base library's collectgarbage (lbaselib's luaB_collectgarbage over lapi's lua_gc). */
export function collectgarbage(L: State, args: LuaValue[]): LuaValue[] {
  const g = L.gc;
  const opt = OPTIONS[checkOption(L, args, 1, 'collect', OPTIONS)];
  const intArg = (i: number): number => toInt32(optInteger(L, args, i, 0));
  // every option reads its arguments first, then fails inside a finalizer (lua_gc returns -1)
  switch (opt) {
    case 'stop':
      if (g.busy > 0) return FAIL;
      setThreshold(g, g.threshold); // no pre-paid cycles while stopped: the count grows
      g.running = false;
      return [0];
    case 'restart':
      if (g.busy > 0) return FAIL;
      g.running = true;
      setThreshold(g, pacing(g));
      return [0];
    case 'collect':
      return gcCollect(L) ? [0] : FAIL;
    case 'count': {
      const kb = gcCountKB(L);
      if (kb === undefined) return FAIL;
      return [Math.floor(kb) === kb ? new LFloat(kb) : kb];
    }
    case 'step': {
      const data = intArg(2);
      if (g.busy > 0) return FAIL;
      return [step(L, data)];
    }
    case 'setpause':
    case 'setstepmul': {
      const v = intArg(2);
      if (g.busy > 0) return FAIL;
      const prev = (opt === 'setpause' ? g.pause : g.stepmul) * 4;
      if (opt === 'setpause') g.pause = gcParam(v);
      else g.stepmul = gcParam(v);
      if (g.armed) setThreshold(g, pacing(g));
      return [prev];
    }
    case 'isrunning':
      if (g.busy > 0) return FAIL;
      return [g.running];
    case 'generational': {
      const minor = intArg(2), major = intArg(3);
      if (g.busy > 0) return FAIL;
      const prev = g.generational ? 'generational' : 'incremental';
      if (minor !== 0) g.minormul = minor & 0xff;
      if (major !== 0) g.majormul = gcParam(major);
      if (!g.generational) {
        g.generational = true;
        collect(L, undefined); // entering generational mode is a full (atomic) collection in PUC
      }
      return [prev];
    }
    default: { // incremental
      const pause = intArg(2), stepmul = intArg(3), stepsize = intArg(4);
      if (g.busy > 0) return FAIL;
      const prev = g.generational ? 'generational' : 'incremental';
      if (pause !== 0) g.pause = gcParam(pause);
      if (stepmul !== 0) g.stepmul = gcParam(stepmul);
      if (stepsize !== 0) g.stepsize = stepsize & 0xff;
      g.generational = false;
      if (g.armed) setThreshold(g, pacing(g));
      return [prev];
    }
  }
}

const FAIL: LuaValue[] = [undefined];

/** lua_gc(LUA_GCSTEP, data): true when the step finished a cycle (incremental mode only). Works even while
 * the collector is stopped, as in PUC. */
function step(L: State, data: number): boolean {
  const g = L.gc;
  let work: number;
  if (data === 0) {
    work = g.stepsize < 40 ? 2 ** g.stepsize : Infinity;
  } else {
    // add `data` KB to the debt (the allocated amount, hence "count", does not change)
    const debt = allocated(g) - g.threshold + data * 1024;
    setThreshold(g, g.threshold - data * 1024);
    if (debt <= 0) return false;
    work = debt;
  }
  if (g.generational) {
    collect(L, undefined); // stands for a minor collection
    return false;
  }
  g.stepCredit += ((work * Math.max(g.stepmul * 4, 1)) / 100) * STEP_WORK;
  if (g.estimated && g.stepCredit < g.estimate) {
    // the cycle goes on: the next step is due after another 2^stepsize bytes
    setThreshold(g, allocated(g) + (g.stepsize < 40 ? 2 ** g.stepsize : MIN_THRESHOLD));
    return false;
  }
  collect(L, undefined);
  return true;
}
