/*
 * Lua values as JavaScript values. Every tier and library shares this representation, so it is the
 * contract that decides speed (DESIGN.md §2, "b2"):
 *
 *   nil                      -> undefined            (never null; assigning nil stores undefined)
 *   boolean                  -> true / false
 *   integer, |i| <= 2^53-1   -> a JS number that is integral            (Math.floor(v) === v)
 *   integer beyond that      -> a JS bigint, always within int64        (canonical: never a bigint in the safe range)
 *   float, non-integral/NaN  -> a JS number that is not integral
 *   float, integral/±0/±inf  -> an LFloat box                           (canonical: never a box for a non-integral float)
 *   string                   -> a JS string whose char codes are bytes 0..255
 *   table                    -> LuaTable
 *   function                 -> LuaFunction (a Lua closure or a native function)
 *   thread                   -> Coroutine (defined by the interpreter; tagged by LuaThreadBase here)
 *   full userdata            -> Userdata
 *
 * Canonical forms make raw equality mostly `===`: two equal integers are the same JS number or equal bigints,
 * and equal non-integral floats are equal numbers. Only LFloat boxes (and int/float mixes such as 1 == 1.0)
 * need the slow comparison in `rawEquals`. Integer-producing code must never leave -0 (normalise with `+ 0`).
 */

/** A float whose value is integral (1.0, -0.0, 2^63, inf): boxed so that it is not mistaken for an integer. */
export class LFloat {
  constructor(readonly n: number) {}
}

/** Base class of tables, so that value.ts does not import table.ts (tables import values). */
export abstract class LuaObject {
  /** Per-object metatable; only tables and full userdata use it (others use per-type metatables). */
  declare metatable: LuaTableLike | undefined;
  // Assigned in the constructor, not as a class-field initialiser: V8 11.x runs [[Define]] field
  // initialisers ~3x slower than plain stores, which showed on every table creation.
  constructor() {
    this.metatable = undefined;
  }
}

/** What value.ts needs of a table; the real class is runtime/table.ts's LuaTable. */
export interface LuaTableLike extends LuaObject {
  get(key: LuaValue): LuaValue;
  getStr(key: string): LuaValue;
}

/** Marker base class of every function value. */
export abstract class LuaFunction {
  abstract readonly name: string;
}

/** A function written in JS. Receives its arguments as a fresh array (it may keep or mutate it) and returns
 * its results as an array (`NONE` for no results). Raise Lua errors with runtime/errors.ts. */
export type NativeFn = (L: any, args: LuaValue[]) => LuaValue[];

export class NativeFunction extends LuaFunction {
  /** Lua values that `fn`'s JS closure keeps alive (its "upvalues"): the collector of runtime/gc.ts cannot
   * see inside JS closures, so a native that captures tables, functions, threads or userdata lists them here
   * to keep them out of weak-table clearing and finalization while the function is reachable. They are also
   * what the debug library shows as the native's (C closure's) upvalues, in the order PUC-Lua's C closure
   * would have them. */
  declare gcRefs: LuaValue[] | undefined;
  constructor(readonly name: string, readonly fn: NativeFn) {
    super();
    this.gcRefs = undefined;
  }
}

/** Full userdata: an opaque host value with an optional metatable and one user value. */
export class Userdata extends LuaObject {
  declare uservalue: LuaValue;
  declare data: unknown;
  constructor(data: unknown, metatable?: LuaTableLike) {
    super();
    this.data = data;
    this.metatable = metatable;
    this.uservalue = undefined;
  }
}

/** Base of the interpreter's coroutine class, so that `type()` can recognise threads here. */
export abstract class LuaThreadBase {}

export type LuaValue =
  | undefined
  | boolean
  | number
  | bigint
  | string
  | LFloat
  | LuaObject
  | LuaFunction
  | LuaThreadBase;

/** The empty result list, shared: never mutate it. */
export const NONE: LuaValue[] = [];

export const MAX_SAFE = 9007199254740991; // 2^53-1: the largest integer kept as a JS number

/** Builds a float value in canonical form. */
export function mkfloat(n: number): number | LFloat {
  return Math.floor(n) === n ? new LFloat(n) : n;
}

/** Builds an integer value in canonical form from a bigint (wrapped to int64 by the caller). */
export function mkint(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

export function isInteger(v: LuaValue): v is number | bigint {
  return (typeof v === 'number' && Math.floor(v) === v) || typeof v === 'bigint';
}

export function isFloat(v: LuaValue): v is number | LFloat {
  return (typeof v === 'number' && Math.floor(v) !== v) || v instanceof LFloat;
}

export function isNumber(v: LuaValue): v is number | bigint | LFloat {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat;
}

/** The numeric value of a number as a JS double (ints beyond 2^53 are rounded, as C's cast would). */
export function toDouble(v: number | bigint | LFloat): number {
  return typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v.n;
}

export function truthy(v: LuaValue): boolean {
  return v !== undefined && v !== false;
}

/** Lua's `type()` name of a value. */
export function typeName(v: LuaValue): string {
  switch (typeof v) {
    case 'undefined':
      return 'nil';
    case 'boolean':
      return 'boolean';
    case 'number':
    case 'bigint':
      return 'number';
    case 'string':
      return 'string';
    default:
      if (v instanceof LuaFunction) return 'function';
      if (v instanceof LFloat) return 'number';
      if (v instanceof Userdata) return 'userdata';
      if (v instanceof LuaThreadBase) return 'thread';
      return 'table';
  }
}

/** Raw equality (no metamethods): `rawequal`, table keys aside. */
export function rawEquals(a: LuaValue, b: LuaValue): boolean {
  if (a === b) return true;
  const ta = typeof a;
  if (ta === 'string' || ta === 'boolean' || a === undefined || b === undefined) return false;
  if (!isNumber(a) || !isNumber(b)) return false;
  return numEqualsSlow(a, b);
}

/** Numeric equality across representations, exact for huge integers (an int equals a float only if the float
 * is integral and converts exactly). */
export function numEqualsSlow(a: number | bigint | LFloat, b: number | bigint | LFloat): boolean {
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const fa = a instanceof LFloat ? a.n : a;
    const fb = b instanceof LFloat ? b.n : b;
    if (typeof fa === 'bigint' && typeof fb === 'bigint') return fa === fb;
    const big = (typeof fa === 'bigint' ? fa : fb) as bigint;
    const other = (typeof fa === 'bigint' ? fb : fa) as number;
    return Number.isFinite(other) && Math.floor(other) === other && BigInt(other) === big;
  }
  return toDouble(a) === toDouble(b);
}
