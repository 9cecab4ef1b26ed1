/*
 * The interpreter's LuaState: globals, registry, per-type metatables, output streams, warnings, chunk
 * loading, and the JS-level entry points (call, protected calls with message handlers, async calls).
 *
 * Invariants:
 *  - `cur` is the running thread; `main` is the main thread. Only the dispatch loop and the coroutine
 *    machinery (call.ts) switch `cur`.
 *  - `nCcalls` counts nested JS-level calls, metamethod frames, pcalls and resumes (PUC's nCcalls): at
 *    MAX_CCALLS the VM raises "C stack overflow". `jsDepth` counts active execute() invocations.
 *  - A JS-level call (callIn) that fails restores the thread to where it was before rethrowing, so JS code that
 *    catches Lua errors finds a consistent state; the frames of the failed call stay readable above the running
 *    record until something else is pushed, so that an enclosing xpcall handler still sees them (errSnapshot).
 *  - While the machine is suspended on a promise (callAsync), nothing else may call into the state.
 *  - With the JS tier enabled (`jit`), callIn/callFirst run a Lua function that has compiled code directly
 *    (JitRuntime.invokeIn): same C-call and non-yieldable counts, same recovery and restoration on errors.
 */
import {
  LFloat, LuaFunction, NativeFunction, LuaObject, Userdata, rawEquals, typeName, type LuaValue,
} from '../runtime/value.js';
import { LuaError } from '../runtime/errors.js';
import { LuaTable, addressOf, metatableChanged } from '../runtime/table.js';
import { arithNum, tostringNumber, numLessThan, numLessEqual } from '../runtime/number.js';
import type { ArithOp, CallbackSite, LuaState, OutputStream } from '../runtime/state.js';
import type { Host } from '../host/host.js';
import { parse } from '../syntax/parser.js';
import { compile } from '../compiler/index.js';
import { undump } from '../compiler/undump.js';
import { markSelfRefs, type Proto } from '../compiler/proto.js';
import { LuaClosure, UpVal } from './closure.js';
import { Coroutine, EXTRA_STACK, MAX_STACK } from './coroutine.js';
import { F_FRESH, MULTRET, type CallInfo } from './callinfo.js';
import { callValue, closeThread, execute, returnArray, toLuaError, SpecialFunction, S_PCALL, S_XPCALL } from './call.js';
import {
  getMetatable, getTM, rtError, typeErrorVM, orderError, enterCcall, toIntNs, NODESC,
} from './metamethods.js';
import { funcNameOf, globalFuncName, whereOf, currentLine } from './debuginfo.js';
import { GcState, gcSetMetatable, gcClose } from '../runtime/gc.js';
import { Budget, type BudgetLimits } from './budget.js';

export interface StateOptions {
  stdout?: OutputStream;
  stderr?: OutputStream;
  /** File access for loadfile/dofile (and the io/os/package libraries). */
  host?: Host;
  /** Bytes of memory in use, for collectgarbage("count"); an estimate is used without it. */
  heapUsed?: () => number;
  /** Enables execution budgets (budget.ts) with these initial limits. */
  budget?: BudgetLimits;
}

/** An output stream that collects what is written (the default when the host gives none). */
export class CollectingOutput implements OutputStream {
  text = '';
  write(s: string): void {
    this.text += s;
  }
  flush(): void {}
}

/** The error raised at the promise a native returned, and the call it suspended. */
interface Pending {
  promise: PromiseLike<LuaValue[]>;
  th: Coroutine;
  ci: CallInfo;
}

/** What State.callIn needs from the JS tier (src/jit/runtime.ts) to run a compiled Lua function directly. */
interface DirectTier {
  readonly maxDepth: number;
  n: number;
  v: LuaValue[];
  compiled(p: Proto): DirectFn | undefined;
  invokeIn(th: Coroutine, f: LuaClosure, j: DirectFn, args: LuaValue[], func?: number): LuaValue;
  invokePair(th: Coroutine, f: LuaClosure, j: DirectFn, a: LuaValue, b: LuaValue, func: number): LuaValue;
}
type DirectFn = (cl: LuaClosure, ...args: LuaValue[]) => LuaValue;

const hostPcall = new SpecialFunction('?', S_PCALL);
/** A non-number first element makes an array literal generic (never unboxed doubles). */
const fn0: LuaValue = '';
const hostXpcall = new SpecialFunction('?', S_XPCALL);

export class State implements LuaState {
  readonly globals = new LuaTable();
  readonly registry = new LuaTable();
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly host: Host | undefined;
  readonly heapUsed: (() => number) | undefined;
  readonly main: Coroutine;
  cur: Coroutine;

  /** Budget steps left before the next check (budget.ts); Infinity without a budget. */
  fuel = Infinity;
  /** The execution budget, when enabled at creation. */
  readonly budget: Budget | undefined;

  /** Set when run() must return (an F_FRESH frame returned, or a promise suspended the machine). */
  stop = false;
  nCcalls = 0;
  jsDepth = 0;
  pending: Pending | undefined = undefined;
  /** True while callAsync drives the machine (natives may then suspend on promises). */
  private asyncDriver = false;
  /** The error that last escaped a JS-level call, with the frame index where it was raised. */
  errSnapshot: { err: unknown; th: Coroutine; ciIdx: number } | undefined = undefined;

  mtString: LuaTable | undefined = undefined;
  mtNumber: LuaTable | undefined = undefined;
  mtBoolean: LuaTable | undefined = undefined;
  mtNil: LuaTable | undefined = undefined;
  mtFunction: LuaTable | undefined = undefined;
  mtThread: LuaTable | undefined = undefined;

  /** callPair's argument array for callIn (generic elements: a double array would lose a NaN's sign). */
  private readonly pairArgs: LuaValue[] = [fn0, fn0];

  /** The JS tier, when enabled (src/jit/index.ts sets it). */
  jit: DirectTier | undefined = undefined;

  private warnMode: 'off' | 'on' | 'cont' = 'off';
  /** The collector (runtime/gc.ts): finalizers, weak tables, collectgarbage; generational as lua.c sets it. */
  readonly gc = new GcState();

  constructor(opts: StateOptions = {}) {
    this.stdout = opts.stdout ?? new CollectingOutput();
    this.stderr = opts.stderr ?? new CollectingOutput();
    this.host = opts.host;
    this.heapUsed = opts.heapUsed;
    this.budget = opts.budget === undefined ? undefined : new Budget(this, opts.budget);
    this.main = new Coroutine(true);
    this.cur = this.main;
    const loaded = new LuaTable();
    this.registry.setInt(1, this.main);
    this.registry.setInt(2, this.globals);
    this.registry.setStr('_LOADED', loaded);
  }

  // ------------------------------------------------------------------------------------ calling

  call(fn: LuaValue, args: LuaValue[]): LuaValue[] {
    return this.callIn(this.cur, fn, args, MULTRET);
  }

  /** Calls fn(args) on thread `th` (the running one, or a coroutine being closed) from JS, wanting
   * `nresults` (MULTRET: all). Lua code runs in a nested execute(): it cannot yield past this call. */
  callIn(th: Coroutine, fn: LuaValue, args: LuaValue[], nresults: number): LuaValue[] {
    if (fn instanceof LuaClosure) {
      const jit = this.jit;
      if (jit !== undefined && th.hookMask === 0 && th.isMain && !this.asyncDriver && th.ciIdx < jit.maxDepth) {
        const j = jit.compiled(fn.p);
        if (j !== undefined) return this.resultsOf(jit, jit.invokeIn(th, fn, j, args), nresults);
      }
    }
    const top0 = th.top;
    const func = th.safeTop();
    const nargs = args.length;
    const need = func + 1 + nargs + EXTRA_STACK;
    if (need > th.stack.length) th.grow(need);
    const s = th.stack;
    s[func] = fn;
    for (let i = 0; i < nargs; i++) s[func + 1 + i] = args[i];
    th.top = func + 1 + nargs;
    const ci0 = th.ciIdx, nny0 = th.nny, cc0 = this.nCcalls;
    try {
      enterCcall(this);
      th.nny++;
      let started: boolean, pending: unknown;
      try {
        started = callValue(this, th, func, nargs, nresults, F_FRESH);
      } catch (e) {
        // raised before the dispatch loop runs (a native callee, e.g. pcall(error)): let the loop's
        // recovery handle it, so a protected frame just pushed (pcall/xpcall) still catches it
        if (th.ciIdx <= ci0) throw e;
        started = true;
        pending = e;
      }
      if (started) execute(this, th, ci0 + 1, pending);
    } catch (e) {
      if (this.errSnapshot === undefined || this.errSnapshot.err !== e) {
        this.errSnapshot = { err: e, th, ciIdx: th.ciIdx };
      }
      th.ciIdx = ci0;
      th.nny = nny0;
      this.nCcalls = cc0;
      this.cur = th;
      th.top = top0;
      throw e;
    }
    th.nny = nny0;
    this.nCcalls = cc0;
    const res = s.slice(func, th.top);
    th.top = top0;
    return res;
  }

  /** An error escaped a compiled call from JitRuntime.invokeIn: as in callIn, one raised inside the callee's frames
   * goes through the run loop's recovery (which rethrows it converted, or finds a protected frame); the thread
   * is restored before anything is rethrown. */
  compiledError(th: Coroutine, jit: DirectTier, e: unknown, func: number, top0: number, ci0: number,
    nny0: number, cc0: number): LuaValue {
    try {
      if (th.ciIdx <= ci0) throw e;
      execute(this, th, ci0 + 1, e);
    } catch (e2) {
      if (this.errSnapshot === undefined || this.errSnapshot.err !== e2) {
        this.errSnapshot = { err: e2, th, ciIdx: th.ciIdx };
      }
      th.ciIdx = ci0;
      th.nny = nny0;
      this.nCcalls = cc0;
      this.cur = th;
      th.top = top0;
      throw e2;
    }
    const s = th.stack;
    const n = th.top - func;
    for (let i = 1; i < n; i++) jit.v[i] = s[func + i];
    jit.n = n;
    th.nny = nny0;
    this.nCcalls = cc0;
    th.top = top0;
    return s[func];
  }

  /** The results of a compiled call (first one r, the count and the others in jit) as callIn returns them. */
  private resultsOf(jit: DirectTier, r: LuaValue, nresults: number): LuaValue[] {
    const n = jit.n;
    const want = nresults < 0 ? n : nresults;
    // one result that is not a double: a literal; else an array that never holds unboxed doubles (a double
    // array would canonicalise a NaN's sign bit)
    if (want === 1 && (typeof r !== 'number' || Math.floor(r) === r)) return [n > 0 ? r : undefined];
    if (want === 0) return [];
    const out: LuaValue[] = [fn0];
    const v = jit.v;
    for (let i = 0; i < want; i++) out[i] = i >= n ? undefined : i === 0 ? r : v[i];
    return out;
  }

  /** fn(args) from JS wanting its first result only (sort comparators, gsub replacement functions): a
   * compiled Lua callee returns it without any result array. */
  callFirst(fn: LuaValue, args: LuaValue[], site?: CallbackSite): LuaValue {
    const th = this.cur;
    if (fn instanceof LuaClosure) {
      const jit = this.jit;
      if (jit !== undefined && th.hookMask === 0 && th.isMain && !this.asyncDriver && th.ciIdx < jit.maxDepth) {
        const j = jit.compiled(fn.p);
        if (j !== undefined) {
          const r = jit.invokeIn(th, fn, j, args, site === undefined ? th.safeTop() : callbackFunc(th, site));
          return jit.n > 0 ? r : undefined;
        }
      }
    }
    return this.callIn(th, fn, args, 1)[0];
  }

  /** The first result of fn(a, b) from JS (sort comparators): callFirst without an argument array for a
   * compiled Lua callee. `site` (both): the caller's CallbackSite, which saves finding the frame's slot. */
  callPair(fn: LuaValue, a: LuaValue, b: LuaValue, site?: CallbackSite): LuaValue {
    const th = this.cur;
    if (fn instanceof LuaClosure) {
      // a proto's `jf` is its compiled function once the JS tier compiled it (what compiled call sites call)
      const j = (fn.p as { jf?: DirectFn }).jf;
      const jit = this.jit;
      if (j !== undefined && jit !== undefined && th.hookMask === 0 && th.isMain && !this.asyncDriver
        && th.ciIdx < jit.maxDepth) {
        const r = jit.invokePair(th, fn, j, a, b, site === undefined ? th.safeTop() : callbackFunc(th, site));
        return jit.n > 0 ? r : undefined;
      }
    }
    // callIn copies the arguments to the stack before running anything: one array serves every call
    const args = this.pairArgs;
    args[0] = a;
    args[1] = b;
    return this.callIn(th, fn, args, 1)[0];
  }

  /** Whether a native may suspend the machine on a promise right now. */
  canSuspend(): boolean {
    return this.asyncDriver && this.jsDepth === 1 && this.cur.nny === 0;
  }

  /** Whether frames of the main thread must be able to suspend (callAsync drives the machine): the JS tier
   * then runs its generator variants there too. */
  suspendable(): boolean {
    return this.asyncDriver;
  }

  /** Runs fn(args) where natives may return promises: the Lua thread suspends until each settles. */
  async callAsync(fn: LuaValue, args: LuaValue[]): Promise<LuaValue[]> {
    if (this.jsDepth !== 0 || this.asyncDriver) throw new LuaError('cannot start an asynchronous call: the state is busy');
    const th = this.cur;
    const func = th.safeTop();
    const need = func + 1 + args.length + EXTRA_STACK;
    if (need > th.stack.length) th.grow(need);
    const s = th.stack;
    s[func] = fn;
    for (let i = 0; i < args.length; i++) s[func + 1 + i] = args[i];
    th.top = func + 1 + args.length;
    const ci0 = th.ciIdx, cc0 = this.nCcalls;
    this.asyncDriver = true;
    let pendingErr: unknown = undefined;
    try {
      this.nCcalls++;
      let started: boolean;
      this.jsDepth++;
      try {
        started = callValue(this, th, func, args.length, MULTRET, F_FRESH);
      } catch (e) {
        // the JS tier runs a compiled callee at once (src/jit/generator.ts): its errors are recovered as the
        // dispatch loop's are
        if (th.ciIdx <= ci0) throw e;
        started = true;
        pendingErr = e;
      } finally {
        this.jsDepth--;
      }
      for (;;) {
        if (started || pendingErr !== undefined) execute(this, th, ci0 + 1, pendingErr);
        pendingErr = undefined;
        const p = this.pending;
        if (p === undefined) break;
        this.pending = undefined;
        try {
          const vals = await p.promise;
          started = true;
          this.stop = false;
          // delivering the results may continue a compiled generator frame at once: it runs as inside the
          // dispatch loop (one level of execute), where natives may suspend again
          this.jsDepth++;
          try {
            returnArray(this, p.th, p.ci, Array.isArray(vals) ? vals : vals === undefined ? [] : [vals as LuaValue]);
          } finally {
            this.jsDepth--;
          }
        } catch (e) {
          pendingErr = e instanceof LuaError ? e : new LuaError(e instanceof Error ? e.message : String(e));
        }
      }
    } catch (e) {
      th.ciIdx = ci0;
      this.cur = th;
      th.top = func;
      throw e;
    } finally {
      this.asyncDriver = false;
      this.nCcalls = cc0;
    }
    const res = s.slice(func, th.top);
    th.top = func;
    return res;
  }

  /** lua_pcall with an optional message handler (called at the error point, its result is the error value).
   * Never throws for Lua errors. */
  pcall(fn: LuaValue, args: LuaValue[], handler?: (err: LuaValue) => LuaValue): { ok: true; values: LuaValue[] } | { ok: false; error: LuaValue } {
    const th = this.cur;
    const ci0 = th.ciIdx, nny0 = th.nny, cc0 = this.nCcalls, top0 = th.top;
    let r: LuaValue[];
    try {
      if (handler === undefined) r = this.callIn(th, hostPcall, [fn, ...args], MULTRET);
      else {
        const h = new NativeFunction('?', (_L, a) => [handler(a[0])]);
        r = this.callIn(th, hostXpcall, [fn, h, ...args], MULTRET);
      }
    } catch (e) {
      // only errors outside any Lua code (C stack overflow of the call itself) get here
      th.ciIdx = ci0;
      th.nny = nny0;
      this.nCcalls = cc0;
      th.top = top0;
      this.cur = th;
      return { ok: false, error: toLuaError(this, e).value };
    } finally {
      if (th === this.main) th.stackLimit = MAX_STACK;
    }
    if (r[0] === true) return { ok: true, values: r.slice(1) };
    return { ok: false, error: r[1] };
  }

  /** Runs fn(args), throwing a LuaError whose `traceback` is the stack at the error point (lua.c's docall with
   * msghandler). */
  doCall(fn: LuaValue, args: LuaValue[], tracebackOf: (L: State, msg: LuaValue) => string): LuaValue[] {
    let tb: string | undefined;
    const r = this.pcall(fn, args, (err) => {
      tb = tracebackOf(this, err);
      return err;
    });
    if (r.ok) return r.values;
    const e = new LuaError(r.error);
    e.traceback = tb;
    throw e;
  }

  /** lua_close: closes the main thread's pending to-be-closed variables (an error in one goes to the next
   * as its error value, the last is dropped), then calls every pending finalizer (runtime/gc.ts); the state
   * should not be used afterwards. */
  close(): void {
    if (!this.gc.closing && this.main.tbc.length > 0) closeThread(this, this.main, undefined, false);
    gcClose(this);
  }

  // ------------------------------------------------------------------------------------ loading

  /** load(): compiles text or undumps a binary chunk ("\x1b..."), returning the function or [undefined, msg].
   * The first upvalue of the function (its _ENV) is `env` when given, else the global table. */
  load(chunk: string, chunkname: string, mode = 'bt', env?: LuaValue, hasEnv = env !== undefined): LuaValue | [undefined, string] {
    let p: Proto;
    try {
      if (chunk.charCodeAt(0) === 0x1b) {
        if (!mode.includes('b')) return [undefined, `attempt to load a binary chunk (mode is '${mode}')`];
        p = undump(chunk, chunkname);
      } else {
        if (!mode.includes('t')) return [undefined, `attempt to load a text chunk (mode is '${mode}')`];
        p = compile(parse(chunk, chunkname, this.nCcalls));
      }
    } catch (e) {
      const err = e instanceof LuaError ? e : toLuaError(this, e);
      return [undefined, typeof err.value === 'string' ? err.value : String(err.message)];
    }
    markSelfRefs(p);
    return this.makeMain(p, hasEnv ? env : this.globals);
  }

  /** A closure for a loaded main function: fresh closed upvalues, the first one set to `env`. */
  makeMain(p: Proto, env: LuaValue): LuaClosure {
    const ups: UpVal[] = [];
    for (let i = 0; i < p.upvalues.length; i++) ups.push(new UpVal([i === 0 ? env : undefined], 0));
    return new LuaClosure(p, ups);
  }

  // ------------------------------------------------------------------------------------ operations for natives

  index(v: LuaValue, k: LuaValue): LuaValue {
    let t = v;
    for (let loop = 0; loop < 2000; loop++) {
      let tm: LuaValue;
      if (t instanceof LuaTable) {
        const r = t.get(k);
        if (r !== undefined) return r;
        tm = t.metatable === undefined ? undefined : t.metatable.getStr('__index');
        if (tm === undefined) return undefined;
      } else {
        tm = getTM(this, t, '__index');
        if (tm === undefined) typeErrorVM(this, t, 'index', NODESC);
      }
      if (tm instanceof LuaFunction) return this.callIn(this.cur, tm, [t, k], 1)[0];
      t = tm;
    }
    rtError(this, "'__index' chain too long; possible loop");
  }

  setIndex(v: LuaValue, k: LuaValue, val: LuaValue): void {
    let t = v;
    for (let loop = 0; loop < 2000; loop++) {
      let tm: LuaValue;
      if (t instanceof LuaTable) {
        tm = t.metatable === undefined ? undefined : t.metatable.getStr('__newindex');
        if (tm === undefined || t.get(k) !== undefined) {
          if (k === undefined) rtError(this, 'table index is nil');
          if (typeof k === 'number' && k !== k) rtError(this, 'table index is NaN');
          t.set(k, val);
          return;
        }
      } else {
        tm = getTM(this, t, '__newindex');
        if (tm === undefined) typeErrorVM(this, t, 'index', NODESC);
      }
      if (tm instanceof LuaFunction) {
        this.callIn(this.cur, tm, [t, k, val], 0);
        return;
      }
      t = tm;
    }
    rtError(this, "'__newindex' chain too long; possible loop");
  }

  len(v: LuaValue): LuaValue {
    if (typeof v === 'string') return v.length;
    const tm = getTM(this, v, '__len');
    if (tm === undefined) {
      if (v instanceof LuaTable) return v.length();
      typeErrorVM(this, v, 'get length of', NODESC);
    }
    return this.callIn(this.cur, tm, [v, v], 1)[0];
  }

  equals(a: LuaValue, b: LuaValue): boolean {
    if (rawEquals(a, b)) return true;
    let tm: LuaValue;
    if ((a instanceof LuaTable && b instanceof LuaTable) || (a instanceof Userdata && b instanceof Userdata)) {
      tm = getTM(this, a, '__eq');
      if (tm === undefined) tm = getTM(this, b, '__eq');
    }
    if (tm === undefined) return false;
    const r = this.callIn(this.cur, tm, [a, b], 1)[0];
    return r !== undefined && r !== false;
  }

  lessThan(a: LuaValue, b: LuaValue): boolean {
    return this.order(a, b, '__lt');
  }

  lessEqual(a: LuaValue, b: LuaValue): boolean {
    return this.order(a, b, '__le');
  }

  private order(a: LuaValue, b: LuaValue, ev: '__lt' | '__le'): boolean {
    if (isNum(a) && isNum(b)) return ev === '__lt' ? numLessThan(a, b) : numLessEqual(a, b);
    if (typeof a === 'string' && typeof b === 'string') return ev === '__lt' ? a < b : a <= b;
    let tm = getTM(this, a, ev);
    if (tm === undefined) tm = getTM(this, b, ev);
    if (tm !== undefined) {
      const r = this.callIn(this.cur, tm, [a, b], 1)[0];
      return r !== undefined && r !== false;
    }
    if (ev === '__le') {
      tm = getTM(this, b, '__lt');
      if (tm === undefined) tm = getTM(this, a, '__lt');
      if (tm !== undefined) {
        const r = this.callIn(this.cur, tm, [b, a], 1)[0];
        return r === undefined || r === false;
      }
    }
    orderError(this, a, b);
  }

  arith(op: ArithOp, a: LuaValue, b: LuaValue): LuaValue {
    if (op === 'unm' || op === 'bnot') b = a;
    if (isNum(a) && isNum(b)) {
      const bitwise = op === 'band' || op === 'bor' || op === 'bxor' || op === 'shl' || op === 'shr' || op === 'bnot';
      if (!bitwise || (toIntNs(a) !== undefined && toIntNs(b) !== undefined)) return arithNum(op, a, b);
    }
    let tm = getTM(this, a, '__' + op);
    if (tm === undefined) tm = getTM(this, b, '__' + op);
    if (tm === undefined) {
      const bitwise = op === 'band' || op === 'bor' || op === 'bxor' || op === 'shl' || op === 'shr' || op === 'bnot';
      if (bitwise && isNum(a) && isNum(b)) rtError(this, 'number has no integer representation');
      const bad = isNum(a) ? b : a;
      typeErrorVM(this, bad, bitwise ? 'perform bitwise operation on' : 'perform arithmetic on', NODESC);
    }
    return this.callIn(this.cur, tm, [a, b], 1)[0];
  }

  concat(values: LuaValue[]): LuaValue {
    if (values.length === 0) return '';
    const vals = values.slice();
    let total = vals.length;
    while (total > 1) {
      const a = vals[total - 2], b = vals[total - 1];
      if ((typeof a === 'string' || isNum(a)) && (typeof b === 'string' || isNum(b))) {
        let n = 2;
        while (n < total && (typeof vals[total - n - 1] === 'string' || isNum(vals[total - n - 1]))) n++;
        let r = '';
        for (let j = total - n; j < total; j++) r += strOf(vals[j]);
        vals[total - n] = r;
        total -= n - 1;
      } else {
        let tm = getTM(this, a, '__concat');
        if (tm === undefined) tm = getTM(this, b, '__concat');
        if (tm === undefined) typeErrorVM(this, typeof a === 'string' || isNum(a) ? b : a, 'concatenate', NODESC);
        vals[total - 2] = this.callIn(this.cur, tm, [a, b], 1)[0];
        total--;
      }
    }
    return vals[0];
  }

  getMetatable(v: LuaValue): LuaTable | undefined {
    return getMetatable(this, v);
  }

  setTypeMetatable(tname: string, mt: LuaTable | undefined): void {
    switch (tname) {
      case 'string': this.mtString = mt; break;
      case 'number': this.mtNumber = mt; break;
      case 'boolean': this.mtBoolean = mt; break;
      case 'nil': this.mtNil = mt; break;
      case 'function': this.mtFunction = mt; break;
      case 'thread': this.mtThread = mt; break;
      default: throw new LuaError(`no per-type metatable for type '${tname}'`);
    }
  }

  /** Sets the metatable of any value (debug.setmetatable): per object for tables/userdata, else per type. */
  setMetatableOf(v: LuaValue, mt: LuaTable | undefined): void {
    if (v instanceof LuaObject) {
      v.metatable = mt;
      metatableChanged(v);
      gcSetMetatable(this, v, mt);
    } else this.setTypeMetatable(typeName(v), mt);
  }

  tostring(v: LuaValue): string {
    const tm = getTM(this, v, '__tostring');
    if (tm !== undefined) {
      const r = this.callIn(this.cur, tm, [v], 1)[0];
      if (typeof r === 'string') return r;
      if (isNum(r)) return tostringNumber(r);
      throw new LuaError(this.where(1) + "'__tostring' must return a string");
    }
    switch (typeof v) {
      case 'string': return v;
      case 'number': case 'bigint': return tostringNumber(v);
      case 'boolean': return v ? 'true' : 'false';
      case 'undefined': return 'nil';
      default: {
        if (v instanceof LFloat) return tostringNumber(v);
        const mt = getMetatable(this, v);
        const nm = mt === undefined ? undefined : mt.getStr('__name');
        const kind = typeof nm === 'string' ? nm : typeName(v);
        return `${kind}: ${addressOf(v as object)}`;
      }
    }
  }

  // ------------------------------------------------------------------------------------ debug support

  where(level: number): string {
    return this.whereAt(this.cur, level);
  }

  /** luaL_where on thread `th`: "chunk:line: " of the function at `level`, or '' for natives. */
  whereAt(th: Coroutine, level: number): string {
    const idx = th.ciIdx - level;
    if (idx < 1) return '';
    const ci = th.cis[idx];
    if (ci.closure === undefined) return '';
    if (currentLine(ci) <= 0) return '';
    return whereOf(ci) + ' ';
  }

  calleeName(): { name: string | undefined; namewhat: string } {
    const th = this.cur;
    const nm = funcNameOf(th, th.ciIdx);
    if (nm !== undefined) return { name: nm[1], namewhat: nm[0] };
    const ci = th.cis[th.ciIdx];
    const g = globalFuncName(this, ci.closure ?? ci.fn);
    return { name: g, namewhat: '' };
  }

  warn(msg: string, tocont: boolean): void {
    if (this.warnMode !== 'cont' && !tocont && msg.startsWith('@')) {
      if (msg === '@off') this.warnMode = 'off';
      else if (msg === '@on') this.warnMode = 'on';
      return;
    }
    if (this.warnMode === 'off') return;
    if (this.warnMode === 'on') this.stderr.write('Lua warning: ');
    this.stderr.write(msg);
    if (tocont) this.warnMode = 'cont';
    else {
      this.stderr.write('\n');
      this.stderr.flush();
      this.warnMode = 'on';
    }
  }
}

function isNum(v: LuaValue): v is number | bigint | LFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat;
}

function strOf(v: LuaValue): string {
  return typeof v === 'string' ? v : tostringNumber(v as number | bigint | LFloat);
}

/** The stack slot of a callback's frame for `site` (see CallbackSite): th.safeTop(), computed once per native
 * invocation. Valid while the thread, its frame index and its top are those it was computed for: between the
 * callbacks of one native invocation they are (each call restores them), and the frames below cannot change. */
function callbackFunc(th: Coroutine, site: CallbackSite): number {
  if (site.th === th && site.ci === th.ciIdx && site.top === th.top) return site.func;
  const func = th.safeTop();
  site.th = th;
  site.ci = th.ciIdx;
  site.top = th.top;
  site.func = func;
  return func;
}
