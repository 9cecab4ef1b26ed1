/*
 * The coroutine library (lcorolib.c). resume, yield and the functions made by wrap are implemented by the VM
 * (SpecialFunction): resuming switches the running thread inside the one dispatch loop, so coroutines cost no
 * JS recursion and yields work across pcall, metamethods, iterators and nested Lua calls. A yield across a
 * JS-level call (a native that called back into Lua) is refused as PUC refuses it across C calls.
 */
import { LuaFunction, NativeFunction, type LuaValue } from '../runtime/value.js';
import { FastNative, NOFAST, SECOND } from '../runtime/fastnative.js';
import { LuaTable } from '../runtime/table.js';
import { luaError, typeError } from '../runtime/auxlib.js';
import type { LuaState } from '../runtime/state.js';
import type { State } from '../interp/state.js';
import { Coroutine } from '../interp/coroutine.js';
import { SpecialFunction, S_RESUME, S_YIELD, S_WRAP, closeThread } from '../interp/call.js';

type Fn = (L: State, args: LuaValue[]) => LuaValue[];

function getco(L: State, args: LuaValue[]): Coroutine {
  const co = args[0];
  if (!(co instanceof Coroutine)) typeError(L, 1, 'thread', co, args);
  return co;
}

function checkFunction(L: State, args: LuaValue[]): LuaFunction {
  const f = args[0];
  if (!(f instanceof LuaFunction)) typeError(L, 1, 'function', f, args);
  return f;
}

/** coroutine.status as lcorolib's auxstatus. */
export function statusOf(L: State, co: Coroutine): string {
  if (co === L.cur) return 'running';
  return co.status === 'running' ? 'normal' : co.status;
}

/** The functions of this library that compiled call sites may call through a fast entry
 * (runtime/fastnative.ts): creating coroutines and asking their status, in the common case (argument of the
 * right type) without argument or result arrays; anything else is NOFAST and takes the general entry, which
 * raises the exact error. (resume, yield and wrap functions are SpecialFunctions: the VM and generator.ts
 * switch threads for them.) Measured (300k iterations each creating, resuming and finishing one wrap and one
 * create coroutine, user s, lua5.4 in brackets): 0.54 -> 0.48 [0.18]; instructions (valgrind, 100k) -7.5%. */
function fastEntries(): Record<string, FastNative> {
  const t: Record<string, FastNative> = {};
  const create: Fn = (L, args) => [new Coroutine(false, checkFunction(L, args), L.cur)];
  t.create = new FastNative('create', create as NativeFunction['fn'],
    (L, _n, f) => f instanceof LuaFunction ? new Coroutine(false, f, (L as State).cur) : NOFAST, true);
  const wrap: Fn = (L, args) => [new SpecialFunction('wrap', S_WRAP, new Coroutine(false, checkFunction(L, args), L.cur))];
  t.wrap = new FastNative('wrap', wrap as NativeFunction['fn'],
    (L, _n, f) => f instanceof LuaFunction ? new SpecialFunction('wrap', S_WRAP, new Coroutine(false, f, (L as State).cur)) : NOFAST, true);
  const status: Fn = (L, args) => [statusOf(L, getco(L, args))];
  t.status = new FastNative('status', status as NativeFunction['fn'],
    (L, _n, co) => co instanceof Coroutine ? statusOf(L as State, co) : NOFAST, true);
  const running: Fn = (L) => [L.cur, L.cur.isMain];
  t.running = new FastNative('running', running as NativeFunction['fn'], (L) => (L as State).cur, false,
    (L) => {
      const th = (L as State).cur;
      SECOND.v = th.isMain;
      return th;
    });
  const isyieldable: Fn = (L, args) => {
    const co = args.length === 0 ? L.cur : getco(L, args);
    return [!co.isMain && co.nny === 0];
  };
  t.isyieldable = new FastNative('isyieldable', isyieldable as NativeFunction['fn'], (L, n, a) => {
    const co = n === 0 ? (L as State).cur : a;
    return co instanceof Coroutine ? !co.isMain && co.nny === 0 : NOFAST;
  }, true);
  return t;
}

/** Opens the coroutine library and returns its table. */
export function openCoroutine(_L: LuaState): LuaTable {
  const t = new LuaTable();
  const reg = (name: string, fn: Fn): void => t.setStr(name, new NativeFunction(name, fn));
  const fast = fastEntries();
  t.setStr('create', fast.create);
  t.setStr('resume', new SpecialFunction('resume', S_RESUME));
  t.setStr('running', fast.running);
  t.setStr('status', fast.status);
  t.setStr('wrap', fast.wrap);
  t.setStr('yield', new SpecialFunction('yield', S_YIELD));
  t.setStr('isyieldable', fast.isyieldable);
  reg('close', (L, args) => {
    const co = getco(L, args);
    const st = statusOf(L, co);
    if (st !== 'dead' && st !== 'suspended') luaError(L, `cannot close a ${st} coroutine`);
    const failed = co.failed;
    const err = closeThread(L, co, co.errorValue, failed);
    co.failed = false;
    co.errorValue = undefined;
    if (failed || err !== undefined) return [false, err];
    return [true];
  });
  return t;
}
