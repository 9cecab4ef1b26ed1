/*
 * The debug library (ldblib.c): getinfo, getlocal/setlocal, getupvalue/setupvalue, upvalueid/upvaluejoin,
 * sethook/gethook, traceback, getmetatable/setmetatable for values of any type, getuservalue/setuservalue,
 * getregistry, debug.debug and the deprecated setcstacklimit.
 *
 * It reads the interpreter's frames directly (src/interp: CallInfo records, closures, bytecode debug info), so
 * unlike the other libraries it depends on the interpreter's insides, not only on the LuaState interface.
 *
 * Invariants and conventions:
 *  - Levels are lua_getstack's on the chosen thread: level 0 is that thread's running call (on the running
 *    thread, the debug function itself, a native frame like any other), level 1 its caller, and so on.
 *  - Hooks live on the thread (Coroutine.hook/hookMask/baseHookCount; the VM calls them, see
 *    src/interp/call.ts), and, as ldblib keeps them, in registry._HOOKKEY (a weak-keyed table: thread -> hook).
 *  - Native functions have no upvalues unless they say so: a native's `gcRefs` are its C-closure upvalues
 *    (named "" by getupvalue); coroutine.wrap functions have their coroutine as upvalue 1.
 *  - Userdata have one user value, except io handles (PUC creates them with none), or any userdata that carries
 *    an explicit `nuvalue` count of 0.
 *  - Integer arguments go through C's (int) conversion, as ldblib's casts do (levels, indices, counts).
 */
import { LuaFunction, NativeFunction, NONE, Userdata, isNumber, type LuaValue } from '../runtime/value.js';
import { LuaTable } from '../runtime/table.js';
import { tostringNumber } from '../runtime/number.js';
import {
  argError, checkAny, checkInteger, checkString, optInteger, optString, typeError,
} from '../runtime/auxlib.js';
import type { LuaState } from '../runtime/state.js';
import { chunkid } from '../syntax/chunkid.js';
import type { State } from '../interp/state.js';
import type { CallInfo } from '../interp/callinfo.js';
import { LuaClosure, type UpVal } from '../interp/closure.js';
import { Coroutine, HOOK_CALL, HOOK_RET, HOOK_LINE, HOOK_COUNT } from '../interp/coroutine.js';
import { SpecialFunction, S_WRAP } from '../interp/call.js';
import { activeLines, currentLine, findLocal, funcNameOf, levelIndex, localName } from '../interp/debuginfo.js';
import { traceback } from '../interp/traceback.js';

type Fn = (L: State, args: LuaValue[]) => LuaValue[];

/** A light userdata: what debug.upvalueid returns (a bare identity: no metatable of its own, no user value). */
export class LightUserdata extends Userdata {}

/** C's (int) conversion of a lua_Integer (two's complement wrap to 32 bits). */
function cInt(v: number | bigint): number {
  if (typeof v === 'number' && v >= -0x80000000 && v <= 0x7fffffff) return v;
  return Number(BigInt.asIntN(32, BigInt(v)));
}

function intArg(L: State, args: LuaValue[], i: number): number {
  return cInt(checkInteger(L, args, i));
}

/** ldblib's getthread: an optional thread first argument. Returns the thread and how many arguments it took. */
function threadArg(L: State, args: LuaValue[]): [Coroutine, number] {
  const a = args[0];
  return a instanceof Coroutine ? [a, 1] : [L.cur, 0];
}

function checkFunction(L: State, args: LuaValue[], i: number): LuaFunction {
  const f = args[i - 1];
  if (!(f instanceof LuaFunction)) typeError(L, i, 'function', f, args);
  return f;
}

// ------------------------------------------------------------------------------------ upvalues

/** The upvalues of a native function (a C closure's), or undefined for a native without any. */
function nativeUpvalues(f: LuaFunction): LuaValue[] | undefined {
  if (f instanceof SpecialFunction) return f.special === S_WRAP && f.co !== undefined ? [f.co] : undefined;
  return f instanceof NativeFunction ? f.gcRefs : undefined;
}

function upvalueCount(f: LuaValue): number {
  if (f instanceof LuaClosure) return f.upvals.length;
  if (f instanceof LuaFunction) return nativeUpvalues(f)?.length ?? 0;
  return 0;
}

/** lua_getupvalue/lua_setupvalue's aux_upvalue: the name of upvalue n of f, or undefined when there is none. */
function upvalueName(f: LuaFunction, n: number): string | undefined {
  if (n < 1 || n > upvalueCount(f)) return undefined;
  if (f instanceof LuaClosure) return f.p.upvalues[n - 1]?.name || '(no name)';
  return ''; // C upvalues have no names
}

function getupvalue(L: State, args: LuaValue[]): LuaValue[] {
  const n = intArg(L, args, 2);
  const f = checkFunction(L, args, 1);
  const name = upvalueName(f, n);
  if (name === undefined) return NONE;
  return [name, f instanceof LuaClosure ? f.upvals[n - 1].value : nativeUpvalues(f)![n - 1]];
}

function setupvalue(L: State, args: LuaValue[]): LuaValue[] {
  checkAny(L, args, 3);
  const n = intArg(L, args, 2);
  const f = checkFunction(L, args, 1);
  const name = upvalueName(f, n);
  if (name === undefined) return NONE;
  if (f instanceof LuaClosure) f.upvals[n - 1].value = args[2];
  else if (!(f instanceof SpecialFunction)) nativeUpvalues(f)![n - 1] = args[2];
  return [name];
}

/** Identities of upvalue cells (Lua closures share UpVal objects) and of C-closure upvalue slots. */
const cellIds = new WeakMap<UpVal, LightUserdata>();
const nativeIds = new WeakMap<LuaFunction, LightUserdata[]>();

/** lua_upvalueid: a light userdata equal (==) for the same upvalue, or undefined when there is no upvalue n. */
function upvalueIdOf(f: LuaFunction, n: number): LightUserdata | undefined {
  if (n < 1 || n > upvalueCount(f)) return undefined;
  if (f instanceof LuaClosure) {
    const cell = f.upvals[n - 1];
    let id = cellIds.get(cell);
    if (id === undefined) {
      id = new LightUserdata(cell);
      cellIds.set(cell, id);
    }
    return id;
  }
  let ids = nativeIds.get(f);
  if (ids === undefined) {
    ids = [];
    nativeIds.set(f, ids);
  }
  return (ids[n - 1] ??= new LightUserdata(f));
}

function upvalueid(L: State, args: LuaValue[]): LuaValue[] {
  const n = intArg(L, args, 2);
  const f = checkFunction(L, args, 1);
  return [upvalueIdOf(f, n)];
}

/** ldblib's checkupval for upvaluejoin: the index, after checking that the upvalue exists. */
function checkUpvalue(L: State, args: LuaValue[], argf: number, argn: number): number {
  const n = intArg(L, args, argn);
  const f = checkFunction(L, args, argf);
  if (upvalueIdOf(f, n) === undefined) argError(L, argn, 'invalid upvalue index');
  return n;
}

function upvaluejoin(L: State, args: LuaValue[]): LuaValue[] {
  const n1 = checkUpvalue(L, args, 1, 2);
  const n2 = checkUpvalue(L, args, 3, 4);
  const f1 = args[0], f2 = args[2];
  if (!(f1 instanceof LuaClosure)) argError(L, 1, 'Lua function expected');
  if (!(f2 instanceof LuaClosure)) argError(L, 3, 'Lua function expected');
  f1.upvals[n1 - 1] = f2.upvals[n2 - 1];
  return NONE;
}

// ------------------------------------------------------------------------------------ getinfo

const INFO_OPTIONS = 'SlnrutLf';

/** debug.getinfo([thread,] f | level [, what]): the fields of lua_getinfo selected by `what`, in a table. */
function getinfo(L: State, args: LuaValue[]): LuaValue[] {
  const [th, arg] = threadArg(L, args);
  const options = optString(L, args, arg + 2, 'flnSrtu');
  if (options[0] === '>') argError(L, arg + 2, "invalid option '>'");
  const target = args[arg];
  let fn: LuaValue;
  let idx = -1;
  if (target instanceof LuaFunction) fn = target;
  else {
    idx = levelIndex(th, intArg(L, args, arg + 1));
    if (idx < 0) return [undefined]; // level out of range
    const ci = th.cis[idx];
    fn = ci.closure ?? ci.fn;
  }
  for (let i = 0; i < options.length; i++) {
    if (!INFO_OPTIONS.includes(options[i])) argError(L, arg + 2, 'invalid option');
  }
  const ci = idx < 0 ? undefined : th.cis[idx];
  const t = new LuaTable();
  if (options.includes('S')) sourceInfo(t, fn);
  if (options.includes('l')) t.setStr('currentline', ci !== undefined && ci.closure !== undefined ? currentLine(ci) : -1);
  if (options.includes('u')) {
    t.setStr('nups', upvalueCount(fn));
    const p = fn instanceof LuaClosure ? fn.p : undefined;
    t.setStr('nparams', p !== undefined ? p.numparams : 0);
    t.setStr('isvararg', p !== undefined ? p.isVararg : true);
  }
  if (options.includes('n')) {
    const nm = ci !== undefined ? funcNameOf(th, idx) : undefined;
    if (nm !== undefined) t.setStr('name', nm[1]);
    t.setStr('namewhat', nm !== undefined ? nm[0] : '');
  }
  if (options.includes('r')) transferInfo(t, ci);
  if (options.includes('t')) t.setStr('istailcall', ci !== undefined && ci.tail);
  if (options.includes('L')) t.setStr('activelines', activeLinesTable(fn));
  if (options.includes('f')) t.setStr('func', fn);
  return [t];
}

/** The 'S' fields: source, short_src, linedefined, lastlinedefined, what. */
function sourceInfo(t: LuaTable, fn: LuaValue): void {
  let source: string;
  if (fn instanceof LuaClosure) {
    const p = fn.p;
    source = p.source;
    t.setStr('linedefined', p.linedefined);
    t.setStr('lastlinedefined', p.lastlinedefined);
    t.setStr('what', p.linedefined === 0 ? 'main' : 'Lua');
  } else {
    source = '=[C]';
    t.setStr('linedefined', -1);
    t.setStr('lastlinedefined', -1);
    t.setStr('what', 'C');
  }
  t.setStr('source', source);
  t.setStr('short_src', chunkid(source));
}

/** The 'r' fields: what a call or return hook running over this call transfers (parameters or results, as
 * local indices); zero outside such hooks. */
function transferInfo(t: LuaTable, ci: CallInfo | undefined): void {
  const on = ci !== undefined && ci.hooked && ci.ntransfer !== 0;
  t.setStr('ftransfer', on ? ci.ftransfer : 0);
  t.setStr('ntransfer', on ? ci.ntransfer : 0);
}

/** The 'L' field: a set of the lines with code (nil for natives; empty for stripped functions). */
function activeLinesTable(fn: LuaValue): LuaTable | undefined {
  const lines = activeLines(fn);
  if (lines === undefined) return undefined;
  const t = new LuaTable();
  for (const l of lines) t.set(l, true);
  return t;
}

// ------------------------------------------------------------------------------------ locals

/** The stack index of a level argument, or an error "level out of range". */
function checkLevel(L: State, th: Coroutine, args: LuaValue[], i: number): number {
  const idx = levelIndex(th, intArg(L, args, i));
  if (idx < 0) argError(L, i, 'level out of range');
  return idx;
}

/** debug.getlocal([thread,] f | level, n): name and value of local n (parameter names only, for a function). */
function getlocal(L: State, args: LuaValue[]): LuaValue[] {
  const [th, arg] = threadArg(L, args);
  const n = intArg(L, args, arg + 2);
  const target = args[arg];
  if (target instanceof LuaFunction) {
    return [target instanceof LuaClosure ? localName(target.p, n, 0) : undefined];
  }
  const idx = checkLevel(L, th, args, arg + 1);
  const r = findLocal(th, idx, n);
  if (r === undefined) return [undefined];
  return [r[0], th.stack[r[1]]];
}

function setlocal(L: State, args: LuaValue[]): LuaValue[] {
  const [th, arg] = threadArg(L, args);
  const level = intArg(L, args, arg + 1);
  const n = intArg(L, args, arg + 2);
  const idx = levelIndex(th, level);
  if (idx < 0) argError(L, arg + 1, 'level out of range');
  checkAny(L, args, arg + 3);
  const r = findLocal(th, idx, n);
  if (r === undefined) return [undefined];
  th.stack[r[1]] = args[arg + 2];
  return [r[0]];
}

// ------------------------------------------------------------------------------------ hooks

const HOOKKEY = '_HOOKKEY';

/** registry._HOOKKEY, created on first use as ldblib creates it: weak keys, its own metatable. */
function hookTable(L: State): LuaTable {
  const t = L.registry.getStr(HOOKKEY);
  if (t instanceof LuaTable) return t;
  const ht = new LuaTable();
  ht.setStr('__mode', 'k');
  ht.metatable = ht;
  L.registry.setStr(HOOKKEY, ht);
  return ht;
}

/** debug.sethook([thread,] hook, mask [, count]), or debug.sethook([thread]) to turn hooks off. */
function sethook(L: State, args: LuaValue[]): LuaValue[] {
  const [th, arg] = threadArg(L, args);
  const hook = args[arg];
  let mask = 0;
  let count = 0;
  if (hook !== undefined) {
    const smask = checkString(L, args, arg + 2);
    if (!(hook instanceof LuaFunction)) typeError(L, arg + 1, 'function', hook, args);
    count = cInt(optInteger(L, args, arg + 3, 0));
    if (smask.includes('c')) mask |= HOOK_CALL;
    if (smask.includes('r')) mask |= HOOK_RET;
    if (smask.includes('l')) mask |= HOOK_LINE;
    if (count > 0) mask |= HOOK_COUNT;
  }
  hookTable(L).set(th, hook);
  // lua_sethook: no function or an empty mask turns hooks off; the count is kept either way
  th.hook = mask === 0 ? undefined : hook;
  th.hookMask = mask;
  th.baseHookCount = count;
  th.hookCount = count;
  return NONE;
}

function gethook(L: State, args: LuaValue[]): LuaValue[] {
  const [th] = threadArg(L, args);
  const mask = th.hookMask;
  if (mask === 0) return [undefined];
  let smask = '';
  if (mask & HOOK_CALL) smask += 'c';
  if (mask & HOOK_RET) smask += 'r';
  if (mask & HOOK_LINE) smask += 'l';
  return [hookTable(L).get(th), smask, th.baseHookCount];
}

// ------------------------------------------------------------------------------------ traceback, debug.debug

/** debug.traceback([thread,] [msg [, level]]): a message that is neither a string nor a number (nor absent)
 * comes back untouched. */
function tracebackFn(L: State, args: LuaValue[]): LuaValue[] {
  const [th, arg] = threadArg(L, args);
  const msg = args[arg];
  if (msg !== undefined && typeof msg !== 'string' && !isNumber(msg)) return [msg];
  const level = cInt(optInteger(L, args, arg + 2, th === L.cur ? 1 : 0));
  const text = msg === undefined ? undefined : typeof msg === 'string' ? msg : tostringNumber(msg);
  return [traceback(L, text, level, th)];
}

/** One line of standard input as fgets reads it into ldblib's 250-byte buffer (with its '\n'), or undefined
 * at end of file. */
function readCommand(L: State): string | undefined {
  const stdin = L.host?.stdin;
  if (stdin === undefined) return undefined;
  let line = '';
  while (line.length < 249) {
    const c = stdin.read(1, 0);
    if (c === '') break;
    line += c;
    if (c === '\n') break;
  }
  return line === '' ? undefined : line;
}

/** debug.debug(): runs each line of standard input until "cont" or end of file; errors are printed. */
function debugLoop(L: State): LuaValue[] {
  for (;;) {
    L.stderr.write('lua_debug> ');
    L.stderr.flush();
    L.stdout.flush();
    const line = readCommand(L);
    if (line === undefined || line === 'cont\n') return NONE;
    const f = L.load(line, '=(debug command)', 'bt');
    let err: LuaValue;
    let failed = false;
    if (Array.isArray(f)) {
      failed = true;
      err = f[1];
    } else {
      const r = L.pcall(f, []);
      if (!r.ok) {
        failed = true;
        err = r.error;
      }
    }
    if (failed) {
      L.stderr.write(L.tostring(err) + '\n');
      L.stderr.flush();
    }
  }
}

// ------------------------------------------------------------------------------------ metatables, user values

function setmetatable(L: State, args: LuaValue[]): LuaValue[] {
  const mt = args[1];
  if (!(mt === undefined && args.length >= 2) && !(mt instanceof LuaTable)) typeError(L, 2, 'nil or table', mt, args);
  L.setMetatableOf(args[0], mt);
  return [args[0]];
}

/** How many user values a full userdata has (see the header). */
function userValueCount(L: State, u: Userdata): number {
  const n = (u as { nuvalue?: unknown }).nuvalue;
  if (typeof n === 'number') return n;
  const fileMt = L.registry.getStr('FILE*');
  return fileMt !== undefined && u.metatable === fileMt ? 0 : 1;
}

function isFullUserdata(v: LuaValue): v is Userdata {
  return v instanceof Userdata && !(v instanceof LightUserdata);
}

function getuservalue(L: State, args: LuaValue[]): LuaValue[] {
  const n = cInt(optInteger(L, args, 2, 1));
  const u = args[0];
  if (!isFullUserdata(u)) return [undefined];
  if (n !== 1 || userValueCount(L, u) < 1) return [undefined]; // lua_getiuservalue: no such value (LUA_TNONE)
  return [u.uservalue, true];
}

function setuservalue(L: State, args: LuaValue[]): LuaValue[] {
  const n = cInt(optInteger(L, args, 3, 1));
  const u = args[0];
  if (!isFullUserdata(u)) {
    if (u instanceof LightUserdata) argError(L, 1, 'userdata expected, got light userdata');
    typeError(L, 1, 'userdata', u, args);
  }
  checkAny(L, args, 2);
  if (n !== 1 || userValueCount(L, u) < 1) return [undefined];
  u.uservalue = args[1];
  return [u];
}

// ------------------------------------------------------------------------------------ the library

/** Opens the debug library and returns its table. */
export function openDebug(_L: LuaState): LuaTable {
  const t = new LuaTable();
  const reg = (name: string, fn: Fn): void => t.setStr(name, new NativeFunction(name, fn));
  reg('debug', debugLoop);
  reg('getuservalue', getuservalue);
  reg('gethook', gethook);
  reg('getinfo', getinfo);
  reg('getlocal', getlocal);
  reg('getregistry', (L) => [L.registry]);
  reg('getmetatable', (L, args) => {
    checkAny(L, args, 1);
    return [L.getMetatable(args[0])];
  });
  reg('getupvalue', getupvalue);
  reg('upvaluejoin', upvaluejoin);
  reg('upvalueid', upvalueid);
  reg('setuservalue', setuservalue);
  reg('sethook', sethook);
  reg('setlocal', setlocal);
  reg('setmetatable', setmetatable);
  reg('setupvalue', setupvalue);
  reg('traceback', tracebackFn);
  // deprecated in 5.4: does nothing and answers LUAI_MAXCCALLS
  reg('setcstacklimit', (L, args) => {
    checkInteger(L, args, 1);
    return [200];
  });
  return t;
}
