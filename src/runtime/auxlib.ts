/*
 * Argument checking and error raising for native functions, with PUC-Lua 5.4.4's lauxlib message texts
 * byte for byte ("bad argument #1 to 'insert' (table expected, got nil)", "calling 'x' on bad self (...)",
 * "number has no integer representation", "invalid option 'x'"). Every library uses these, so the
 * wording lives here and nowhere else.
 *
 * Argument indices are 1-based like Lua's: argument i is args[i - 1]. An index beyond args.length is an absent
 * argument ("no value"), which differs from an explicit nil in a few messages, as in C (lua_type == LUA_TNONE).
 */
import { LFloat, typeName, type LuaValue } from './value.js';
import { LuaError } from './errors.js';
import { LuaTable } from './table.js';
import type { LuaState } from './state.js';
import { tointeger, tonumber, tostringNumber } from './number.js';

/** luaL_error: raises `msg` prefixed with the position of the function at `level` (1 = the caller of the
 * running native function, as luaL_where(L, 1)). */
export function luaError(L: LuaState, msg: string, level = 1): never {
  throw new LuaError(L.where(level) + msg);
}

/** luaL_argerror: "bad argument #arg to 'name' (extramsg)". For a method call (`obj:m(...)`) self is not
 * counted, and an error in self itself reads "calling 'name' on bad self (extramsg)". */
export function argError(L: LuaState, arg: number, extramsg: string): never {
  const { name, namewhat } = L.calleeName();
  if (namewhat === 'method') {
    arg--;
    if (arg === 0) luaError(L, `calling '${name ?? '?'}' on bad self (${extramsg})`);
  }
  luaError(L, `bad argument #${arg} to '${name ?? '?'}' (${extramsg})`);
}

/** luaL_typeerror: "<tname> expected, got <type>", where <type> is the metatable's `__name` when that is a
 * string, else the type name. Pass `args` so that an absent argument reads "got no value". */
export function typeError(L: LuaState, arg: number, tname: string, got: LuaValue, args?: LuaValue[]): never {
  let typearg: string;
  if (args !== undefined && arg > args.length) {
    typearg = 'no value';
  } else {
    const mt = L.getMetatable(got);
    const name = mt === undefined ? undefined : mt.getStr('__name');
    typearg = typeof name === 'string' ? name : typeName(got);
  }
  argError(L, arg, `${tname} expected, got ${typearg}`);
}

/** luaL_checkany: any value, nil included, but the argument must be present. */
export function checkAny(L: LuaState, args: LuaValue[], i: number): void {
  if (i > args.length) argError(L, i, 'value expected');
}

/** luaL_checkinteger: integers, floats with an exact integer value, and strings converting to those. */
export function checkInteger(L: LuaState, args: LuaValue[], i: number): number | bigint {
  const v = args[i - 1];
  if (typeof v === 'number' && Math.floor(v) === v) return v;
  const n = tointeger(v);
  if (n !== undefined) return n;
  return intError(L, args, i);
}

function intError(L: LuaState, args: LuaValue[], i: number): never {
  const v = args[i - 1];
  if (tonumber(v) !== undefined) argError(L, i, 'number has no integer representation');
  typeError(L, i, 'number', v, args);
}

/** luaL_checknumber: numbers (keeping their integer/float subtype) and numeric strings (converted). */
export function checkNumber(L: LuaState, args: LuaValue[], i: number): number | bigint | LFloat {
  const v = args[i - 1];
  if (typeof v === 'number') return v;
  const n = tonumber(v);
  if (n !== undefined) return n;
  return typeError(L, i, 'number', v, args);
}

/** luaL_checklstring: strings, and numbers converted with tostring's rules. */
export function checkString(L: LuaState, args: LuaValue[], i: number): string {
  const v = args[i - 1];
  if (typeof v === 'string') return v;
  const s = toStringCoerce(v);
  if (s !== undefined) return s;
  return typeError(L, i, 'string', v, args);
}

/** luaL_checktype(L, i, LUA_TTABLE). */
export function checkTable(L: LuaState, args: LuaValue[], i: number): LuaTable {
  const v = args[i - 1];
  if (v instanceof LuaTable) return v;
  return typeError(L, i, 'table', v, args);
}

/** luaL_checkoption: the index in `options` of the string argument (or of `def` when the argument is
 * absent or nil and def is given); "invalid option 'x'" otherwise. */
export function checkOption(L: LuaState, args: LuaValue[], i: number, def: string | undefined, options: string[]): number {
  const name = def !== undefined ? optString(L, args, i, def) : checkString(L, args, i);
  const k = options.indexOf(name);
  if (k < 0) argError(L, i, `invalid option '${cString(name)}'`);
  return k;
}

/* %s in lua_pushfstring stops at the first '\0' of the string. */
function cString(s: string): string {
  const z = s.indexOf('\0');
  return z < 0 ? s : s.slice(0, z);
}

/** luaL_optinteger: `def` when the argument is absent or nil. */
export function optInteger<D extends number | bigint | undefined>(L: LuaState, args: LuaValue[], i: number, def: D): number | bigint | D {
  const v = args[i - 1];
  if (v === undefined) return def;
  if (typeof v === 'number' && Math.floor(v) === v) return v;
  return checkInteger(L, args, i);
}

/** luaL_optnumber: `def` when the argument is absent or nil. */
export function optNumber<D extends number | bigint | LFloat | undefined>(L: LuaState, args: LuaValue[], i: number, def: D): number | bigint | LFloat | D {
  const v = args[i - 1];
  if (v === undefined) return def;
  return checkNumber(L, args, i);
}

/** luaL_optlstring: `def` when the argument is absent or nil. */
export function optString<D extends string | undefined>(L: LuaState, args: LuaValue[], i: number, def: D): string | D {
  const v = args[i - 1];
  if (v === undefined) return def;
  if (typeof v === 'string') return v;
  return checkString(L, args, i);
}

/** lua_tolstring without the in-place conversion: strings as they are, numbers as tostring writes them,
 * undefined for anything else. */
export function toStringCoerce(v: LuaValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat) return tostringNumber(v);
  return undefined;
}
