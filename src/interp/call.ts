/*
 * Calls, returns, protected calls, coroutine switches and error recovery: everything that moves between
 * frames, except the inline fast paths of the dispatch loop (vm.ts).
 *
 * Model (see callinfo.ts): every call, Lua or native, has a CallInfo on its thread. Lua-to-Lua calls,
 * metamethods, pcall/xpcall, coroutine resume/yield and dofile/__pairs never recurse in JS: they push frames
 * and the single dispatch loop runs them; what happens when a frame returns is given by its flags
 * (returnFrom/postReturn). JS recursion happens only when native code calls back into Lua (State.call), which
 * runs a nested execute() bounded by an F_FRESH frame; a yield across such a frame is refused.
 *
 * Errors are JS exceptions. execute() has the one try/catch: recover() walks the frames from the error point
 * down to the nearest pcall/xpcall (calling an xpcall handler first, at the error point), closes upvalues and
 * runs pending __close methods (as frames, so they may yield), and delivers `false, err`; an error reaching a
 * coroutine's base frame kills the coroutine and is delivered to its resumer; an error reaching the execute()
 * boundary is rethrown to the JS caller.
 */
import { LuaFunction, NativeFunction, type LuaValue, type NativeFn } from '../runtime/value.js';
import type { FastEntries } from '../runtime/fastnative.js';
import { LuaError } from '../runtime/errors.js';
import { NumberOpError } from '../runtime/number.js';
import { TableIndexError } from '../runtime/table.js';
import type { State } from './state.js';
import {
  CallInfo, F_FRESH, F_MM, F_CONT, F_COBASE, K_NONE, K_PCALL, K_XPCALL, K_CLOSING, K_RESUME, K_WRAP, K_YIELD,
  K_PASS, K_AWAIT, MULTRET,
} from './callinfo.js';
import { LuaClosure } from './closure.js';
import { Coroutine, EXTRA_STACK, MAX_STACK, ErrorInErrorHandling, StackOverflow, HOOK_CALL, HOOK_RET, HOOK_LINE, HOOK_COUNT } from './coroutine.js';
import { finishOp, getTM, rtError, typeErrorVM, closeNextTbc, MAX_CCALLS, NODESC, wherePrefix, objTypeName } from './metamethods.js';
import { funcNameFromCode, currentPc, lineAt } from './debuginfo.js';
import { run } from './vm.js';

// ------------------------------------------------------------------------------------ special natives

export const S_PCALL = 1, S_XPCALL = 2, S_YIELD = 3, S_RESUME = 4, S_WRAP = 5, S_PASS = 6;

/** A native function that the VM implements itself (so that it never recurses in JS and can yield).
 * `fn` is what a direct JS invocation does (it goes through State.call). `pass` is for S_PASS natives: it
 * returns the function (and its arguments) to call, whose results become the native's results. */
export class SpecialFunction extends NativeFunction {
  // declared fields assigned in the constructor, not parameter properties (emitted as class fields, which V8
  // defines after super() before the stores: one wrap function per coroutine.wrap)
  declare readonly special: number;
  declare readonly co: Coroutine | undefined;
  declare readonly pass: ((L: State, args: LuaValue[]) => { fn: LuaValue; args: LuaValue[]; nresults: number } | LuaValue[]) | undefined;
  constructor(name: string, special: number, co?: Coroutine,
    pass?: (L: State, args: LuaValue[]) => { fn: LuaValue; args: LuaValue[]; nresults: number } | LuaValue[]) {
    super(name, specialViaState as NativeFn);
    this.special = special;
    this.co = co;
    this.pass = pass;
  }
}

/** A special function with fast entries for compiled call sites (runtime/fastnative.ts), such as pairs: they
 * handle the common case (no metamethod to call) without the special protocol, NOFAST otherwise. */
export class FastSpecial extends SpecialFunction {
  constructor(name: string, special: number,
    pass: (L: State, args: LuaValue[]) => { fn: LuaValue; args: LuaValue[]; nresults: number } | LuaValue[],
    readonly entries: FastEntries) {
    super(name, special, undefined, pass);
  }
}

/** `fn` of every SpecialFunction (natives are always invoked as `f.fn(L, args)`, so `this` is the function):
 * one shared function rather than a closure per coroutine.wrap. */
function specialViaState(this: SpecialFunction, L: State, args: LuaValue[]): LuaValue[] {
  return L.call(this, args);
}

// ------------------------------------------------------------------------------------ results

/** Moves n results from stack[first..] to stack[res..], adjusted to `wanted`; sets th.top after them. */
function moveResults(th: Coroutine, res: number, first: number, n: number, wanted: number): void {
  const s = th.stack;
  if (wanted === MULTRET) wanted = n;
  else if (n > wanted) n = wanted;
  if (res + wanted + EXTRA_STACK > s.length) th.grow(res + wanted + EXTRA_STACK);
  if (res !== first) for (let i = 0; i < n; i++) s[res + i] = s[first + i];
  for (let i = n; i < wanted; i++) s[res + i] = undefined;
  th.top = res + wanted;
}

function placeArray(th: Coroutine, res: number, vals: LuaValue[], wanted: number): void {
  let n = vals.length;
  if (wanted === MULTRET) wanted = n;
  else if (n > wanted) n = wanted;
  if (res + wanted + EXTRA_STACK > th.stack.length) th.grow(res + wanted + EXTRA_STACK);
  const s = th.stack;
  for (let i = 0; i < n; i++) s[res + i] = vals[i];
  for (let i = n; i < wanted; i++) s[res + i] = undefined;
  th.top = res + wanted;
}

/** Frame `c` (the running one of `th`) returns n values found at stack[first..]. Returns true when the loop
 * must reload its state (something beyond a plain return happened). */
export function returnFrom(L: State, th: Coroutine, c: CallInfo, first: number, n: number): boolean {
  if (th.hookMask !== 0) retHook(L, th, first, n);
  moveResults(th, c.func, first, n, c.nresults);
  th.ciIdx--;
  const flags = c.flags;
  if (flags === 0) return false;
  return postReturn(L, th, c, flags);
}

/** Same, with the results in an array. */
export function returnArray(L: State, th: Coroutine, c: CallInfo, vals: LuaValue[]): boolean {
  if (th.hookMask !== 0) {
    // the return hook inspects the results as stack values above the native's arguments
    const at = Math.max(c.top, th.top);
    if (at + vals.length + EXTRA_STACK > th.stack.length) th.grow(at + vals.length + EXTRA_STACK);
    for (let i = 0; i < vals.length; i++) th.stack[at + i] = vals[i];
    th.top = at + vals.length;
    retHook(L, th, at, vals.length);
  }
  placeArray(th, c.func, vals, c.nresults);
  th.ciIdx--;
  const flags = c.flags;
  if (flags === 0) return false;
  return postReturn(L, th, c, flags);
}

function postReturn(L: State, th: Coroutine, c: CallInfo, flags: number): boolean {
  if (flags & F_MM) {
    L.nCcalls--;
    finishOp(L, th, th.cis[th.ciIdx], c.func);
  } else if (flags & F_CONT) {
    continueNative(L, th, th.cis[th.ciIdx]);
  } else if (flags & F_FRESH) {
    L.stop = true;
  } else if (flags & F_COBASE) {
    coroutineDone(L, th);
  }
  return true;
}

// ------------------------------------------------------------------------------------ calling

/** Calls stack[func] with the nargs values above it, wanting nresults (MULTRET: all), the callee frame
 * carrying `flags`. Returns false when the call completed as a plain call (results in place, th.top after
 * them); true when a frame was pushed or the completion ran continuations (the loop must reload). */
export function callValue(L: State, th: Coroutine, func: number, nargs: number, nresults: number, flags: number): boolean {
  let f = th.stack[func];
  for (;;) {
    if (f instanceof LuaClosure) {
      pushLuaFrame(L, th, f, func, nargs, nresults, flags);
      return true;
    }
    if (f instanceof NativeFunction) {
      if (f instanceof SpecialFunction) return callSpecial(L, th, f, func, nargs, nresults, flags);
      return callNative(L, th, f, func, nargs, nresults, flags);
    }
    f = callTM(L, th, func, nargs);
    nargs++;
  }
}

/** Inserts the __call metamethod of stack[func] below the arguments (luaD_tryfuncTM). */
export function callTMForTail(L: State, th: Coroutine, func: number, nargs: number): LuaValue {
  return callTM(L, th, func, nargs);
}

function callTM(L: State, th: Coroutine, func: number, nargs: number): LuaValue {
  const s = th.stack;
  const v = s[func];
  const tm = getTM(L, v, '__call');
  if (tm === undefined) callError(L, th, v, func);
  if (func + nargs + 2 + EXTRA_STACK > s.length) th.grow(func + nargs + 2 + EXTRA_STACK);
  for (let i = func + nargs; i >= func; i--) s[i + 1] = s[i];
  s[func] = tm;
  return tm;
}

/** "attempt to call a X value (global 'f')": named from the calling instruction, else from the register. */
function callError(L: State, th: Coroutine, v: LuaValue, func: number): never {
  const ci = th.cis[th.ciIdx];
  if (ci.closure !== undefined) {
    const nm = funcNameFromCode(ci.closure.p, currentPc(ci));
    if (nm !== undefined) rtError(L, `attempt to call a ${typeNameOf(L, v)} value (${nm[0]} '${nm[1]}')`);
    if (func >= ci.base && func < ci.top) typeErrorVM(L, v, 'call', func - ci.base);
  }
  typeErrorVM(L, v, 'call', NODESC);
}

function typeNameOf(L: State, v: LuaValue): string {
  return objTypeName(L, v); // luaT_objtypename: __name for tables and userdata
}

/** The JS tier (src/jit) when enabled on a state: it may run a Lua call as compiled code and complete it. */
interface TierEntry {
  enter(L: State, th: Coroutine, f: LuaClosure, func: number, nargs: number, nresults: number, flags: number): boolean;
  G: { continueGen(th: Coroutine, c: CallInfo): void };
}

/** CallInfo kind of a compiled generator frame waiting for a call it requested (src/jit/generator.ts). */
const K_GEN = 9;

export function pushLuaFrame(L: State, th: Coroutine, f: LuaClosure, func: number, nargs: number, nresults: number, flags: number): CallInfo {
  const jit = (L as { jit?: TierEntry }).jit;
  if (jit !== undefined && jit.enter(L, th, f, func, nargs, nresults, flags)) return th.cis[th.ciIdx];
  const p = f.p;
  const base = func + 1;
  const np = p.numparams;
  let need = base + p.maxstacksize + EXTRA_STACK;
  if (p.isVararg) need += nargs + 1;
  if (need > th.stack.length) th.grow(need);
  const s = th.stack;
  for (let n = nargs; n < np; n++) s[base + n] = undefined;
  const ci = th.pushCI();
  ci.func = func;
  ci.base = base;
  ci.top = base + p.maxstacksize;
  ci.savedpc = 0;
  ci.nresults = nresults;
  ci.closure = f;
  ci.fn = undefined;
  ci.flags = flags;
  ci.kind = K_NONE;
  ci.tail = false;
  ci.leq = false;
  ci.hooked = false;
  th.top = base + (nargs < np ? np : nargs);
  if (th.hookMask !== 0) {
    th.oldpc = 0;
    if (th.hookMask & HOOK_CALL && !p.isVararg) callHook(L, th, 'call', -1, 1, np);
  }
  return ci;
}

/** Pushes the record of a native call (for error levels, tracebacks and calleeName); the JIT's direct native
 * calls use it too, so both tiers leave the same record. */
export function pushNativeCI(th: Coroutine, f: LuaValue, func: number, nargs: number, nresults: number, flags: number): CallInfo {
  const ci = th.pushCI();
  ci.func = func;
  ci.base = func + 1;
  ci.top = func + 1 + nargs;
  ci.savedpc = 0;
  ci.nresults = nresults;
  ci.closure = undefined;
  ci.fn = f;
  ci.flags = flags;
  ci.kind = K_NONE;
  ci.tail = false;
  ci.leq = false;
  ci.hooked = false;
  ci.extra = undefined;
  th.top = func + 1 + nargs;
  return ci;
}

function argsOf(th: Coroutine, func: number, nargs: number): LuaValue[] {
  const s = th.stack;
  const args = new Array<LuaValue>(nargs);
  for (let i = 0; i < nargs; i++) args[i] = s[func + 1 + i];
  return args;
}

function callNative(L: State, th: Coroutine, f: NativeFunction, func: number, nargs: number, nresults: number, flags: number): boolean {
  const ci = pushNativeCI(th, f, func, nargs, nresults, flags);
  if (th.hookMask & HOOK_CALL) callHook(L, th, 'call', -1, 1, nargs);
  const res = f.fn(L, argsOf(th, func, nargs));
  if (!Array.isArray(res)) return nativeAwait(L, th, ci, res);
  return returnArray(L, th, ci, res);
}

/** A native returned something that is not a result list: a promise suspends the thread (async embedding). */
function nativeAwait(L: State, th: Coroutine, ci: CallInfo, res: unknown): boolean {
  if (res !== null && typeof res === 'object' && typeof (res as PromiseLike<unknown>).then === 'function') {
    if (!L.canSuspend()) rtErrorNative('attempt to yield across a C-call boundary');
    ci.kind = K_AWAIT;
    L.pending = { promise: res as PromiseLike<LuaValue[]>, th, ci };
    L.stop = true;
    return true;
  }
  return returnArray(L, th, ci, res === undefined ? [] : [res as LuaValue]);
}

function rtErrorNative(msg: string): never {
  throw new LuaError(msg);
}

// ------------------------------------------------------------------------------------ specials

function callSpecial(L: State, th: Coroutine, f: SpecialFunction, func: number, nargs: number, nresults: number, flags: number): boolean {
  const ci = pushNativeCI(th, f, func, nargs, nresults, flags);
  if (th.hookMask & HOOK_CALL) callHook(L, th, 'call', -1, 1, nargs);
  switch (f.special) {
    case S_PCALL: return startPcall(L, th, ci, func, nargs);
    case S_XPCALL: return startXpcall(L, th, ci, func, nargs);
    case S_YIELD: return doYield(L, th, ci, func, nargs);
    case S_RESUME: return doResume(L, th, ci, func, nargs, false);
    case S_WRAP: return doResume(L, th, ci, func, nargs, true);
    case S_PASS: return startPass(L, th, ci, f, func, nargs);
    default: throw new LuaError('bad special function');
  }
}

function protectedStart(L: State, th: Coroutine, ci: CallInfo, kind: number): boolean {
  ci.savedCcalls = L.nCcalls;
  ci.savedNny = th.nny;
  const n = L.nCcalls + 1;
  if (n === MAX_CCALLS || n >= (MAX_CCALLS / 10) * 11) {
    // the nested call overflows: it fails inside the protected call itself
    return returnArray(L, th, ci, [false, n === MAX_CCALLS ? 'C stack overflow' : 'error in error handling']) || true;
  }
  L.nCcalls = n;
  ci.kind = kind;
  return false;
}

function startPcall(L: State, th: Coroutine, ci: CallInfo, func: number, nargs: number): boolean {
  if (nargs < 1) argErrorAt(L, 1, 'value expected');
  if (protectedStart(L, th, ci, K_PCALL)) return true;
  callValue(L, th, func + 1, nargs - 1, MULTRET, F_CONT);
  return true;
}

function startXpcall(L: State, th: Coroutine, ci: CallInfo, func: number, nargs: number): boolean {
  const s = th.stack;
  const h = nargs < 2 ? undefined : s[func + 2]; // the slot may hold a stale value when absent
  if (!(h instanceof LuaFunction)) argErrorAt(L, 2, `function expected, got ${nargs < 2 ? 'no value' : typeNameOf(L, h)}`);
  ci.extra = h;
  // drop the handler from between the function and its arguments
  for (let i = func + 2; i < func + nargs; i++) s[i] = s[i + 1];
  if (protectedStart(L, th, ci, K_XPCALL)) return true;
  callValue(L, th, func + 1, nargs - 2, MULTRET, F_CONT);
  return true;
}

function startPass(L: State, th: Coroutine, ci: CallInfo, f: SpecialFunction, func: number, nargs: number): boolean {
  const r = f.pass!(L, argsOf(th, func, nargs));
  if (Array.isArray(r)) return returnArray(L, th, ci, r) || true;
  const s = th.stack;
  const need = func + 2 + r.args.length + EXTRA_STACK;
  if (need > s.length) th.grow(need);
  s[func + 1] = r.fn;
  for (let i = 0; i < r.args.length; i++) s[func + 2 + i] = r.args[i];
  th.top = func + 2 + r.args.length;
  ci.kind = K_PASS;
  ci.extra = r.nresults;
  callValue(L, th, func + 1, r.args.length, r.nresults, F_CONT);
  return true;
}

/** luaL_argerror for the running special native. */
function argErrorAt(L: State, arg: number, msg: string): never {
  const { name } = L.calleeName();
  throw new LuaError(L.where(1) + `bad argument #${arg} to '${name ?? '?'}' (${msg})`);
}

/** The continuation of native frame `c` after its callee returned (results from c.func + 1 to th.top). */
function continueNative(L: State, th: Coroutine, c: CallInfo): void {
  switch (c.kind) {
    case K_PCALL: case K_XPCALL: {
      L.nCcalls = c.savedCcalls;
      th.stack[c.func] = true;
      returnFrom(L, th, c, c.func, th.top - c.func);
      return;
    }
    case K_CLOSING:
      continueClosing(L, th, c);
      return;
    case K_PASS:
      returnFrom(L, th, c, c.func + 1, th.top - c.func - 1);
      return;
    case K_GEN:
      // a compiled generator frame (src/jit/generator.ts) waiting for this call
      (L as { jit?: TierEntry }).jit!.G.continueGen(th, c);
      return;
    default:
      throw new LuaError('bad continuation');
  }
}

// ------------------------------------------------------------------------------------ coroutines

function doYield(L: State, th: Coroutine, ci: CallInfo, func: number, nargs: number): boolean {
  if (th.isMain) throw new LuaError('attempt to yield from outside a coroutine');
  if (th.nny > 0 || th.resumer === undefined) throw new LuaError('attempt to yield across a C-call boundary');
  ci.kind = K_YIELD;
  const vals = argsOf(th, func, nargs);
  th.status = 'suspended';
  switchBack(L, th, vals);
  return true;
}


/** The switch from `th` into `co` at a resume or wrap call whose record is `ci`: the record remembers the
 * coroutine and what an error unwinding through it restores; `co` runs from now on. Shared with the JS tier's
 * direct switch (jit/generator.ts), which must leave exactly these records. */
export function startResume(L: State, th: Coroutine, ci: CallInfo, co: Coroutine, wrap: boolean): void {
  ci.kind = wrap ? K_WRAP : K_RESUME;
  ci.extra = co;
  ci.savedCcalls = L.nCcalls;
  ci.savedNny = th.nny;
  L.nCcalls++;
  th.status = 'normal';
  co.status = 'running';
  co.resumer = th;
  L.cur = co;
}
/** The coroutine `co` stops (yield or return) with `vals`: control goes back to its resumer. (Also the JS
 * tier's direct coroutine.yield from compiled generator frames, src/jit/generator.ts.) */
export function switchBack(L: State, co: Coroutine, vals: LuaValue[]): void {
  const rth = co.resumer!;
  co.resumer = undefined;
  rth.status = 'running';
  L.cur = rth;
  const r = rth.cis[rth.ciIdx];
  L.nCcalls = r.savedCcalls;
  if (r.kind === K_RESUME) {
    // [true, ...vals] (Array#unshift costs several times a fresh array here)
    const out: LuaValue[] = [true];
    for (let i = 0; i < vals.length; i++) out.push(vals[i]);
    vals = out;
  }
  returnArray(L, rth, r, vals);
}

function coroutineDone(L: State, co: Coroutine): void {
  const vals = co.stack.slice(1, co.top);
  co.status = 'dead';
  co.ciIdx = 0;
  co.top = 1;
  switchBack(L, co, vals);
}

/** coroutine.resume(co, ...) (wrap: the coroutine is bound and errors propagate). */
function doResume(L: State, th: Coroutine, ci: CallInfo, func: number, nargs: number, wrap: boolean): boolean {
  const s = th.stack;
  let co: Coroutine;
  let first: number;
  if (wrap) {
    co = (s[func] as SpecialFunction).co!;
    first = func + 1;
  } else {
    const c = s[func + 1];
    if (!(c instanceof Coroutine)) argErrorAt(L, 1, `thread expected, got ${nargs < 1 ? 'no value' : typeNameOf(L, c)}`);
    co = c;
    first = func + 2;
    nargs--;
  }
  let err: string | undefined;
  if (co.status === 'dead') err = 'cannot resume dead coroutine';
  else if (co.status !== 'suspended') err = 'cannot resume non-suspended coroutine';
  else if (L.nCcalls >= MAX_CCALLS) err = 'C stack overflow';
  if (err !== undefined) {
    if (wrap) throw new LuaError(L.where(1) + err);
    return returnArray(L, th, ci, [false, err]) || true;
  }
  const vals = argsOf(th, first - 1, nargs);
  startResume(L, th, ci, co, wrap);
  if (co.fresh) {
    co.fresh = false;
    const cs = co.stack;
    if (2 + vals.length + EXTRA_STACK > cs.length) co.grow(2 + vals.length + EXTRA_STACK);
    for (let i = 0; i < vals.length; i++) cs[2 + i] = vals[i];
    co.top = 2 + vals.length;
    callValue(L, co, 1, vals.length, MULTRET, F_COBASE);
  } else {
    const y = co.cis[co.ciIdx];
    returnArray(L, co, y, vals);
  }
  return true;
}

// ------------------------------------------------------------------------------------ debug hooks

/** Calls the thread's hook for `event` (line >= 0 for line events) on top of the running call. */
export function callHook(L: State, th: Coroutine, event: string, line: number, ftransfer = 0, ntransfer = 0): void {
  if (!th.allowHook) return;
  const ci = th.cis[th.ciIdx];
  th.allowHook = false;
  ci.hooked = true;
  ci.ftransfer = ftransfer;
  ci.ntransfer = ntransfer;
  try {
    L.callIn(th, th.hook, [event, line >= 0 ? line : undefined], 0);
  } finally {
    th.allowHook = true;
  }
  // after an error the marks stay, as in PUC: the call is being unwound, and a traceback taken at the error point
  // still names the hook (pushing a frame clears them)
  ci.hooked = false;
  ci.ftransfer = ci.ntransfer = 0;
}

/** The return hook of the running call (its n results at stack[first..]), and the line tracer's view of the
 * caller (PUC's rethook). */
function retHook(L: State, th: Coroutine, first: number, n: number): void {
  if (th.hookMask & HOOK_RET) {
    const ci = th.cis[th.ciIdx];
    callHook(L, th, 'return', -1, first - ci.base + 1, n);
  }
  const caller = th.cis[th.ciIdx - 1];
  if (caller !== undefined && caller.closure !== undefined) th.oldpc = currentPc(caller);
}

/** Before instruction `pc` of Lua frame `ci` when the thread has hooks: count and line events. */
export function traceExec(L: State, th: Coroutine, ci: CallInfo, pc: number): void {
  const mask = th.hookMask;
  // inside a hook the counter still runs and the line tracer still moves (PUC's traceexec), but no hook is called
  if (mask === 0) return;
  const p = ci.closure!.p;
  if (pc === 0 && p.isVararg) return; // hooks start after VARARGPREP
  ci.savedpc = pc + 1; // the instruction about to run is the current one
  if (mask & HOOK_COUNT && --th.hookCount === 0) {
    th.hookCount = th.baseHookCount;
    callHook(L, th, 'count', -1);
  }
  if (mask & HOOK_LINE) {
    const oldpc = th.oldpc < p.code.length ? th.oldpc : 0;
    if (pc <= oldpc || lineAt(p, pc) !== lineAt(p, oldpc)) callHook(L, th, 'line', lineAt(p, pc));
    th.oldpc = pc;
  }
  ci.savedpc = pc;
}

// ------------------------------------------------------------------------------------ execute & recovery

/** Runs the current thread's frames until the frame at (bTh, bIdx) returns (it must carry F_FRESH), or the
 * machine suspends on a promise. Errors not caught by a pcall above the boundary propagate as LuaError. */
export function execute(L: State, bTh: Coroutine, bIdx: number, pending?: unknown): void {
  const depth = ++L.jsDepth;
  try {
    for (;;) {
      if (pending !== undefined) {
        const e = pending;
        pending = undefined;
        let out: LuaError | undefined;
        try {
          out = recover(L, e, bTh, bIdx);
        } catch (e2) {
          // an error while unwinding (a failing __close, a handler's call): recover from that one
          L.jsDepth = depth;
          pending = e2;
          continue;
        }
        if (out !== undefined) throw out;
      }
      try {
        if (!L.stop) run(L);
        L.stop = false;
        return;
      } catch (e) {
        L.jsDepth = depth;
        pending = e;
      }
    }
  } finally {
    L.jsDepth = depth - 1;
  }
}

/** Converts anything thrown into a LuaError, adding the position PUC adds for errors raised by the VM. */
export function toLuaError(L: State, e: unknown): LuaError {
  if (e instanceof LuaError) {
    if (e instanceof NumberOpError || e instanceof StackOverflow || e instanceof TableIndexError) {
      if (e.traceback === undefined && !(e as { decorated?: boolean }).decorated) {
        const err = new LuaError(wherePrefix(L) + String(e.value));
        (err as { decorated?: boolean }).decorated = true;
        return err;
      }
    }
    return e;
  }
  if (e instanceof RangeError) {
    if (/call stack/i.test(e.message)) return new LuaError(wherePrefix(L) + 'stack overflow');
    return new LuaError('not enough memory');
  }
  if (e instanceof Error) return new LuaError(e.message);
  return new LuaError(String(e));
}

/** Finds where the error is handled. Returns undefined when the machine is ready to continue (a pcall or a
 * resumer got the error), or the LuaError to rethrow past the boundary. */
function recover(L: State, e: unknown, bTh: Coroutine, bIdx: number): LuaError | undefined {
  let error = toLuaError(L, e);
  L.stop = false;
  L.pending = undefined;
  for (;;) {
    const th = L.cur;
    let i = th.ciIdx;
    for (; i >= 1; i--) {
      const c = th.cis[i];
      if (c.kind === K_PCALL || c.kind === K_XPCALL || c.kind === K_CLOSING) {
        if (c.kind === K_XPCALL || (c.kind === K_CLOSING && c.extra !== undefined)) {
          if (!(error instanceof ErrorInErrorHandling)) error = new LuaError(handleAtErrorPoint(L, th, c.extra, error.value, e));
        }
        L.errSnapshot = undefined;
        startClosing(L, th, i, error.value);
        return undefined;
      }
      if (th === bTh && i === bIdx) return error;
      if (c.flags & F_COBASE) break;
    }
    if (i < 1) return error; // a thread without pcall or resumer: nothing left to unwind
    // the error kills the coroutine and goes to its resumer
    const co = th;
    co.status = 'dead';
    co.failed = true;
    co.errorValue = error.value;
    const rth = co.resumer!;
    co.resumer = undefined;
    rth.status = 'running';
    L.cur = rth;
    const r = rth.cis[rth.ciIdx];
    L.nCcalls = r.savedCcalls;
    rth.nny = r.savedNny;
    if (r.kind === K_RESUME) {
      returnArray(L, rth, r, [false, error.value]);
      return undefined;
    }
    // wrap: close the dead coroutine's variables, then raise the error in the resumer at the wrap call
    let v = closeThread(L, co, error.value, true);
    if (typeof v === 'string') v = L.whereAt(rth, 1) + v;
    r.kind = K_NONE;
    error = new LuaError(v);
  }
}

/** Runs the message handler with the thread's frames as they were where the error was raised (a JS-level
 * call that failed has already popped its frames, but they are intact above the running record). */
function handleAtErrorPoint(L: State, th: Coroutine, h: LuaValue, err: LuaValue, thrown: unknown): LuaValue {
  const snap = L.errSnapshot;
  if (snap === undefined || snap.err !== thrown || snap.th !== th || snap.ciIdx <= th.ciIdx) return callHandler(L, th, h, err);
  const saved = th.ciIdx;
  th.ciIdx = snap.ciIdx;
  try {
    return callHandler(L, th, h, err);
  } finally {
    th.ciIdx = saved;
  }
}

/** Calls an xpcall message handler at the error point; errors inside it are handled by it again, up to the
 * C-stack limit ("error in error handling"). */
function callHandler(L: State, th: Coroutine, h: LuaValue, err: LuaValue): LuaValue {
  for (let tries = 0; ; tries++) {
    if (L.nCcalls + tries >= (MAX_CCALLS / 10) * 11 - 1) return 'error in error handling';
    try {
      th.top = th.safeTop();
      const r = L.callIn(th, h, [err], 1);
      return r[0];
    } catch (e) {
      if (e instanceof ErrorInErrorHandling) return 'error in error handling';
      err = toLuaError(L, e).value;
    }
  }
}

/** Unwinds `th` down to the protected frame at index `pi` and starts closing its pending variables. */
function startClosing(L: State, th: Coroutine, pi: number, err: LuaValue): void {
  const c = th.cis[pi];
  th.ciIdx = pi;
  L.nCcalls = c.savedCcalls + 1;
  th.nny = c.savedNny;
  if (c.kind !== K_CLOSING) {
    c.extra = c.kind === K_XPCALL ? c.extra : undefined;
    c.kind = K_CLOSING;
  }
  c.err = err;
  th.closeUpvals(c.func + 1);
  continueClosing(L, th, c);
}

/** The protected call whose pending variables continueClosing is closing on the JS stack, and whether a
 * __close it called returned at once (a compiled one completes inside callValue, which calls
 * continueClosing again: that nested call only sets the flag, and the loop below closes the next one, so
 * thousands of variables never nest JS frames). */
let closingAt: CallInfo | undefined;
let closingMore = false;

/** Runs the next pending __close of a pcall being unwound, or delivers `false, err` when none is left. */
function continueClosing(L: State, th: Coroutine, c: CallInfo): void {
  if (closingAt === c) {
    closingMore = true;
    return;
  }
  const outerAt = closingAt;
  const outerMore = closingMore;
  closingAt = c;
  try {
    for (;;) {
      if (th.stackLimit > MAX_STACK && th.stack.length > 0) shrinkAfterOverflow(th, c.func);
      // each __close is one nested call below the protected call (closeNextTbc counts it): the one that
      // returned no longer is, as in PUC where luaF_close calls them one after the other
      L.nCcalls = c.savedCcalls + 1;
      closingMore = false;
      if (closeNextTbc(L, th, c.func + 1, c.err, -1, F_CONT)) {
        if (closingMore) continue;
        return;
      }
      L.nCcalls = c.savedCcalls;
      const s = th.stack;
      s[c.func] = false;
      s[c.func + 1] = c.err;
      c.kind = K_NONE;
      returnFrom(L, th, c, c.func, 2);
      return;
    }
  } finally {
    closingAt = outerAt;
    closingMore = outerMore;
  }
}

function shrinkAfterOverflow(th: Coroutine, level: number): void {
  th.stackLimit = MAX_STACK;
  const keep = Math.max(level * 2, 1024);
  if (th.stack.length > keep && level + EXTRA_STACK * 4 < keep) th.stack.length = keep;
  if (th.cis.length > th.ciIdx * 2 + 64) th.cis.length = th.ciIdx * 2 + 64;
}

/** lua_resetthread / coroutine.close: closes the pending variables of a suspended or dead coroutine. Each
 * __close runs as a JS-level call on `co`; errors replace the error value. Returns the final error value
 * (undefined when none). */
export function closeThread(L: State, co: Coroutine, err: LuaValue, hasErr: boolean): LuaValue {
  const top = co.safeTop() + 1;
  co.ciIdx = 0;
  co.closeUpvals(1);
  const saved = L.cur;
  const savedStatus = saved.status;
  if (saved !== co) saved.status = 'normal';
  co.status = 'running';
  L.cur = co;
  try {
    while (co.tbc.length > 0) {
      const idx = co.tbc.pop()!;
      const v = co.stack[idx];
      co.top = top;
      try {
        L.callIn(co, getTM(L, v, '__close'), [v, hasErr ? err : undefined], 0);
      } catch (e) {
        err = toLuaError(L, e).value;
        hasErr = true;
      }
    }
  } finally {
    L.cur = saved;
    saved.status = savedStatus;
  }
  co.status = 'dead';
  co.top = 1;
  co.fresh = false;
  return hasErr ? err : undefined;
}
