/*
 * Value conversion across the embedding boundary (JS <-> Lua), used by src/api/index.ts.
 *
 * JS -> Lua (toLua):
 *   undefined, null         -> nil
 *   boolean                 -> boolean
 *   number                  -> integer when integral and safe (|n| <= 2^53-1, not -0), else float
 *                              (`float(n)` forces a float: float(1) is 1.0)
 *   bigint                  -> 64-bit integer; outside [-2^63, 2^63-1] a Lua error
 *   string                  -> its UTF-8 bytes
 *   Uint8Array              -> a byte string with exactly those bytes
 *   Array                   -> sequence {a[0], a[1], ...} (t[1] .. t[n])
 *   Map / plain object      -> table (object keys stay strings); Set -> table {[v] = true}
 *   function                -> Lua function (see Bridge.wrapJsFunction); a wrapper of a Lua function -> that function
 *   other objects           -> opaque userdata that converts back to the same object
 *   Lua values (LuaTable, LuaFunction, LFloat, Userdata, threads) pass through unchanged.
 * Lua -> JS (fromLua): integers -> number (bigint beyond 2^53), floats -> number, strings -> UTF-8-decoded text
 * (or bytes on request), tables stay LuaTable (toJS converts deeply), functions -> callable wrappers.
 *
 * Invariants: conversion never loses an integer (bigint beyond 2^53 both ways); shared and cyclic JS objects
 * become shared and cyclic tables (and back with toJS); one JS function maps to one Lua function and back, and
 * one Lua function to one wrapper, so identity survives round trips.
 */
import { LFloat, LuaFunction, LuaObject, LuaThreadBase, NativeFunction, Userdata, mkint, NONE, type LuaValue } from '../runtime/value.js';
import { LuaTable } from '../runtime/table.js';
import { LuaError } from '../runtime/errors.js';
import type { State } from '../interp/state.js';
import { tostringNumber } from '../runtime/number.js';

/** A JS value with the Lua float subtype: `float(1)` is 1.0 in Lua (plain JS 1 would be the integer 1). */
export function float(n: number): LFloat | number {
  return Math.floor(n) === n ? new LFloat(n) : n;
}

/** Several results from a JS function called by Lua: `return multi(a, b)` is Lua's `return a, b`. */
export class LuaMulti {
  readonly values: unknown[];
  constructor(values: unknown[]) {
    this.values = values;
  }
}

export function multi(...values: unknown[]): LuaMulti {
  return new LuaMulti(values);
}

/** A JS function standing for a Lua function: calling it calls the Lua function with converted arguments and
 * returns its first result converted (use `lua.call(f, ...)` for all results). */
export interface LuaCallable {
  (...args: unknown[]): unknown;
  /** The Lua function itself. */
  readonly luaFunction: LuaFunction;
}

/** Options of fromLua/toJS. */
export interface FromLuaOptions {
  /** Strings as raw bytes (Uint8Array) instead of UTF-8-decoded text. Default false. */
  bytes?: boolean;
}

export interface ToJSOptions extends FromLuaOptions {
  /** How many levels of tables to convert; deeper tables stay LuaTable. Default: all. */
  depth?: number;
}

/** A JS object carried through Lua as opaque userdata. */
export class HostObject extends Userdata {}

const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;

// ------------------------------------------------------------------------------------ bytes and text

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** Bytes -> a Lua byte string (char codes 0..255). */
export function bytesToLuaString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  }
  return s;
}

/** A Lua byte string -> its bytes. */
export function luaStringToBytes(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

/** JS text -> the Lua byte string of its UTF-8 encoding. */
export function encodeUtf8(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text; // ASCII is its own encoding
  return bytesToLuaString(utf8Encoder.encode(text));
}

/** A Lua byte string -> JS text, decoding UTF-8 (invalid sequences become U+FFFD). */
export function decodeUtf8(s: string): string {
  if (!/[^\x00-\x7f]/.test(s)) return s;
  return utf8Decoder.decode(luaStringToBytes(s));
}

// ------------------------------------------------------------------------------------ the bridge

/** What the bridge needs of its Lua instance. */
export interface BridgeHost {
  readonly state: State;
  /** A guarded synchronous call (throws LuaError with a decoded message). */
  callLua(fn: LuaValue, args: LuaValue[]): LuaValue[];
  /** True while callAsync/doStringAsync drives the state. */
  readonly asyncRunning: boolean;
  /** Called before the Lua thread suspends on a promise (flushes outputs). */
  beforeSuspend(): void;
  /** Records the JS exception behind a Lua error value, so that the LuaError surfacing in JS gets it as cause. */
  noteHostError(value: LuaValue, cause: unknown): void;
}

const LUA_FUNCTION = Symbol('moonrise.luaFunction');

export class Bridge {
  /** JS function -> its Lua function, and back (so that a JS function round-trips to itself). */
  private readonly natives = new WeakMap<Function, NativeFunction>();
  private readonly jsOfNative = new WeakMap<NativeFunction, Function>();
  /** Lua function -> its JS wrapper. */
  private readonly wrappers = new WeakMap<LuaFunction, LuaCallable>();
  /** JS object -> its userdata. */
  private readonly hostObjects = new WeakMap<object, HostObject>();

  constructor(private readonly host: BridgeHost) {}

  toLua(v: unknown, seen?: Map<object, LuaValue>): LuaValue {
    switch (typeof v) {
      case 'undefined': return undefined;
      case 'boolean': return v;
      case 'number': return Number.isSafeInteger(v) && !Object.is(v, -0) ? v : float(v);
      case 'bigint': return bigintToLua(v);
      case 'string': return encodeUtf8(v);
      case 'function': return this.functionToLua(v as Function);
      case 'object': return v === null ? undefined : this.objectToLua(v, seen);
      default: throw new LuaError(`cannot convert a JS ${typeof v} to a Lua value`);
    }
  }

  private objectToLua(v: object, seen: Map<object, LuaValue> | undefined): LuaValue {
    if (v instanceof LuaObject || v instanceof LFloat || v instanceof LuaFunction || v instanceof LuaThreadBase) return v as LuaValue;
    if (v instanceof Uint8Array) return bytesToLuaString(v);
    if (v instanceof LuaMulti) throw new LuaError('multi() values can only be returned from a JS function');
    const known = seen?.get(v);
    if (known !== undefined) return known;
    const isArray = Array.isArray(v);
    const proto = Object.getPrototypeOf(v);
    if (!isArray && !(v instanceof Map) && !(v instanceof Set) && proto !== Object.prototype && proto !== null) {
      let u = this.hostObjects.get(v);
      if (u === undefined) {
        u = new HostObject(v);
        this.hostObjects.set(v, u);
      }
      return u;
    }
    const t = new LuaTable();
    seen ??= new Map();
    seen.set(v, t);
    if (isArray) {
      const a = v as unknown[];
      for (let i = 0; i < a.length; i++) {
        const x = this.toLua(a[i], seen);
        if (x !== undefined) t.setInt(i + 1, x);
      }
    } else if (v instanceof Map) {
      for (const [k, x] of v) this.setConverted(t, this.toLua(k, seen), this.toLua(x, seen));
    } else if (v instanceof Set) {
      for (const k of v) this.setConverted(t, this.toLua(k, seen), true);
    } else {
      for (const k of Object.keys(v)) {
        const x = this.toLua((v as Record<string, unknown>)[k], seen);
        if (x !== undefined) t.setStr(encodeUtf8(k), x);
      }
    }
    return t;
  }

  private setConverted(t: LuaTable, k: LuaValue, x: LuaValue): void {
    if (x === undefined) return;
    if (k === undefined || (typeof k === 'number' && k !== k)) {
      throw new LuaError(`table index is ${k === undefined ? 'nil' : 'NaN'}`);
    }
    t.set(k, x);
  }

  private functionToLua(f: Function): LuaValue {
    const lf = (f as Partial<LuaCallable>)[LUA_FUNCTION as unknown as 'luaFunction'];
    if (lf !== undefined) return lf;
    let nf = this.natives.get(f);
    if (nf === undefined) {
      nf = this.wrapJsFunction(f);
      this.natives.set(f, nf);
      this.jsOfNative.set(nf, f);
    }
    return nf;
  }

  /**
   * A JS function as a Lua function. Arguments are converted with fromLua; the return value is one result
   * (undefined: none; `multi(a, b)`: several). A thrown Error becomes a Lua error "<position> <message>" (its
   * position is the Lua caller's, as luaL_error gives); a thrown LuaError passes unchanged; any other thrown
   * value is converted and raised as the error value itself. A returned promise suspends the Lua thread until
   * it settles (only under callAsync/doStringAsync); a rejection is raised at the call site like a throw.
   */
  wrapJsFunction(f: Function): NativeFunction {
    const name = f.name || '?';
    return new NativeFunction(name, (L: State, args: LuaValue[]) => {
      const jsArgs = new Array<unknown>(args.length);
      for (let i = 0; i < args.length; i++) jsArgs[i] = this.fromLua(args[i]);
      let r: unknown;
      try {
        r = f(...jsArgs);
      } catch (e) {
        throw this.hostError(L.where(1), e);
      }
      if (r !== null && typeof r === 'object' && typeof (r as PromiseLike<unknown>).then === 'function') {
        return this.suspendOn(L, name, r as PromiseLike<unknown>);
      }
      return this.resultList(r);
    });
  }

  private suspendOn(L: State, fname: string, p: PromiseLike<unknown>): LuaValue[] {
    const where = L.where(1);
    const name = L.calleeName().name ?? fname;
    if (!this.host.asyncRunning || !L.canSuspend()) {
      Promise.resolve(p).then(undefined, () => {}); // nobody will await it: keep its rejection handled
      if (!this.host.asyncRunning) {
        throw new LuaError(`${where}JS function '${name}' returned a Promise outside an asynchronous call (use doStringAsync or callAsync)`);
      }
      throw new LuaError('attempt to yield across a C-call boundary');
    }
    this.host.beforeSuspend();
    const settled = Promise.resolve(p).then(
      (v) => this.resultList(v),
      (e) => { throw this.hostError(where, e); },
    );
    return settled as unknown as LuaValue[]; // the VM recognises the thenable and suspends the thread
  }

  private resultList(r: unknown): LuaValue[] {
    if (r === undefined) return NONE;
    if (r instanceof LuaMulti) return r.values.map((x) => this.toLua(x));
    return [this.toLua(r)];
  }

  private hostError(where: string, e: unknown): LuaError {
    if (e instanceof LuaError) return e;
    const value = e instanceof Error ? where + encodeUtf8(e.message) : this.toLua(e);
    this.host.noteHostError(value, e);
    return new LuaError(value);
  }

  fromLua(v: LuaValue, opts?: FromLuaOptions): unknown {
    switch (typeof v) {
      case 'string': return opts?.bytes ? luaStringToBytes(v) : decodeUtf8(v);
      case 'object':
        if (v instanceof LFloat) return v.n;
        if (v instanceof HostObject) return v.data;
        if (v instanceof LuaFunction) return this.functionToJS(v);
        return v;
      default: return v; // nil, booleans, numbers, bigints
    }
  }

  private functionToJS(f: LuaFunction): Function {
    if (f instanceof NativeFunction) {
      const js = this.jsOfNative.get(f);
      if (js !== undefined) return js;
    }
    let w = this.wrappers.get(f);
    if (w === undefined) {
      const fn = (...args: unknown[]): unknown => {
        const r = this.host.callLua(f, args.map((a) => this.toLua(a)));
        return this.fromLua(r[0]);
      };
      Object.defineProperty(fn, LUA_FUNCTION, { value: f });
      Object.defineProperty(fn, 'luaFunction', { value: f, enumerable: true });
      w = fn as unknown as LuaCallable;
      this.wrappers.set(f, w);
    }
    return w;
  }

  /** Deep conversion: tables become arrays (sequences t[1..n], n >= 1), plain objects (every key a string or
   * number; numbers become their decimal text) or Maps (any other keys); shared and cyclic tables become
   * shared and cyclic JS objects. Metatables are ignored (raw contents). */
  toJS(v: LuaValue, opts: ToJSOptions = {}, depth = opts.depth ?? Infinity, seen = new Map<LuaTable, unknown>()): unknown {
    if (!(v instanceof LuaTable) || depth <= 0) return this.fromLua(v, opts);
    const known = seen.get(v);
    if (known !== undefined) return known;
    const entries: [LuaValue, LuaValue][] = [];
    let allInts = true, allKeyable = true;
    for (let e = v.next(undefined); e !== undefined; e = v.next(e[0])) {
      entries.push(e);
      const k = e[0];
      if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) allInts = false;
      if (typeof k !== 'string' && typeof k !== 'number' && typeof k !== 'bigint' && !(k instanceof LFloat)) allKeyable = false;
    }
    if (allInts && entries.length > 0 && isSequence(entries)) {
      const a: unknown[] = new Array(entries.length);
      seen.set(v, a);
      for (const [k, x] of entries) a[(k as number) - 1] = this.toJS(x, opts, depth - 1, seen);
      return a;
    }
    if (allKeyable) {
      const o: Record<string, unknown> = {};
      seen.set(v, o);
      for (const [k, x] of entries) {
        const key = typeof k === 'string' ? decodeUtf8(k) : tostringNumber(k as number | bigint | LFloat);
        o[key] = this.toJS(x, opts, depth - 1, seen);
      }
      return o;
    }
    const m = new Map<unknown, unknown>();
    seen.set(v, m);
    for (const [k, x] of entries) m.set(this.toJS(k, opts, depth - 1, seen), this.toJS(x, opts, depth - 1, seen));
    return m;
  }
}

/** True when the integer keys are exactly 1..n. */
function isSequence(entries: [LuaValue, LuaValue][]): boolean {
  const n = entries.length;
  const hit = new Uint8Array(n + 1);
  for (const [k] of entries) {
    const i = k as number;
    if (i > n || hit[i]) return false;
    hit[i] = 1;
  }
  return true;
}

function bigintToLua(b: bigint): LuaValue {
  if (b < MIN_INT64 || b > MAX_INT64) {
    throw new LuaError(`bigint ${b} is out of the range of Lua integers (-2^63 .. 2^63-1)`);
  }
  return mkint(b);
}
