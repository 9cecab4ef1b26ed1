/*
 * The VM's slow paths: metamethod dispatch for indexing, arithmetic, comparison, concatenation, length and
 * to-be-closed variables, plus runtime errors carrying variable names, and the completion of an instruction
 * after its metamethod returns (finishOp, as PUC's luaV_finishOp).
 *
 * Protocol with the dispatch loop (vm.ts): a slow path either completes the instruction (writing its result)
 * and returns false, or starts a metamethod call and returns true. A metamethod call goes through callValue
 * with F_MM: a Lua metamethod gets a frame of its own (no JS recursion, so it can yield), a native one runs at
 * once; either way, when it returns, finishOp completes the interrupted instruction of the caller (storing
 * the result, doing the conditional jump, continuing a CONCAT, repeating a CLOSE/RETURN). After `true` the
 * loop reloads its state from the thread.
 *
 * Operand descriptors (for "(local 'x')"-style variable info): >= 0 is a register of the running frame,
 * -1 - i is upvalue i, NODESC means no information (constants, immediates, temporaries of natives).
 */
import { LFloat, LuaFunction, LuaObject, Userdata, typeName, truthy, type LuaValue } from '../runtime/value.js';
import { LuaError } from '../runtime/errors.js';
import { LuaTable } from '../runtime/table.js';
import { tostringNumber, numLessThan, numLessEqual, numEquals, tonumber, flttointeger, addNum } from '../runtime/number.js';
import { Op } from '../compiler/opcodes.js';
import type { State } from './state.js';
import type { CallInfo } from './callinfo.js';
import { F_MM } from './callinfo.js';
import { EXTRA_STACK, ErrorInErrorHandling, type Coroutine } from './coroutine.js';
import {
  TM_EVENTS, TM_INDEX, TM_NEWINDEX, TM_LEN, TM_EQ, TM_LT, TM_LE, TM_CONCAT, TM_CLOSE,
  varInfoReg, varInfoUpval, whereOf, findLocal,
} from './debuginfo.js';
import { callValue } from './call.js';

export const NODESC = -0x7fffffff;
/** LUAI_MAXCCALLS: nesting of JS-level calls, metamethods and resumes before "C stack overflow". */
export const MAX_CCALLS = 200;
/** MAXTAGLOOP: length limit of __index/__newindex chains. */
const MAX_TAG_LOOP = 2000;

// ------------------------------------------------------------------------------------ metatables

export function getMetatable(L: State, v: LuaValue): LuaTable | undefined {
  if (v instanceof LuaObject) return v.metatable as LuaTable | undefined;
  switch (typeof v) {
    case 'string': return L.mtString;
    case 'number': case 'bigint': return L.mtNumber;
    case 'boolean': return L.mtBoolean;
    case 'undefined': return L.mtNil;
    default:
      if (v instanceof LFloat) return L.mtNumber;
      if (v instanceof LuaFunction) return L.mtFunction;
      return L.mtThread;
  }
}

/** A metamethod of `v` (raw field of its metatable), or undefined. */
export function getTM(L: State, v: LuaValue, event: string): LuaValue {
  const mt = v instanceof LuaTable ? v.metatable : getMetatable(L, v);
  return mt === undefined ? undefined : mt.getStr(event);
}

/** Type name for messages: a string `__name` in the metatable of tables and userdata, else the type. */
export function objTypeName(L: State, v: LuaValue): string {
  if (v instanceof LuaTable || v instanceof Userdata) {
    const mt = v.metatable;
    if (mt !== undefined) {
      const n = mt.getStr('__name');
      if (typeof n === 'string') return n;
    }
  }
  return typeName(v);
}

function isNum(v: LuaValue): v is number | bigint | LFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat;
}

// ------------------------------------------------------------------------------------ errors

/** The running frame of the current thread. */
function topCI(L: State): CallInfo {
  const th = L.cur;
  return th.cis[th.ciIdx];
}

/** "chunk:line:" of the running function when it is Lua code, else ''. */
export function wherePrefix(L: State): string {
  const ci = topCI(L);
  return ci.closure !== undefined ? whereOf(ci) + ' ' : '';
}

/** luaG_runerror: raises msg with the position of the running Lua function. */
export function rtError(L: State, msg: string): never {
  throw new LuaError(wherePrefix(L) + msg);
}

function varInfo(L: State, desc: number): string {
  const ci = topCI(L);
  if (desc >= 0) return varInfoReg(ci, desc);
  if (desc > NODESC) return varInfoUpval(ci, -1 - desc);
  return '';
}

/** luaG_typeerror: "attempt to <op> a <type> value (<varinfo>)". */
export function typeErrorVM(L: State, v: LuaValue, op: string, desc: number): never {
  rtError(L, `attempt to ${op} a ${objTypeName(L, v)} value${varInfo(L, desc)}`);
}

function opIntError(L: State, p1: LuaValue, p2: LuaValue, msg: string, d1: number, d2: number): never {
  if (!isNum(p1)) typeErrorVM(L, p1, msg, d1);
  typeErrorVM(L, p2, msg, d2);
}

/** Integer value of a number without string coercion (floats only when exact), else undefined. */
export function toIntNs(v: LuaValue): number | bigint | undefined {
  if (typeof v === 'number') return Math.floor(v) === v ? v : undefined;
  if (typeof v === 'bigint') return v;
  if (v instanceof LFloat) return flttointeger(v.n, 'eq');
  return undefined;
}

function arithError(L: State, p1: LuaValue, p2: LuaValue, event: number, d1: number, d2: number): never {
  const bitwise = event >= 13 && event <= 19 && event !== 18; // BAND..SHR, BNOT
  if (bitwise) {
    if (isNum(p1) && isNum(p2)) {
      const d = toIntNs(p1) === undefined ? d1 : d2;
      rtError(L, `number${varInfo(L, d)} has no integer representation`);
    }
    opIntError(L, p1, p2, 'perform bitwise operation on', d1, d2);
  }
  opIntError(L, p1, p2, 'perform arithmetic on', d1, d2);
}

export function orderError(L: State, p1: LuaValue, p2: LuaValue): never {
  const t1 = objTypeName(L, p1);
  const t2 = objTypeName(L, p2);
  if (t1 === t2) rtError(L, `attempt to compare two ${t1} values`);
  rtError(L, `attempt to compare ${t1} with ${t2}`);
}

/** Counts one more nested metamethod/JS-level call, raising "C stack overflow" at the limit. */
export function enterCcall(L: State): void {
  const n = ++L.nCcalls;
  if (n >= MAX_CCALLS) {
    if (n === MAX_CCALLS) rtError(L, 'C stack overflow');
    if (n >= (MAX_CCALLS / 10) * 11) throw new ErrorInErrorHandling();
  }
}

// ------------------------------------------------------------------------------------ calling metamethods

/** Calls metamethod `tm` with 2 or 3 arguments, its frame at stack slot `f`, for the running instruction. */
function callMM(L: State, th: Coroutine, f: number, tm: LuaValue, a1: LuaValue, a2: LuaValue, a3: LuaValue, nargs: number, nres: number): true {
  const s = th.stack;
  if (f + 4 + EXTRA_STACK > s.length) th.grow(f + 4 + EXTRA_STACK);
  enterCcall(L);
  s[f] = tm;
  s[f + 1] = a1;
  s[f + 2] = a2;
  if (nargs === 3) s[f + 3] = a3;
  th.top = f + 1 + nargs;
  callValue(L, th, f, nargs, nres, F_MM);
  return true;
}

// ------------------------------------------------------------------------------------ indexing

/** R[dest] := t[key] when the fast path failed. `desc` describes t for error messages. */
export function vmGet(L: State, th: Coroutine, ci: CallInfo, t: LuaValue, key: LuaValue, dest: number, desc: number): boolean {
  for (let loop = 0; loop < MAX_TAG_LOOP; loop++) {
    let tm: LuaValue;
    if (t instanceof LuaTable) {
      const v = t.get(key);
      if (v !== undefined) {
        th.stack[dest] = v;
        return false;
      }
      const mt = t.metatable;
      if (mt === undefined || (tm = mt.getStr('__index')) === undefined) {
        th.stack[dest] = undefined;
        return false;
      }
    } else {
      tm = getTM(L, t, '__index');
      if (tm === undefined) typeErrorVM(L, t, 'index', desc);
    }
    if (tm instanceof LuaFunction) return callMM(L, th, ci.top, tm, t, key, undefined, 2, 1);
    t = tm;
    desc = NODESC;
  }
  rtError(L, "'__index' chain too long; possible loop");
}

function rawSetChecked(L: State, t: LuaTable, key: LuaValue, v: LuaValue): void {
  if (key === undefined) rtError(L, 'table index is nil');
  if (typeof key === 'number' && key !== key) rtError(L, 'table index is NaN');
  t.set(key, v);
}

/** t[key] := v when the fast path failed. */
export function vmSet(L: State, th: Coroutine, ci: CallInfo, t: LuaValue, key: LuaValue, v: LuaValue, desc: number): boolean {
  for (let loop = 0; loop < MAX_TAG_LOOP; loop++) {
    let tm: LuaValue;
    if (t instanceof LuaTable) {
      const mt = t.metatable;
      if (mt === undefined || (tm = mt.getStr('__newindex')) === undefined || t.get(key) !== undefined) {
        rawSetChecked(L, t, key, v);
        return false;
      }
    } else {
      tm = getTM(L, t, '__newindex');
      if (tm === undefined) typeErrorVM(L, t, 'index', desc);
    }
    if (tm instanceof LuaFunction) return callMM(L, th, ci.top, tm, t, key, v, 3, 0);
    t = tm;
    desc = NODESC;
  }
  rtError(L, "'__newindex' chain too long; possible loop");
}

// ------------------------------------------------------------------------------------ arithmetic, length

/** The MMBIN family and UNM/BNOT fallbacks: p1 op p2 through the metamethod of `event` (TM number). */
export function vmArith(L: State, th: Coroutine, ci: CallInfo, p1: LuaValue, p2: LuaValue, event: number, d1: number, d2: number): boolean {
  const ev = TM_EVENTS[event];
  let tm = getTM(L, p1, ev);
  if (tm === undefined) tm = getTM(L, p2, ev);
  if (tm === undefined) arithError(L, p1, p2, event, d1, d2);
  return callMM(L, th, ci.top, tm, p1, p2, undefined, 2, 1);
}

/** R[dest] := #v */
export function vmLen(L: State, th: Coroutine, ci: CallInfo, v: LuaValue, dest: number, desc: number): boolean {
  let tm: LuaValue;
  if (v instanceof LuaTable) {
    tm = v.metatable === undefined ? undefined : v.metatable.getStr('__len');
    if (tm === undefined) {
      th.stack[dest] = v.length();
      return false;
    }
  } else if (typeof v === 'string') {
    th.stack[dest] = v.length;
    return false;
  } else {
    tm = getTM(L, v, '__len');
    if (tm === undefined) typeErrorVM(L, v, 'get length of', desc);
  }
  return callMM(L, th, ci.top, tm, v, v, undefined, 2, 1);
}

// ------------------------------------------------------------------------------------ comparisons

/** `a < b` (event TM_LT) or `a <= b` (TM_LE) beyond number/number: 0 or 1, or 2 when a metamethod was called
 * (the conditional jump is then done by finishOp). */
export function vmOrder(L: State, th: Coroutine, ci: CallInfo, a: LuaValue, b: LuaValue, event: number): number {
  if (isNum(a) && isNum(b)) return (event === TM_LT ? numLessThan(a, b) : numLessEqual(a, b)) ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return (event === TM_LT ? a < b : a <= b) ? 1 : 0;
  const ev = TM_EVENTS[event];
  let tm = getTM(L, a, ev);
  if (tm === undefined) tm = getTM(L, b, ev);
  if (tm !== undefined) {
    callMM(L, th, ci.top, tm, a, b, undefined, 2, 1);
    return 2;
  }
  if (event === TM_LE) {
    // LUA_COMPAT_LT_LE (lua5.4 as built by Debian): a <= b as not (b < a)
    tm = getTM(L, b, '__lt');
    if (tm === undefined) tm = getTM(L, a, '__lt');
    if (tm !== undefined) {
      ci.leq = true;
      callMM(L, th, ci.top, tm, b, a, undefined, 2, 1);
      return 2;
    }
  }
  orderError(L, a, b);
}

/** `a == b` for values that are not primitively equal: 0/1, or 2 when __eq was called. */
export function vmEq(L: State, th: Coroutine, ci: CallInfo, a: LuaValue, b: LuaValue): number {
  if (isNum(a) && isNum(b)) return numEquals(a, b) ? 1 : 0;
  let tm: LuaValue;
  if (a instanceof LuaTable && b instanceof LuaTable) {
    tm = a.metatable?.getStr('__eq');
    if (tm === undefined) tm = b.metatable?.getStr('__eq');
  } else if (a instanceof Userdata && b instanceof Userdata) {
    tm = (a.metatable as LuaTable | undefined)?.getStr('__eq');
    if (tm === undefined) tm = (b.metatable as LuaTable | undefined)?.getStr('__eq');
  } else {
    return 0;
  }
  if (tm === undefined) return 0;
  callMM(L, th, ci.top, tm, a, b, undefined, 2, 1);
  return 2;
}

// ------------------------------------------------------------------------------------ concatenation

function isStringLike(v: LuaValue): boolean {
  return typeof v === 'string' || isNum(v);
}

function strOf(v: LuaValue): string {
  return typeof v === 'string' ? v : tostringNumber(v as number | bigint | LFloat);
}

/** luaV_concat over stack[first .. first + total): pairs from the right, metamethods where needed. The result
 * ends in stack[first]. Returns true when a __concat metamethod was called. */
export function vmConcat(L: State, th: Coroutine, ci: CallInfo, first: number, total: number): boolean {
  const s = th.stack;
  while (total > 1) {
    const top = first + total;
    const a = s[top - 2];
    const b = s[top - 1];
    if (!isStringLike(a) || !isStringLike(b)) {
      let tm = getTM(L, a, '__concat');
      if (tm === undefined) tm = getTM(L, b, '__concat');
      if (tm === undefined) {
        const bad = isStringLike(a) ? top - 1 : top - 2;
        typeErrorVM(L, s[bad], 'concatenate', bad - ci.base);
      }
      // the call sits at `top`: finishOp knows from there where the pending operands end
      return callMM(L, th, top, tm, a, b, undefined, 2, 1);
    }
    let n = 2;
    while (n < total && isStringLike(s[top - n - 1])) n++;
    let r = '';
    for (let j = top - n; j < top; j++) r += strOf(s[j]);
    s[top - n] = r;
    total -= n - 1;
  }
  return false;
}

// ------------------------------------------------------------------------------------ to-be-closed variables

/** OP_TBC: registers stack[idx] as to-be-closed (nil and false need no closing). */
export function newTbc(L: State, th: Coroutine, ci: CallInfo, idx: number): void {
  const v = th.stack[idx];
  if (v === undefined || v === false) return;
  if (getTM(L, v, '__close') === undefined) {
    const r = findLocal(th, th.ciIdx, idx - ci.base + 1);
    rtError(L, `variable '${r === undefined ? '?' : r[0]}' got a non-closable value`);
  }
  th.tbc.push(idx);
}

/** Calls __close(v, err) for the next pending variable at or above `level`, with the frame at `at` (-1: just
 * above the variable, everything above it being dead, as when unwinding after an error) and `flags`.
 * Returns false when no variable is pending. */
export function closeNextTbc(L: State, th: Coroutine, level: number, err: LuaValue, at: number, flags: number): boolean {
  const list = th.tbc;
  if (list.length === 0 || list[list.length - 1] < level) return false;
  const idx = list.pop()!;
  const s = th.stack;
  const v = s[idx];
  if (at < 0) at = idx + 1;
  if (at + 3 + EXTRA_STACK > s.length) th.grow(at + 3 + EXTRA_STACK);
  enterCcall(L);
  s[at] = getTM(L, v, '__close');
  s[at + 1] = v;
  s[at + 2] = err;
  th.top = at + 3;
  callValue(L, th, at, 2, 0, flags);
  return true;
}

// ------------------------------------------------------------------------------------ finishing instructions

/** Completes the instruction of Lua frame `ci` interrupted by a metamethod whose result is at stack[res]. */
export function finishOp(L: State, th: Coroutine, ci: CallInfo, res: number): void {
  const code = ci.closure!.p.code;
  const inst = code[ci.savedpc - 1];
  const s = th.stack;
  const base = ci.base;
  switch (inst & 0x7f) {
    case Op.MMBIN: case Op.MMBINI: case Op.MMBINK:
      s[base + ((code[ci.savedpc - 2] >>> 7) & 0xff)] = s[res];
      break;
    case Op.UNM: case Op.BNOT: case Op.LEN: case Op.GETTABUP: case Op.GETTABLE: case Op.GETI:
    case Op.GETFIELD: case Op.SELF:
      s[base + ((inst >>> 7) & 0xff)] = s[res];
      break;
    case Op.LT: case Op.LE: case Op.LTI: case Op.LEI: case Op.GTI: case Op.GEI: case Op.EQ: {
      let r = truthy(s[res]);
      if (ci.leq) {
        ci.leq = false;
        r = !r;
      }
      // the next instruction is the jump: skip it when the condition failed
      if ((r ? 1 : 0) !== ((inst >>> 15) & 1)) ci.savedpc++;
      break;
    }
    case Op.CONCAT: {
      const a = base + ((inst >>> 7) & 0xff);
      s[res - 2] = s[res];
      th.top = res - 1;
      vmConcat(L, th, ci, a, res - 1 - a);
      break;
    }
    case Op.CLOSE:
      ci.savedpc--; // repeat it to close the other variables
      break;
    case Op.RETURN:
      th.top = base + ((inst >>> 7) & 0xff) + ci.nres;
      ci.savedpc--; // repeat it to close the other variables and return
      break;
    default:
      break; // __newindex and __close calls have nothing to finish
  }
}

// ------------------------------------------------------------------------------------ numeric for

/** OP_FORPREP beyond the all-small-integers case. Returns true when the loop must be skipped. */
export function forPrep(L: State, th: Coroutine, ra: number): boolean {
  const s = th.stack;
  const init = s[ra], plimit = s[ra + 1], pstep = s[ra + 2];
  if (isIntVal(init) && isIntVal(pstep)) {
    const step = pstep as number | bigint;
    if (step === 0 || step === 0n) rtError(L, "'for' step is zero");
    const stepNeg = step < 0;
    let limit = tointegerFor(plimit, stepNeg);
    if (limit === undefined) {
      const fl = tonumber(plimit);
      if (fl === undefined) forError(L, plimit, 'limit');
      const f = typeof fl === 'number' ? fl : fl instanceof LFloat ? fl.n : Number(fl);
      if (f > 0) {
        if (stepNeg) return true;
        limit = 0x7fffffffffffffffn;
      } else {
        if (!stepNeg) return true;
        limit = -0x8000000000000000n;
      }
    }
    const i0 = init as number | bigint;
    if (stepNeg ? i0 < limit : i0 > limit) return true;
    const bi = BigInt(i0), bl = BigInt(limit), bs = BigInt(step);
    let count: bigint;
    if (!stepNeg) count = BigInt.asUintN(64, bl - bi) / BigInt.asUintN(64, bs);
    else count = BigInt.asUintN(64, bi - bl) / (BigInt.asUintN(64, -(bs + 1n)) + 1n);
    // the loop in vm.ts counts with JS numbers only when every index stays a safe integer
    const small = typeof i0 === 'number' && typeof limit === 'number' && typeof step === 'number';
    s[ra + 1] = small ? Number(count) : count;
    s[ra + 3] = i0;
    return false;
  }
  const limit = tonumber(plimit);
  if (limit === undefined) forError(L, plimit, 'limit');
  const step = tonumber(pstep);
  if (step === undefined) forError(L, pstep, 'step');
  const init0 = tonumber(init);
  if (init0 === undefined) forError(L, init, 'initial value');
  const fl = dbl(limit), fs = dbl(step), fi = dbl(init0);
  if (fs === 0) rtError(L, "'for' step is zero");
  if (0 < fs ? fl < fi : fi < fl) return true;
  s[ra] = mkflt(fi);
  s[ra + 1] = mkflt(fl);
  s[ra + 2] = mkflt(fs);
  s[ra + 3] = mkflt(fi);
  return false;
}

function isIntVal(v: LuaValue): boolean {
  return (typeof v === 'number' && Math.floor(v) === v) || typeof v === 'bigint';
}

function isNumVal(v: LuaValue): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat;
}

/** A numeric for's hidden state is only ever changed by debug.setlocal; lua5.4 then reads it as whatever type
 * the loop started with (undefined behaviour). Here: an error, never a host exception. */
function badForState(L: State): never {
  rtError(L, "'for' loop state is not a number (changed by debug.setlocal)");
}

function dbl(v: number | bigint | LFloat): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
}

function mkflt(x: number): number | LFloat {
  return Math.floor(x) === x ? new LFloat(x) : x;
}

/** forlimit's conversion: the limit as an integer, rounding toward the loop's direction. */
function tointegerFor(v: LuaValue, stepNeg: boolean): number | bigint | undefined {
  const n = typeof v === 'string' ? tonumber(v) : v;
  if (typeof n === 'number') return Math.floor(n) === n ? n : flttointeger(n, stepNeg ? 'ceil' : 'floor');
  if (typeof n === 'bigint') return n;
  if (n instanceof LFloat) return flttointeger(n.n, stepNeg ? 'ceil' : 'floor');
  return undefined;
}

function forError(L: State, v: LuaValue, what: string): never {
  rtError(L, `bad 'for' ${what} (number expected, got ${objTypeName(L, v)})`);
}

/** OP_FORLOOP beyond the small-integer case. Returns true to jump back. */
export function forLoop(L: State, th: Coroutine, ra: number): boolean {
  const s = th.stack;
  const step = s[ra + 2];
  if (isIntVal(step)) {
    const count = s[ra + 1] as number | bigint;
    if (!isIntVal(count) || !isIntVal(s[ra])) badForState(L);
    if (count === 0 || count === 0n) return false;
    s[ra + 1] = typeof count === 'bigint' ? count - 1n : count - 1;
    const idx = addNum(s[ra] as number | bigint, step as number | bigint);
    s[ra] = idx;
    s[ra + 3] = idx;
    return true;
  }
  if (!isNumVal(step) || !isNumVal(s[ra + 1]) || !isNumVal(s[ra])) badForState(L);
  const fs = dbl(step as number | LFloat);
  const fl = dbl(s[ra + 1] as number | LFloat);
  const idx = dbl(s[ra] as number | LFloat) + fs;
  if (0 < fs ? idx <= fl : fl <= idx) {
    const v = mkflt(idx);
    s[ra] = v;
    s[ra + 3] = v;
    return true;
  }
  return false;
}
