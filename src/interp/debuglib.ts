/*
 * The debug library (ldblib.c) on top of the interpreter's frames: getinfo, getlocal/setlocal,
 * getupvalue/setupvalue, upvalueid/upvaluejoin, sethook/gethook, traceback, get/setmetatable for any type,
 * get/setuservalue, getregistry, debug.debug. It lives with the interpreter because it reads CallInfo
 * records and bytecode directly; src/lib/init.ts registers it like any other library (openDebug).
 *
 * Levels are those of lua_getstack on the chosen thread: level 0 is the running function (for the running
 * thread, the debug function itself), level 1 its caller, and so on.
 */
import { LuaFunction, NativeFunction, NONE, Userdata, isNumber, type LuaValue } from '../runtime/value.js';
import { LuaTable } from '../runtime/table.js';
import {
  argError, checkAny, checkInteger, checkString, optInteger, optString, typeError,
} from '../runtime/auxlib.js';
import type { LuaState } from '../runtime/state.js';
import type { State } from './state.js';
import { LuaClosure, UpVal } from './closure.js';
import { Coroutine, HOOK_CALL, HOOK_RET, HOOK_LINE, HOOK_COUNT } from './coroutine.js';
import { activeLines, findLocal, infoAt, infoOfFunction, levelIndex, localName, type ActivationInfo } from './debuginfo.js';
import { traceback } from './traceback.js';

type Fn = (L: State, args: LuaValue[]) => LuaValue[];

/** getthread: an optional thread first argument; returns the thread and the offset of the other arguments. */
function getThread(L: State, args: LuaValue[]): [Coroutine, number] {
  const a = args[0];
  if (a instanceof Coroutine) return [a, 1];
  return [L.cur, 0];
}

const VALID_OPTIONS = 'SlnrutLf';

function fillInfo(L: State, t: LuaTable, ar: ActivationInfo, options: string, hasLevel: boolean): void {
  if (options.includes('S')) {
    t.setStr('source', ar.source);
    t.setStr('short_src', ar.short_src);
    t.setStr('linedefined', ar.linedefined);
    t.setStr('lastlinedefined', ar.lastlinedefined);
    t.setStr('what', ar.what);
  }
  if (options.includes('l')) t.setStr('currentline', hasLevel ? ar.currentline : -1);
  if (options.includes('u')) {
    t.setStr('nups', ar.nups);
    t.setStr('nparams', ar.nparams);
    t.setStr('isvararg', ar.isvararg);
  }
  if (options.includes('n')) {
    if (ar.name !== undefined) t.setStr('name', ar.name);
    t.setStr('namewhat', ar.namewhat);
  }
  if (options.includes('r')) {
    t.setStr('ftransfer', ar.ftransfer);
    t.setStr('ntransfer', ar.ntransfer);
  }
  if (options.includes('t')) t.setStr('istailcall', ar.istailcall);
  if (options.includes('L')) {
    const lines = activeLines(ar.func);
    if (lines !== undefined) {
      const lt = new LuaTable();
      for (const l of lines) lt.setInt(l, true);
      t.setStr('activelines', lt);
    }
  }
  if (options.includes('f')) t.setStr('func', ar.func);
  void L;
}

function getinfo(L: State, args: LuaValue[]): LuaValue[] {
  const [th, arg] = getThread(L, args);
  const options = optString(L, args, arg + 2, 'flnSrtu');
  if (options[0] === '>') argError(L, arg + 2, "invalid option '>'");
  for (const c of options) if (!VALID_OPTIONS.includes(c)) argError(L, arg + 2, 'invalid option');
  const f = args[arg];
  let ar: ActivationInfo;
  let hasLevel: boolean;
  if (f instanceof LuaFunction) {
    ar = infoOfFunction(f);
    hasLevel = false;
  } else {
    const level = checkInteger(L, args, arg + 1);
    const idx = levelIndex(th, typeof level === 'bigint' ? -1 : level);
    if (idx < 0) return [undefined];
    ar = infoAt(th, idx);
    hasLevel = true;
  }
  const t = new LuaTable();
  fillInfo(L, t, ar, options, hasLevel);
  return [t];
}

function checkLevel(L: State, th: Coroutine, args: LuaValue[], argn: number): number {
  const level = checkInteger(L, args, argn);
  const idx = levelIndex(th, typeof level === 'bigint' ? -1 : level);
  if (idx < 0) argError(L, argn, 'level out of range');
  return idx;
}

function getlocal(L: State, args: LuaValue[]): LuaValue[] {
  const [th, arg] = getThread(L, args);
  const n = Number(checkInteger(L, args, arg + 2));
  const f = args[arg];
  if (f instanceof LuaFunction) {
    return [f instanceof LuaClosure ? localName(f.p, n, 0) : undefined];
  }
  const idx = checkLevel(L, th, args, arg + 1);
  const r = findLocal(th, idx, n);
  if (r === undefined) return [undefined];
  return [r[0], th.stack[r[1]]];
}

function setlocal(L: State, args: LuaValue[]): LuaValue[] {
  const [th, arg] = getThread(L, args);
  const idx = checkLevel(L, th, args, arg + 1);
  const n = Number(checkInteger(L, args, arg + 2));
  checkAny(L, args, arg + 3);
  const r = findLocal(th, idx, n);
  if (r === undefined) return [undefined];
  th.stack[r[1]] = args[arg + 2];
  return [r[0]];
}

function checkFunction(L: State, args: LuaValue[], i: number): LuaFunction {
  const f = args[i - 1];
  if (!(f instanceof LuaFunction)) typeError(L, i, 'function', f, args);
  return f;
}

/** Cells standing for the "C upvalues" of natives: the values a native lists in `gcRefs` (value.ts). */
const nativeCells = new WeakMap<LuaValue[], UpVal[]>();

/** The name and cell of upvalue n of f (1-based), or undefined. Natives have the values of their `gcRefs` as
 * upvalues, named "" as PUC names C upvalues. */
function upvalue(f: LuaFunction, n: number): [string, UpVal] | undefined {
  if (!(f instanceof LuaClosure)) {
    const refs = (f as { gcRefs?: LuaValue[] }).gcRefs;
    if (refs === undefined || n < 1 || n > refs.length) return undefined;
    let cells = nativeCells.get(refs);
    if (cells === undefined) nativeCells.set(refs, (cells = []));
    return ['', cells[n - 1] ?? (cells[n - 1] = new UpVal(refs, n - 1))];
  }
  if (n < 1 || n > f.upvals.length) return undefined;
  return [f.p.upvalues[n - 1]?.name ?? '(no name)', f.upvals[n - 1]];
}

function getupvalue(L: State, args: LuaValue[]): LuaValue[] {
  const n = Number(checkInteger(L, args, 2));
  const f = checkFunction(L, args, 1);
  const u = upvalue(f, n);
  return u === undefined ? NONE : [u[0], u[1].value];
}

function setupvalue(L: State, args: LuaValue[]): LuaValue[] {
  checkAny(L, args, 3);
  const n = Number(checkInteger(L, args, 2));
  const f = checkFunction(L, args, 1);
  const u = upvalue(f, n);
  if (u === undefined) return NONE;
  u[1].value = args[2];
  return [u[0]];
}

/** A light userdata (what debug.upvalueid returns): a userdata without metatable or user value. */
export class LightUserdata extends Userdata {}

/** Light-userdata stand-ins for upvalue identities (equal for the same cell). */
const upvalueIds = new WeakMap<UpVal, Userdata>();

function upvalueId(uv: UpVal): Userdata {
  let id = upvalueIds.get(uv);
  if (id === undefined) {
    id = new LightUserdata(uv);
    upvalueIds.set(uv, id);
  }
  return id;
}

function checkUpval(L: State, args: LuaValue[], argf: number, argn: number): [LuaFunction, number, UpVal | undefined] {
  const n = Number(checkInteger(L, args, argn));
  const f = checkFunction(L, args, argf);
  return [f, n, upvalue(f, n)?.[1]];
}

function upvalueid(L: State, args: LuaValue[]): LuaValue[] {
  const [, , uv] = checkUpval(L, args, 1, 2);
  return [uv === undefined ? undefined : upvalueId(uv)];
}

function upvaluejoin(L: State, args: LuaValue[]): LuaValue[] {
  const [f1, n1, u1] = checkUpval(L, args, 1, 2);
  if (u1 === undefined) argError(L, 2, 'invalid upvalue index');
  const [f2, , u2] = checkUpval(L, args, 3, 4);
  if (u2 === undefined) argError(L, 4, 'invalid upvalue index');
  if (!(f1 instanceof LuaClosure)) argError(L, 1, 'Lua function expected');
  if (!(f2 instanceof LuaClosure)) argError(L, 3, 'Lua function expected');
  (f1 as LuaClosure).upvals[n1 - 1] = u2!;
  return NONE;
}

function makeMask(smask: string, count: number): number {
  let mask = 0;
  if (smask.includes('c')) mask |= HOOK_CALL;
  if (smask.includes('r')) mask |= HOOK_RET;
  if (smask.includes('l')) mask |= HOOK_LINE;
  if (count > 0) mask |= HOOK_COUNT;
  return mask;
}

function sethook(L: State, args: LuaValue[]): LuaValue[] {
  const [th, arg] = getThread(L, args);
  const hook = args[arg];
  let mask = 0;
  let count = 0;
  if (hook !== undefined) {
    const smask = checkString(L, args, arg + 2);
    if (!(hook instanceof LuaFunction)) typeError(L, arg + 1, 'function', hook, args);
    count = Number(optInteger(L, args, arg + 3, 0));
    mask = makeMask(smask, count);
  }
  hookTable(L).set(th, hook); // as ldblib: registry._HOOKKEY[thread] = hook (a weak-keyed table there)
  if (mask === 0) {
    th.hook = undefined;
    th.hookMask = 0;
  } else {
    th.hook = hook;
    th.hookMask = mask;
  }
  th.baseHookCount = count;
  th.hookCount = count;
  return NONE;
}

function hookTable(L: State): LuaTable {
  let t = L.registry.getStr('_HOOKKEY');
  if (!(t instanceof LuaTable)) {
    const ht = new LuaTable();
    ht.setStr('__mode', 'k');
    ht.metatable = ht;
    L.registry.setStr('_HOOKKEY', ht);
    t = ht;
  }
  return t as LuaTable;
}

function gethook(L: State, args: LuaValue[]): LuaValue[] {
  const [th] = getThread(L, args);
  if (th.hookMask === 0) return [undefined];
  let smask = '';
  if (th.hookMask & HOOK_CALL) smask += 'c';
  if (th.hookMask & HOOK_RET) smask += 'r';
  if (th.hookMask & HOOK_LINE) smask += 'l';
  return [th.hook, smask, th.baseHookCount];
}

function tracebackFn(L: State, args: LuaValue[]): LuaValue[] {
  const [th, arg] = getThread(L, args);
  const msg = args[arg];
  if (msg !== undefined && typeof msg !== 'string' && !isNumber(msg)) return [msg]; // returned untouched
  const level = Number(optInteger(L, args, arg + 2, th === L.cur ? 1 : 0));
  const text = msg === undefined ? undefined : typeof msg === 'string' ? msg : L.tostring(msg);
  return [traceback(L, text, level, th)];
}

function getuservalue(L: State, args: LuaValue[]): LuaValue[] {
  const n = Number(optInteger(L, args, 2, 1));
  const u = args[0];
  if (!(u instanceof Userdata) || u instanceof LightUserdata) return [undefined];
  if (n !== 1) return [undefined];
  return [u.uservalue, true];
}

function setuservalue(L: State, args: LuaValue[]): LuaValue[] {
  const n = Number(optInteger(L, args, 3, 1));
  const u = args[0];
  if (u instanceof LightUserdata) argError(L, 1, 'userdata expected, got light userdata');
  if (!(u instanceof Userdata)) typeError(L, 1, 'userdata', u, args);
  checkAny(L, args, 2);
  if (n !== 1) return [undefined];
  u.uservalue = args[1];
  return [u];
}

function setmetatable(L: State, args: LuaValue[]): LuaValue[] {
  const mt = args[1];
  if (mt !== undefined && !(mt instanceof LuaTable)) typeError(L, 2, 'nil or table', mt, args);
  L.setMetatableOf(args[0], mt as LuaTable | undefined);
  return [args[0]];
}

/** debug.debug: reads and runs lines from standard input until "cont". */
function debugLoop(L: State): LuaValue[] {
  const stdin = L.host?.stdin;
  for (;;) {
    L.stderr.write('lua_debug> ');
    L.stderr.flush();
    let line = '';
    if (stdin === undefined) return NONE;
    for (;;) {
      const c = stdin.read(1, 0);
      if (c === '') {
        if (line === '') return NONE;
        break;
      }
      line += c;
      if (c === '\n') break;
    }
    if (line === 'cont\n') return NONE;
    const f = L.load(line, '=(debug command)', 'bt');
    const r = Array.isArray(f) ? { ok: false as const, error: f[1] as LuaValue } : L.pcall(f, []);
    if (!r.ok) L.stderr.write(L.tostring(r.error) + '\n');
  }
}

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
  reg('setcstacklimit', () => [200]); // deprecated in 5.4.4: does nothing, answers LUAI_MAXCCALLS
  return t;
}
