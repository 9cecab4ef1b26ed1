/*
 * The `table` library (insert, remove, move, concat, sort, unpack, pack), behaving as Lua 5.4.4's.
 *
 * Every element access honours metamethods exactly as PUC's lua_geti/lua_seti do (through L.index and
 * L.setIndex), and lengths honour __len (luaL_len). Plain tables without a metatable take raw fast paths that
 * give the same results: bulk moves on the array part (insert/remove shifts, unpack slices) and a native sort
 * for tables of plain numbers or of strings compared with `<` (indistinguishable from PUC's quicksort then,
 * because equal elements of those kinds are identical values).
 *
 * sort() with a comparison function, or on anything else, follows PUC's quicksort step by step (same pivot
 * choices, same order of reads, writes and comparisons), so that inconsistent comparison functions give the
 * same results and the same "invalid order function for sorting" errors. The one deliberate source of
 * difference is PUC's pivot randomisation after badly unbalanced partitions (it seeds from clock()/time()).
 *
 * Integers are `number | bigint` (int64 values beyond 2^53 are bigints); the few places where PUC relies on
 * int64 wrap-around or unsigned comparisons use the helpers at the end of this file.
 */
import { LuaTable } from '../runtime/table.js';
import { LFloat, NativeFunction, NONE, typeName, MAX_SAFE } from '../runtime/value.js';
import { FastNative, NOFAST, viaArgs, type FastFn } from '../runtime/fastnative.js';
import { tointeger } from '../runtime/number.js';
import type { LuaValue } from '../runtime/value.js';
import { CallbackSite, type LuaState } from '../runtime/state.js';
import {
  luaError, argError, typeError, checkInteger, optInteger, optString, toStringCoerce,
} from '../runtime/auxlib.js';

type Int = number | bigint;

const MAXINT = 9223372036854775807n;
/** C's INT_MAX: sort and unpack refuse ranges this large. */
const INT_MAX = 2147483647;
/** How many values unpack may return: PUC's stack limit (LUAI_MAXSTACK = 1,000,000) minus what a typical
 * call already uses (lua5.4 accepts 999,950 and refuses 999,980 from a main chunk). */
const MAX_RESULTS = 999_960;

// What a non-table argument must support through its metatable (ltablib's checktab).
const TAB_R = 1;
const TAB_W = 2;
const TAB_L = 4;

export function openTable(L: LuaState): LuaTable {
  const fns: [string, (L: LuaState, args: LuaValue[]) => LuaValue[]][] = [
    ['concat', concat], ['insert', insert], ['pack', pack], ['unpack', unpack],
    ['remove', remove], ['move', move], ['sort', sort],
  ];
  const lib = new LuaTable(0, fns.length); // as luaL_newlib sizes it
  for (const [name, fn] of fns) {
    const fast = FAST[name];
    lib.setStr(name, fast !== undefined ? new FastNative(name, fn, fast, name === 'concat' || name === 'remove') : new NativeFunction(name, fn));
  }
  void L; // the library needs no state at open time
  return lib;
}

// ---------------------------------------------------------------------------------------------- fast entries

const concatFast = viaArgs(concat);

/** table.concat(t) / table.concat(t, sep) of a plain table, without argument and result arrays. Reading a
 * plain table has no visible effect, so an error (a value that is not a string or a number) is left to the
 * general entry, which raises it. */
function concatPlain(L: LuaState, t: LuaTable, sep: string): LuaValue | typeof NOFAST {
  const last = t.length();
  if (last < 1) return '';
  try {
    return concatRange(L, t, sep, 1, last);
  } catch {
    return NOFAST;
  }
}

/* Entries for compiled call sites wanting at most one result (runtime/fastnative.ts): plain tables only
 * (no metamethod can run); NOFAST for anything else. */
const FAST: Record<string, FastFn | undefined> = {
  insert: (_L, n, t, v) => {
    if (n !== 2 || !isPlain(t)) return NOFAST;
    t.setInt(t.length() + 1, v);
    return undefined;
  },
  concat: (L, n, t, sep, i, j) => {
    if (!isPlain(t)) return NOFAST;
    if (n === 1) return concatPlain(L, t, '');
    if (n === 2 && typeof sep === 'string') return concatPlain(L, t, sep);
    return concatFast(L, n, t, sep, i, j);
  },
  // table.remove(t [, pos]) of a plain table: raw accesses as the general entry makes them (it calls length()
  // again after a NOFAST, which returns the same border: a second call finds the border the first left)
  remove: (_L, n, t, p) => {
    if (n < 1 || n > 2 || !isPlain(t) || (p !== undefined && (typeof p !== 'number' || Math.floor(p) !== p))) {
      return NOFAST;
    }
    const size = t.length();
    let pos = p === undefined ? size : p;
    if (pos !== size && !(pos >= 1 && pos <= size + 1)) return NOFAST; // out of bounds: the general entry raises
    if (pos >= 1 && pos <= size && size <= t.alimit) {
      const a = t.arr;
      const result = a[pos - 1];
      if (pos < size) t.shiftDown(pos, size);
      else a[pos - 1] = undefined; // the last element: nothing to shift
      return result;
    }
    const result = t.getInt(pos);
    for (; pos < size; pos++) t.setInt(pos, t.getInt(pos + 1));
    t.setInt(pos, undefined);
    return result;
  },
  // without a comparison function on a table sortNative takes: no Lua code runs, nothing can fail midway
  sort: (_L, n, t) => {
    if (n !== 1 || !isPlain(t)) return NOFAST;
    const size = t.length();
    return size < 2 || sortNative(t, size) ? undefined : NOFAST;
  },
};

// ---------------------------------------------------------------------------------------------- helpers

/** The argument is a table, or has a metatable with the metamethods `what` needs; else a type error. */
function checkTab(L: LuaState, args: LuaValue[], arg: number, what: number): void {
  const v = args[arg - 1];
  if (v instanceof LuaTable) return;
  const mt = L.getMetatable(v);
  if (
    mt !== undefined &&
    (!(what & TAB_R) || mt.getStr('__index') !== undefined) &&
    (!(what & TAB_W) || mt.getStr('__newindex') !== undefined) &&
    (!(what & TAB_L) || mt.getStr('__len') !== undefined)
  ) return;
  typeError(L, arg, 'table', v, args);
}

/** A plain table: raw access is what lua_geti/lua_seti would do. */
function isPlain(v: LuaValue): v is LuaTable {
  return v instanceof LuaTable && v.metatable === undefined;
}

/** luaL_len: `#v` with __len, which must be an integer (or convertible to one). */
function lenOf(L: LuaState, v: LuaValue): Int {
  if (isPlain(v)) return v.length();
  const n = tointeger(L.len(v));
  return n !== undefined ? n : luaError(L, 'object length is not an integer');
}

/** The length of argument 1 after checking it can act as a table (ltablib's aux_getn). */
function getn(L: LuaState, args: LuaValue[], what: number): Int {
  checkTab(L, args, 1, what | TAB_L);
  return lenOf(L, args[0]);
}

function geti(L: LuaState, t: LuaValue, i: Int): LuaValue {
  if (isPlain(t)) return typeof i === 'number' ? t.getInt(i) : t.get(i);
  return L.index(t, i);
}

function seti(L: LuaState, t: LuaValue, i: Int, v: LuaValue): void {
  if (isPlain(t)) {
    if (typeof i === 'number') t.setInt(i, v);
    else t.set(i, v);
  } else L.setIndex(t, i, v);
}

// ---------------------------------------------------------------------------------------------- insert/remove

function insert(L: LuaState, args: LuaValue[]): LuaValue[] {
  const t = args[0];
  const e = iadd(getn(L, args, TAB_R | TAB_W), 1); // first empty element
  if (args.length === 2) {
    seti(L, t, e, args[1]);
    return NONE;
  }
  if (args.length !== 3) return luaError(L, "wrong number of arguments to 'insert'");
  const pos = checkInteger(L, args, 2);
  // pos must be in [1, e], compared as unsigned like PUC
  if (!ult(isub(pos, 1), e)) return argError(L, 2, 'position out of bounds');
  const v = args[2];
  if (isPlain(t) && typeof e === 'number' && typeof pos === 'number') {
    t.shiftUp(pos, e); // pos >= 1 here
    t.setInt(pos, v);
    return NONE;
  }
  if (typeof e === 'number' && typeof pos === 'number') {
    for (let i = e; i > pos; i--) seti(L, t, i, geti(L, t, i - 1));
  } else {
    for (let i = e; i > pos; i = isub(i, 1)) seti(L, t, i, geti(L, t, isub(i, 1)));
  }
  seti(L, t, pos, v);
  return NONE;
}

function remove(L: LuaState, args: LuaValue[]): LuaValue[] {
  const t = args[0];
  const size = getn(L, args, TAB_R | TAB_W);
  let pos = optInteger(L, args, 2, size);
  // a given position must be in [1, size + 1], compared as unsigned like PUC
  if (pos !== size && !ule(isub(pos, 1), size)) return argError(L, 1, 'position out of bounds');
  if (isPlain(t) && typeof pos === 'number' && typeof size === 'number' && pos >= 1 && pos <= size && size <= t.alimit) {
    const result = t.arr[pos - 1];
    t.shiftDown(pos, size);
    return [result];
  }
  const result = geti(L, t, pos);
  if (typeof pos === 'number' && typeof size === 'number') {
    for (; pos < size; pos++) seti(L, t, pos, geti(L, t, pos + 1));
  } else {
    for (; pos < size; pos = iadd(pos, 1)) seti(L, t, pos, geti(L, t, iadd(pos, 1)));
  }
  seti(L, t, pos, undefined);
  return [result];
}

// ---------------------------------------------------------------------------------------------- move

function move(L: LuaState, args: LuaValue[]): LuaValue[] {
  const f = checkInteger(L, args, 2);
  const e = checkInteger(L, args, 3);
  const t = checkInteger(L, args, 4);
  const tt = args.length >= 5 && args[4] !== undefined ? 5 : 1; // destination argument
  checkTab(L, args, 1, TAB_R);
  checkTab(L, args, tt, TAB_W);
  const src = args[0];
  const dst = args[tt - 1];
  if (e >= f) {
    if (!(f > 0 || BigInt(e) < MAXINT + BigInt(f))) return argError(L, 3, 'too many elements to move');
    const n = BigInt(e) - BigInt(f) + 1n; // number of elements to move
    if (!(BigInt(t) <= MAXINT - n + 1n)) return argError(L, 4, 'destination wrap around');
    const forward = t > e || t <= f || (tt !== 1 && !L.equals(src, dst));
    if (typeof f === 'number' && typeof e === 'number' && typeof t === 'number' && t + (e - f) <= MAX_SAFE) {
      moveSafe(L, src, dst, f, e - f + 1, t, forward);
    } else {
      moveBig(L, src, dst, BigInt(f), n, BigInt(t), forward);
    }
  }
  return [dst];
}

/** table.move over indices that are all safe JS integers. */
function moveSafe(L: LuaState, src: LuaValue, dst: LuaValue, f: number, n: number, t: number, forward: boolean): void {
  if (isPlain(src) && isPlain(dst)) {
    if (forward) for (let i = 0; i < n; i++) dst.setInt(t + i, src.getInt(f + i));
    else for (let i = n - 1; i >= 0; i--) dst.setInt(t + i, src.getInt(f + i));
    return;
  }
  if (forward) for (let i = 0; i < n; i++) seti(L, dst, t + i, geti(L, src, f + i));
  else for (let i = n - 1; i >= 0; i--) seti(L, dst, t + i, geti(L, src, f + i));
}

function moveBig(L: LuaState, src: LuaValue, dst: LuaValue, f: bigint, n: bigint, t: bigint, forward: boolean): void {
  if (forward) {
    for (let i = 0n; i < n; i++) seti(L, dst, wrap(t + i), geti(L, src, wrap(f + i)));
  } else {
    for (let i = n - 1n; i >= 0n; i--) seti(L, dst, wrap(t + i), geti(L, src, wrap(f + i)));
  }
}

// ---------------------------------------------------------------------------------------------- concat

function concat(L: LuaState, args: LuaValue[]): LuaValue[] {
  let last = getn(L, args, TAB_R);
  const sep = optString(L, args, 2, '');
  let i = optInteger(L, args, 3, 1);
  last = optInteger(L, args, 4, last);
  const t = args[0];
  if (typeof i === 'number' && typeof last === 'number') {
    if (i > last) return [''];
    return [concatRange(L, t, sep, i, last)];
  }
  // ranges beyond 2^53 only end well when empty or tiny; keep PUC's order of reads and its errors
  const parts: string[] = [];
  for (; i < last; i = iadd(i, 1)) parts.push(field(L, t, i));
  if (i === last) parts.push(field(L, t, i));
  return [parts.join(sep)];
}

/** Concatenation of t[i..last] (i <= last), joined in chunks so huge tables do not build one giant array. */
function concatRange(L: LuaState, t: LuaValue, sep: string, i: number, last: number): string {
  const CHUNK = 4096;
  if (isPlain(t) && i >= 1 && last <= t.alimit) {
    // a plain table's array part: its slots are what lua_geti reads; numbers (and errors) through field()
    if (last - i < CHUNK) return joinSlice(L, t, sep, i, last);
    const out: string[] = [];
    for (let k = i; k <= last; k += CHUNK) out.push(joinSlice(L, t, sep, k, Math.min(k + CHUNK - 1, last)));
    return out.join(sep);
  }
  const chunks: string[] = [];
  let parts: string[] = [];
  for (let k = i; ; k++) {
    parts.push(field(L, t, k));
    if (parts.length === CHUNK) {
      chunks.push(parts.join(sep));
      parts = [];
    }
    if (k === last) break;
  }
  if (parts.length > 0) chunks.push(parts.join(sep));
  return chunks.join(sep);
}

/** t[i..last] of a plain table's array part (1 <= i <= last <= alimit) joined with sep. */
function joinSlice(L: LuaState, t: LuaTable, sep: string, i: number, last: number): string {
  const a = t.arr;
  // the whole array part (slots after the range are nil; join writes undefined as ''): no copy
  if (sep === '' && i === 1 && a.length - last <= last && allStrings(a, last)) return a.join('');
  const parts = a.slice(i - 1, last);
  for (let k = 0; k < parts.length; k++) if (typeof parts[k] !== 'string') parts[k] = field(L, t, i + k);
  return parts.join(sep);
}

/** Are a[0..n) strings and the slots after them nil? (Then the whole array joins as its first n.) */
function allStrings(a: LuaValue[], n: number): boolean {
  for (let k = 0; k < n; k++) if (typeof a[k] !== 'string') return false;
  for (let k = n; k < a.length; k++) if (a[k] !== undefined) return false;
  return true;
}

/** t[i] as a string for concat: strings and numbers only. */
function field(L: LuaState, t: LuaValue, i: Int): string {
  const v = geti(L, t, i);
  if (typeof v === 'string') return v;
  const s = toStringCoerce(v);
  if (s === undefined) {
    return luaError(L, `invalid value (${typeName(v)}) at index ${i} in table for 'concat'`);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------- pack/unpack

function pack(_L: LuaState, args: LuaValue[]): LuaValue[] {
  const n = args.length;
  const t = LuaTable.fromArray(args, 1); // args is ours to keep; as lua_createtable(L, n, 1)
  t.setStr('n', n);
  return [t];
}

function unpack(L: LuaState, args: LuaValue[]): LuaValue[] {
  const t = args[0];
  const i = optInteger(L, args, 2, 1);
  const e = args.length >= 3 && args[2] !== undefined ? checkInteger(L, args, 3) : lenOf(L, t);
  if (i > e) return NONE;
  const count = BigInt(e) - BigInt(i) + 1n;
  if (count >= BigInt(INT_MAX) || count > BigInt(MAX_RESULTS)) return luaError(L, 'too many results to unpack');
  const n = Number(count);
  if (typeof i === 'number' && typeof e === 'number') {
    if (isPlain(t) && i >= 1 && e <= t.alimit) return t.arr.slice(i - 1, e);
    const out = new Array<LuaValue>(n);
    for (let k = 0; k < n; k++) out[k] = geti(L, t, i + k);
    return out;
  }
  const out = new Array<LuaValue>(n);
  const bi = BigInt(i);
  for (let k = 0; k < n; k++) out[k] = geti(L, t, wrap(bi + BigInt(k)));
  return out;
}

// ---------------------------------------------------------------------------------------------- sort

/** Partitions smaller than this always use the middle element as pivot. */
const RANLIMIT = 100;

function sort(L: LuaState, args: LuaValue[]): LuaValue[] {
  const n = getn(L, args, TAB_R | TAB_W);
  if (n > 1) {
    if (!(n < INT_MAX)) return argError(L, 1, 'array too big');
    const cmp = args[1];
    if (cmp !== undefined && typeName(cmp) !== 'function') {
      return typeError(L, 2, 'function', cmp, args);
    }
    const t = args[0];
    const size = n as number;
    if (cmp === undefined && isPlain(t) && sortNative(t, size)) return NONE;
    new Sorter(L, t, cmp).sort(1, size, 0);
  }
  return NONE;
}

/** Sorts t[1..n] with JS's sort when the outcome cannot differ from PUC's: a plain table whose elements are
 * all plain JS numbers (no NaN) or all strings, compared with `<`. Returns false when not applicable. */
function sortNative(t: LuaTable, n: number): boolean {
  const a = t.arr;
  if (n > t.alimit) return false; // keys 1..n must be plain array slots
  const first = a[0];
  if (n <= SMALL_SORT) return insertionSort(a, n, typeof first);
  if (typeof first === 'number' || first instanceof LFloat) {
    const nums = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (typeof v !== 'number' || v !== v) return v instanceof LFloat && sortFloats(a, n, nums, i);
      nums[i] = v;
    }
    nums.sort();
    for (let i = 0; i < n; i++) a[i] = nums[i];
    return true;
  }
  if (typeof first === 'string') {
    for (let i = 0; i < n; i++) if (typeof a[i] !== 'string') return false;
    const strs = a.slice(0, n) as string[];
    strs.sort(); // UTF-16 code unit order = byte order for byte strings, as strcmp in the C locale
    for (let i = 0; i < n; i++) a[i] = strs[i];
    return true;
  }
  return false;
}

/** sortNative's case of numbers some of which are integral-valued floats (LFloat): a[0..from) are plain
 * numbers already in `nums`. Integers within +-2^53 and floats are exact doubles, so sorting the doubles
 * orders them as Lua's `<` does. The outcome is PUC's whenever elements that compare equal are
 * indistinguishable: false (nothing changed) if the array holds a NaN, a bigint or anything else, or an
 * integral value both as an integer and as a float (1 and 1.0; 0, 0.0 and -0.0), whose order would depend
 * on the algorithm. */
function sortFloats(a: LuaValue[], n: number, nums: Float64Array, from: number): boolean {
  // each integral value (and infinity) -> the one element holding it, to put back after the sort
  const integral = new Map<number, LuaValue>();
  for (let i = 0; i < n; i++) {
    const v = a[i];
    let d: number;
    if (typeof v === 'number') d = v;
    else if (v instanceof LFloat) d = v.n;
    else return false;
    if (d !== d) return false;
    if (i >= from) nums[i] = d;
    if (Math.floor(d) !== d) continue;
    const seen = integral.get(d); // (Map keys: -0 is 0)
    if (seen === undefined) integral.set(d, v);
    else if (seen !== v && !(seen instanceof LFloat && v instanceof LFloat && Object.is(seen.n, d))) return false;
  }
  nums.sort();
  for (let i = 0; i < n; i++) {
    const d = nums[i];
    a[i] = Math.floor(d) === d ? integral.get(d) : d;
  }
  return true;
}

/** Up to this many elements sortNative sorts in place by insertion (a JS sort call costs more). */
const SMALL_SORT = 12;

/** sortNative's small case: a[0..n) when all are strings or all non-NaN numbers (`kind` is typeof a[0]); no
 * change and false otherwise. JS's `<` is Lua's on both (code units of byte strings are the bytes). */
function insertionSort(a: LuaValue[], n: number, kind: string): boolean {
  if (kind !== 'number' && kind !== 'string') return false;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v !== kind || v !== v) return false;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i] as number | string;
    let j = i - 1;
    for (; j >= 0 && v < (a[j] as number | string); j--) a[j + 1] = a[j];
    a[j + 1] = v;
  }
  return true;
}

type PairCall = (fn: LuaValue, a: LuaValue, b: LuaValue, site?: CallbackSite) => LuaValue;

/** PUC-Lua's quicksort over t[lo..up] through lua_geti/lua_seti-like accesses (see the file header). */
class Sorter {
  /** The engine's call of f(a, b) wanting one result without argument and result arrays, when it has one
   * (State.callPair). */
  private readonly callPair: PairCall | undefined;
  /** The comparator's arguments (generic elements: a double array would lose a NaN's sign). */
  private readonly pair: LuaValue[] = ['', ''];
  /** t when it is a table (the comparator may give it a metatable midway: every access checks). */
  private readonly tab: LuaTable | undefined;
  /** The comparator calls' CallbackSite (all from this sort's frame). */
  private readonly site = new CallbackSite();
  constructor(private L: LuaState, private t: LuaValue, private cmp: LuaValue) {
    this.callPair = (L as LuaState & { callPair?: PairCall }).callPair;
    this.tab = t instanceof LuaTable ? t : undefined;
  }

  // (slots 1..alimit of a plain table are read and written in `arr` directly, as table.ts allows; sort's
  // indices are >= 1)
  private get(i: number): LuaValue {
    const t = this.tab;
    if (t !== undefined && t.metatable === undefined) return i <= t.alimit ? t.arr[i - 1] : t.getInt(i);
    return this.L.index(this.t, i);
  }

  private set(i: number, v: LuaValue): void {
    const t = this.tab;
    if (t === undefined || t.metatable !== undefined) this.L.setIndex(this.t, i, v);
    else if (i <= t.alimit) t.arr[i - 1] = v;
    else t.setInt(i, v);
  }

  private less(a: LuaValue, b: LuaValue): boolean {
    if (this.cmp === undefined) return this.L.lessThan(a, b);
    const callPair = this.callPair;
    let r: LuaValue;
    if (callPair !== undefined) r = callPair.call(this.L, this.cmp, a, b, this.site);
    else {
      // one argument array for all comparisons: L.call copies the arguments out before running the callee
      const pair = this.pair;
      pair[0] = a;
      pair[1] = b;
      r = this.L.call(this.cmp, pair)[0];
    }
    return r !== undefined && r !== false;
  }

  private invalidOrder(): never {
    return luaError(this.L, 'invalid order function for sorting');
  }

  sort(lo: number, up: number, rnd: number): void {
    while (lo < up) {
      // put a[lo] <= a[up]
      const alo = this.get(lo);
      const aup = this.get(up);
      if (this.less(aup, alo)) this.swapIn(lo, aup, up, alo);
      if (up - lo === 1) return;
      let p = up - lo < RANLIMIT || rnd === 0 ? Math.floor((lo + up) / 2) : choosePivot(lo, up, rnd);
      // put a[lo] <= a[p] <= a[up]
      const ap = this.get(p);
      const alo2 = this.get(lo);
      if (this.less(ap, alo2)) this.swapIn(p, alo2, lo, ap);
      else {
        const aup2 = this.get(up);
        if (this.less(aup2, ap)) this.swapIn(p, aup2, up, ap);
      }
      if (up - lo === 2) return;
      const pivot = this.get(p);
      this.swapIn(p, this.get(up - 1), up - 1, pivot); // the pivot goes to a[up - 1]
      p = this.partition(lo, up, pivot);
      // recurse into the smaller part, loop on the larger one
      let n: number;
      if (p - lo < up - p) {
        this.sort(lo, p - 1, rnd);
        n = p - lo;
        lo = p + 1;
      } else {
        this.sort(p + 1, up, rnd);
        n = up - p;
        up = p - 1;
      }
      if (Math.floor((up - lo) / 128) > n) rnd = randomizePivot(); // too unbalanced: randomise pivots
    }
  }

  /** Writes a[i] = vi then a[j] = vj (the order in which PUC stores a swapped pair). */
  private swapIn(i: number, vi: LuaValue, j: number, vj: LuaValue): void {
    this.set(i, vi);
    this.set(j, vj);
  }

  /** Given a[lo] <= P == a[up-1] <= a[up], partitions a[lo+1 .. up-2] around P; returns P's final index. */
  private partition(lo: number, up: number, pivot: LuaValue): number {
    let i = lo;
    let j = up - 1;
    for (;;) {
      let ai: LuaValue;
      while (this.less((ai = this.get(++i)), pivot)) {
        if (i === up - 1) this.invalidOrder(); // a[i] < P but a[up-1] == P
      }
      let aj: LuaValue;
      while (this.less(pivot, (aj = this.get(--j)))) {
        if (j < i) this.invalidOrder(); // j < i but a[j] > P
      }
      if (j < i) {
        this.swapIn(up - 1, ai, i, pivot);
        return i;
      }
      this.swapIn(i, aj, j, ai);
    }
  }
}

/** A pivot in the middle half of [lo, up], chosen by `rnd`. */
function choosePivot(lo: number, up: number, rnd: number): number {
  const r4 = Math.floor((up - lo) / 4);
  return (rnd % (r4 * 2)) + lo + r4;
}

/** PUC seeds this from clock() and time(); any varying unsigned value serves the same purpose. */
function randomizePivot(): number {
  const now = Date.now();
  return (Math.floor(now / 1000) + (now % 1000) * 1000) >>> 0;
}

// ---------------------------------------------------------------------------------------------- int64 helpers

/** Wraps a bigint to int64 and returns it in canonical form. */
function wrap(b: bigint): Int {
  const w = BigInt.asIntN(64, b);
  return w >= -9007199254740991n && w <= 9007199254740991n ? Number(w) : w;
}

function iadd(a: Int, b: number): Int {
  if (typeof a === 'number') {
    const r = a + b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return wrap(BigInt(a) + BigInt(b));
}

function isub(a: Int, b: number): Int {
  return iadd(a, -b);
}

/** a < b as unsigned 64-bit integers (negative values are the largest). */
function ult(a: Int, b: Int): boolean {
  const an = a < 0;
  return an === b < 0 ? a < b : !an;
}

function ule(a: Int, b: Int): boolean {
  return a === b || ult(a, b);
}
