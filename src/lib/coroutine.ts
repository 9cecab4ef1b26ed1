/*
 * The coroutine library (lcorolib.c). resume, yield and the functions made by wrap are implemented by the VM
 * (SpecialFunction): resuming switches the running thread inside the one dispatch loop, so coroutines cost no
 * JS recursion and yields work across pcall, metamethods, iterators and nested Lua calls. A yield across a
 * JS-level call (a native that called back into Lua) is refused as PUC refuses it across C calls.
 */
import { LuaFunction, NativeFunction, type LuaValue } from '../runtime/value.js';
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

/** Opens the coroutine library and returns its table. */
export function openCoroutine(_L: LuaState): LuaTable {
  const t = new LuaTable();
  const reg = (name: string, fn: Fn): void => t.setStr(name, new NativeFunction(name, fn));
  reg('create', (L, args) => [new Coroutine(false, checkFunction(L, args), L.cur)]);
  t.setStr('resume', new SpecialFunction('resume', S_RESUME));
  reg('running', (L) => [L.cur, L.cur.isMain]);
  reg('status', (L, args) => [statusOf(L, getco(L, args))]);
  reg('wrap', (L, args) => [new SpecialFunction('wrap', S_WRAP, new Coroutine(false, checkFunction(L, args), L.cur))]);
  t.setStr('yield', new SpecialFunction('yield', S_YIELD));
  reg('isyieldable', (L, args) => {
    const co = args.length === 0 ? L.cur : getco(L, args);
    return [!co.isMain && co.nny === 0];
  });
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
