/*
 * LuaTable: the one table implementation shared by every tier and library.
 *
 * Layout (DESIGN.md §2 "Tables"):
 *   arr   - the array part, a JS Array: key k (1 <= k <= arr.length) lives at arr[k - 1]. A nil element is
 *           stored as `undefined` (never `delete`, never a hole), so V8 keeps the array packed.
 *   hash  - string keys of a "record" table, as own properties of an object whose prototype chain is empty
 *           (`new StrHash()`), so that code reading a constant name (`t.hash.name`) gets V8's hidden classes and
 *           inline caches. Assigning nil stores `undefined`; the property stays as a dead key. A table with no
 *           string key shares EMPTY_HASH (never written: the first string key gives the table its own object).
 *   map   - every other key (sparse/zero/negative integers, non-integral floats, floats outside int64 such as
 *           inf and 2^63, bigints, booleans, tables, functions, userdata, threads), and the string keys of a
 *           "dictionary" table: a lazily created Map from the normalised key to a slot in `mkeys`/`mvals`
 *           (slots give next() O(1) positional access; removed keys leave dead slots until compaction).
 *
 * Record vs dictionary mode. V8 objects are the fastest store for a few fields read by constant names, but
 * adding ever-new property names is slow (~0.5-1 us each: a new hidden class, or string internalisation in
 * dictionary mode), and V8 itself turns objects with more than ~30 keyed-store properties into dictionaries.
 * So a table keeps its string keys in `hash` only while it has at most about DICT_KEYS of them (dead ones
 * included); beyond that (a big dictionary, or a queue of ever-new keys) all its string keys move to the Map
 * for good (`strDict`), whose inserts are ~4x cheaper and whose dead slots are compacted.
 *
 * Key normalisation: integral floats that fit int64 become integers (LFloat(3) -> 3, -0.0 -> 0, 2^53 -> 2n**53n);
 * floats that stay floats (inf, +-2^63 and beyond) are stored in the Map as their raw JS number, which cannot
 * collide with an integer key because integer keys that are JS numbers are always within +-(2^53-1); next()
 * boxes them back into LFloat.
 *
 * Invariants:
 *   - the Map never holds a live (non-nil) integer key arr.length + 1: appending t[n+1] absorbs n+2, n+3, ...
 *     from the Map, so length() is O(1) whenever the last array slot is non-nil;
 *   - in record mode the Map holds no string key; in dictionary mode `hash` is EMPTY_HASH;
 *   - traversal order is: array part, then `hash` properties in V8's own order (Object.keys, cached in `skeys`
 *     until a property is added), then Map slots in order;
 *   - storage changes shape (compaction of dead Map slots, the switch to dictionary mode, moving a sparse array
 *     part into the Map) only when a new key is inserted, which Lua forbids during a traversal; popping nils
 *     from the array tail may happen at any time and is made traversal-safe by `shrunkFrom` (see nextAfterOther).
 *
 * For generated code (the JIT) and the interpreter's fast paths:
 *   - read  `t.arr[i - 1]` when 1 <= i <= t.arr.length (undefined there means nil), else call getInt/get;
 *   - read  `t.hash.name`: a value other than undefined is the answer; undefined means "call t.getStr(name)"
 *     (the key may live in the Map of a dictionary-mode table) before concluding nil;
 *   - write `t.hash.name = v` directly only when the current value is not undefined (any v, nil included);
 *     `t.arr[i - 1] = v` directly only when 1 <= i < t.arr.length, or i == t.arr.length and v is not nil;
 *     anything else goes through setStr/setInt/set, which maintain the invariants;
 *   - build `{x = e1, y = e2}` as `h = new StrHash(); h.x = e1; h.y = e2; LuaTable.fromHash(h, 2)` and
 *     `{e1, e2}` as `LuaTable.fromArray([e1, e2])`;
 *   - never keep `t.arr` or `t.hash` in a variable across a call or another table write: the table may replace
 *     both (first string key, dictionary switch, array part moved to the Map).
 *
 * Errors: `set` raises a TableIndexError (a LuaError) whose value is the bare message 'table index is nil' /
 * 'table index is NaN', which is what PUC's rawset prints. For `t[k] = v` in Lua code PUC adds the position
 * ("input:3: table index is nil"): the VM either checks `tableKeyError(key)` on its generic store path and
 * raises the message with a position itself, or catches TableIndexError and re-raises with one. next() raises
 * the bare "invalid key to 'next'", exactly as PUC (the error comes from the C function next: no position).
 */
import { LFloat, LuaObject, MAX_SAFE } from './value.js';
import type { LuaValue } from './value.js';
import { LuaError } from './errors.js';

/** Constructor of string-key objects: instances have an empty prototype chain but, unlike
 * `Object.create(null)` (which V8 puts in dictionary mode), they start in fast mode with hidden classes. */
export const StrHash = function StrHash() {} as unknown as new () => Record<string, LuaValue>;
StrHash.prototype = Object.create(null);

/** Shared key-less string part of tables that have no string key in `hash`. Not frozen: freezing would give
 * it a hidden class of its own and make `t.hash.x` sites polymorphic. Nothing writes to it (see addStr). */
const EMPTY_HASH: Record<string, LuaValue> = new StrHash();

/** Raised by `set` for nil and NaN keys; the VM may catch it to add the position PUC shows for `t[k] = v`. */
export class TableIndexError extends LuaError {}

/** The message PUC gives for storing with this key ('table index is nil' / 'table index is NaN'), or undefined
 * when the key is valid. */
export function tableKeyError(key: LuaValue): string | undefined {
  if (key === undefined) return 'table index is nil';
  if (typeof key === 'number' && key !== key) return 'table index is NaN';
  return undefined;
}

/** Record mode keeps at most about this many string keys (dead ones included) in `hash`. */
const DICT_KEYS = 32;
/** Dead Map slots tolerated before compaction is considered. */
const COMPACT_MIN_DEAD = 16;
/** Array parts shorter than this are never moved to the Map, however sparse. */
const REBALANCE_MIN = 64;

let nextId = 0;

export class LuaTable extends LuaObject {
  /** Array part: key k at arr[k - 1], nil stored as undefined. See the header for direct-access rules. */
  arr: LuaValue[] = [];
  /** String keys of a record-mode table; undefined = look further (see the header). */
  hash: Record<string, LuaValue> = EMPTY_HASH;
  /** Dictionary mode: string keys live in the Map, `hash` stays EMPTY_HASH. */
  private strDict = false;
  /** Properties added to `hash` (an upper bound: revived dead keys count again until the next recount). */
  private scount = 0;
  /** Object.keys(hash), the traversal order of string keys; undefined until needed after a property is added. */
  private skeys: string[] | undefined = undefined;
  /** Position in skeys of the key last returned by next(), so that a traversal is O(1) per step. */
  private scursor = 0;
  /** Other keys (normalised) -> slot index in mkeys/mvals. */
  private map: Map<unknown, number> | undefined = undefined;
  private mkeys: unknown[] | undefined = undefined;
  private mvals: LuaValue[] | undefined = undefined;
  /** Dead Map slots (nil values, and keys absorbed into the array part). */
  private mdead = 0;
  /** The last border computed by a binary search, tried first next time. */
  private lenHint = 0;
  /** The largest array length before trailing nils were popped; keys in (arr.length, shrunkFrom] that are
   * not in the Map were array keys, so next() continues after the array part for them. */
  private shrunkFrom = 0;
  /** Unique id for tostring, assigned lazily (0 = none yet). */
  private id = 0;
  declare metatable: LuaTable | undefined;

  /** A table whose array part is `values` (taken over, not copied; undefined elements are nils). */
  static fromArray(values: LuaValue[]): LuaTable {
    const t = new LuaTable();
    t.arr = values;
    return t;
  }

  /** A table whose string keys are the properties of `h`, an object made by `new StrHash()` and owned by the
   * table from now on; `count` is its number of properties. (For table constructors in generated code.) */
  static fromHash(h: Record<string, LuaValue>, count: number): LuaTable {
    const t = new LuaTable();
    t.hash = h;
    t.scount = count;
    if (count > DICT_KEYS) t.toDict();
    return t;
  }

  /** True when the table has no non-nil value (`next(t) == nil`). */
  static isEmpty(t: LuaTable): boolean {
    const a = t.arr;
    for (let i = 0; i < a.length; i++) if (a[i] !== undefined) return false;
    return !t.nextStr(0, SCRATCH);
  }

  // ------------------------------------------------------------------------------------------ reads

  get(key: LuaValue): LuaValue {
    if (typeof key === 'string') return this.strDict ? this.mapGet(key) : this.hash[key];
    if (typeof key === 'number') {
      if (Math.floor(key) === key) {
        const a = this.arr;
        if (key >= 1 && key <= a.length) return a[key - 1];
      }
      return this.mapGet(key);
    }
    return this.getOther(key);
  }

  getStr(key: string): LuaValue {
    return this.strDict ? this.mapGet(key) : this.hash[key];
  }

  /** `i` must be an integer that is a JS number (|i| <= 2^53-1). */
  getInt(i: number): LuaValue {
    const a = this.arr;
    if (i >= 1 && i <= a.length) return a[i - 1];
    return this.mapGet(i);
  }

  private getOther(key: LuaValue): LuaValue {
    if (key instanceof LFloat) {
      const k = floatKey(key.n);
      return typeof k === 'number' ? this.getInt(k) : this.mapGet(k);
    }
    return key === undefined ? undefined : this.mapGet(key);
  }

  private mapGet(k: unknown): LuaValue {
    const m = this.map;
    if (m === undefined) return undefined;
    const slot = m.get(k);
    return slot === undefined ? undefined : this.mvals![slot];
  }

  // ------------------------------------------------------------------------------------------ writes

  set(key: LuaValue, v: LuaValue): void {
    if (typeof key === 'string') return this.setStr(key, v);
    if (typeof key === 'number') {
      if (Math.floor(key) === key) return this.setInt(key, v);
      if (key !== key) throw new TableIndexError('table index is NaN');
      return this.mapSet(key, v);
    }
    this.setOther(key, v);
  }

  setStr(key: string, v: LuaValue): void {
    // dictionary mode first: probing an object with a fresh (non-internalised) string is costly
    if (this.strDict) return this.mapSet(key, v);
    const h = this.hash;
    if (h[key] !== undefined) h[key] = v;
    else if (v !== undefined) this.addStr(key, v);
  }

  /** `i` must be an integer that is a JS number (|i| <= 2^53-1). */
  setInt(i: number, v: LuaValue): void {
    const a = this.arr;
    const n = a.length;
    if (i >= 1 && i <= n) {
      if (v === undefined && i === n) this.popTrailing();
      else a[i - 1] = v;
    } else if (i === n + 1 && v !== undefined) {
      a.push(v);
      if (this.map !== undefined) this.absorb();
      if (n + 1 >= REBALANCE_MIN && (n & (n + 1)) === 0) this.rebalance();
    } else {
      this.mapSet(i, v);
    }
  }

  private setOther(key: LuaValue, v: LuaValue): void {
    if (key instanceof LFloat) {
      const k = floatKey(key.n);
      if (typeof k === 'number') return this.setInt(k, v);
      return this.mapSet(k, v);
    }
    if (key === undefined) throw new TableIndexError('table index is nil');
    this.mapSet(key, v);
  }

  /** Stores a string key of a record-mode table that has no live value (new, or a dead key revived). */
  private addStr(key: string, v: LuaValue): void {
    let h = this.hash;
    if (h === EMPTY_HASH) this.hash = h = new StrHash();
    else if (this.scount >= DICT_KEYS && this.recount()) return this.mapSet(key, v);
    h[key] = v;
    this.scount++;
    this.skeys = undefined; // perhaps a new property: the key order must be read again
  }

  /** scount reached DICT_KEYS: counts the properties for real, and switches to dictionary mode if there are
   * that many (returns true then). Otherwise lets scount restart at most halfway, so that a table reviving
   * its dead keys again and again recounts rarely. */
  private recount(): boolean {
    const n = this.stringKeys().length;
    if (n >= DICT_KEYS) {
      this.toDict();
      return true;
    }
    this.scount = Math.min(n, DICT_KEYS / 2);
    return false;
  }

  /** Moves the live string keys from `hash` into the Map, for good. Only on inserting a new key. */
  private toDict(): void {
    const h = this.hash;
    const keys = Object.keys(h);
    this.hash = EMPTY_HASH;
    this.skeys = undefined;
    this.scount = 0;
    this.strDict = true;
    for (const k of keys) if (h[k] !== undefined) this.mapSet(k, h[k]);
  }

  /** Raw set of an already normalised key that belongs to the Map part. */
  private mapSet(k: unknown, v: LuaValue): void {
    let m = this.map;
    if (m === undefined) {
      if (v === undefined) return;
      m = this.map = new Map();
      this.mkeys = [];
      this.mvals = [];
    }
    const slot = m.get(k);
    const vals = this.mvals!;
    if (slot !== undefined) {
      const old = vals[slot];
      vals[slot] = v;
      if (old === undefined) {
        if (v !== undefined) this.mdead--;
      } else if (v === undefined) this.mdead++;
    } else if (v !== undefined) {
      if (this.mdead >= COMPACT_MIN_DEAD && this.mdead * 2 >= vals.length) this.compactMap();
      this.map!.set(k, this.mvals!.length);
      this.mkeys!.push(k);
      this.mvals!.push(v);
    }
  }

  /** Rebuilds the Map part without dead slots. Only called when inserting a new key. */
  private compactMap(): void {
    const old = this.map!;
    const keys = this.mkeys!;
    const vals = this.mvals!;
    const m = new Map<unknown, number>();
    const nk: unknown[] = [];
    const nv: LuaValue[] = [];
    for (let i = 0; i < keys.length; i++) {
      const v = vals[i];
      if (v !== undefined && old.get(keys[i]) === i) {
        m.set(keys[i], nv.length);
        nk.push(keys[i]);
        nv.push(v);
      }
    }
    this.map = m;
    this.mkeys = nk;
    this.mvals = nv;
    this.mdead = 0;
  }

  /** After an append: moves n+1, n+2, ... from the Map into the array part, and drops a dead n+1 slot. */
  private absorb(): void {
    const m = this.map!;
    const a = this.arr;
    const vals = this.mvals!;
    for (;;) {
      const k = a.length + 1;
      const slot = m.get(k);
      if (slot === undefined) break;
      const v = vals[slot];
      m.delete(k);
      vals[slot] = undefined;
      if (v === undefined) break; // it was dead already (counted)
      this.mdead++;
      a.push(v);
    }
    if (this.mdead >= COMPACT_MIN_DEAD && this.mdead * 2 >= vals.length) this.compactMap();
  }

  /** The array part just grew to a power of two: if it is mostly nil (a queue `t[tail] = x; t[head] = nil`
   * leaves ever more leading nils), keeps only the prefix Lua would keep as its array part (the largest
   * power of two n with more than n/2 non-nil slots in 1..n, extended over the following non-nil run) and
   * moves the rest to the Map, so memory stays bounded. Amortised O(1) per append. */
  private rebalance(): void {
    const a = this.arr;
    const n = a.length;
    // slices[b] = non-nil slots among keys (2^(b-1), 2^b]
    const slices: number[] = [];
    let live = 0;
    for (let b = 0, lo = 0, hi = 1; lo < n; b++, lo = hi, hi *= 2) {
      let c = 0;
      for (let i = lo; i < hi && i < n; i++) if (a[i] !== undefined) c++;
      slices.push(c);
      live += c;
    }
    if (live * 2 > n) return;
    let keep = 0;
    for (let b = 0, size = 1, acc = 0; b < slices.length; b++, size *= 2) {
      acc += slices[b];
      if (acc * 2 > size) keep = size;
    }
    while (keep < n && a[keep] !== undefined) keep++;
    if (keep * 2 > n) return;
    const moved = a.slice(keep);
    a.length = keep;
    if (n > this.shrunkFrom) this.shrunkFrom = n;
    for (let i = 0; i < moved.length; i++) if (moved[i] !== undefined) this.mapSet(keep + i + 1, moved[i]);
  }

  /** t[#arr] = nil: pops the trailing nils (amortised O(1): each slot is pushed once). */
  private popTrailing(): void {
    const a = this.arr;
    const n = a.length;
    if (n > this.shrunkFrom) this.shrunkFrom = n;
    a.pop();
    while (a.length > 0 && a[a.length - 1] === undefined) a.pop();
  }

  // ------------------------------------------------------------------------------------------ bulk moves

  /** table.insert's shift on the array part: t[pos..n+1] = v, t[pos..n]. Requires 1 <= pos <= arr.length + 1
   * (the caller checked that arr.length is the border it used). Same result as the element-wise loop. */
  insertArr(pos: number, v: LuaValue): void {
    const a = this.arr;
    if (pos === a.length + 1) a.push(v);
    else a.splice(pos - 1, 0, v);
    if (a[a.length - 1] === undefined) this.popTrailing();
    else if (this.map !== undefined) this.absorb();
  }

  /** table.remove's shift on the array part: returns t[pos], moves t[pos+1..n] down, t[n] = nil. Requires
   * 1 <= pos <= arr.length. Same result as the element-wise loop. */
  removeArr(pos: number): LuaValue {
    const a = this.arr;
    if (a.length > this.shrunkFrom) this.shrunkFrom = a.length;
    const v = pos === a.length ? a.pop() : a.splice(pos - 1, 1)[0];
    while (a.length > 0 && a[a.length - 1] === undefined) a.pop();
    return v;
  }

  // ------------------------------------------------------------------------------------------ length

  /** A border of the table (`#t` without __len), as Lua's rules allow. */
  length(): number {
    const a = this.arr;
    const n = a.length;
    if (n > 0 && a[n - 1] === undefined) return this.arrayBorder();
    if (this.map === undefined || this.mapGet(n + 1) === undefined) return n;
    return this.mapBorder(n + 1);
  }

  /** A border inside the array part, whose last slot is nil: tries the last result and its neighbours
   * (push/pop patterns), then binary-searches. */
  private arrayBorder(): number {
    const a = this.arr;
    const h = this.lenHint;
    if (h < a.length) {
      if (a[h] === undefined) {
        if (h === 0 || a[h - 1] !== undefined) return h;
        if (h === 1 || a[h - 2] !== undefined) return (this.lenHint = h - 1);
      } else if (h + 1 < a.length && a[h + 1] === undefined) return (this.lenHint = h + 1);
    }
    // invariant: i == 0 or a[i-1] non-nil; a[j-1] nil
    let i = 0;
    let j = a.length;
    while (j - i > 1) {
      const m = (i + j) >>> 1;
      if (a[m - 1] === undefined) j = m;
      else i = m;
    }
    return (this.lenHint = i);
  }

  /** A border beyond the array part, given that t[k] is non-nil and k is in the Map: doubles until a nil,
   * then binary-searches (as Lua does for its hash part). */
  private mapBorder(k: number): number {
    let i = k;
    let j = k * 2;
    while (this.getInt(j) !== undefined) {
      i = j;
      if (j > MAX_SAFE / 2) {
        // pathological: linear search for a border
        let b = 1;
        while (this.getInt(b) !== undefined) b++;
        return b - 1;
      }
      j *= 2;
    }
    while (j - i > 1) {
      const m = Math.floor((i + j) / 2);
      if (this.getInt(m) === undefined) j = m;
      else i = m;
    }
    return i;
  }

  // ------------------------------------------------------------------------------------------ traversal

  /** Raw next: the entry after `key` (nil = the first), or undefined at the end. */
  next(key: LuaValue): [LuaValue, LuaValue] | undefined {
    const out: LuaValue[] = [undefined, undefined];
    return this.nextInto(key, out) ? (out as [LuaValue, LuaValue]) : undefined;
  }

  /** Raw next without allocation: writes the entry after `key` into out[0], out[1] and returns true, or
   * returns false at the end. Throws "invalid key to 'next'" for a key that is not in the table. */
  nextInto(key: LuaValue, out: LuaValue[]): boolean {
    const a = this.arr;
    let i = 0;
    if (key !== undefined) {
      if (typeof key === 'string' && !this.strDict) return this.nextStr(this.strPos(key) + 1, out);
      let k: unknown = key;
      if (key instanceof LFloat) k = floatKey(key.n);
      if (typeof k === 'number' && Math.floor(k) === k && k >= 1 && k <= a.length) i = k;
      else return this.nextAfterOther(k, out);
    }
    for (; i < a.length; i++) {
      const v = a[i];
      if (v !== undefined) {
        out[0] = i + 1;
        out[1] = v;
        return true;
      }
    }
    return this.nextStr(0, out);
  }

  private nextAfterOther(k: unknown, out: LuaValue[]): boolean {
    const slot = this.map === undefined ? undefined : this.map.get(k);
    if (slot !== undefined) return this.nextMap(slot + 1, out);
    // a key popped from the array tail during the traversal: continue after the array part
    if (typeof k === 'number' && Math.floor(k) === k && k > this.arr.length && k <= this.shrunkFrom) {
      return this.nextStr(0, out);
    }
    throw new LuaError("invalid key to 'next'");
  }

  /** The string keys of `hash` in traversal order (dead ones included), cached until a property is added. */
  private stringKeys(): string[] {
    return this.skeys ?? (this.skeys = Object.keys(this.hash));
  }

  private strPos(key: string): number {
    const ks = this.stringKeys();
    const c = this.scursor;
    if (ks[c] === key) return c;
    const p = ks.indexOf(key); // at most ~DICT_KEYS keys: only nested traversals get here
    if (p < 0) throw new LuaError("invalid key to 'next'");
    return p;
  }

  private nextStr(j: number, out: LuaValue[]): boolean {
    const h = this.hash;
    if (h !== EMPTY_HASH) {
      const ks = this.stringKeys();
      for (; j < ks.length; j++) {
        const k = ks[j];
        const v = h[k];
        if (v !== undefined) {
          this.scursor = j;
          out[0] = k;
          out[1] = v;
          return true;
        }
      }
    }
    return this.mvals === undefined ? false : this.nextMap(0, out);
  }

  private nextMap(j: number, out: LuaValue[]): boolean {
    const vals = this.mvals!;
    for (; j < vals.length; j++) {
      const v = vals[j];
      if (v !== undefined) {
        const k = this.mkeys![j];
        // a float key kept as a raw JS number (inf, 2^63...) goes back into its box
        out[0] = typeof k === 'number' && Math.floor(k) === k && (k > MAX_SAFE || k < -MAX_SAFE)
          ? new LFloat(k)
          : (k as LuaValue);
        out[1] = v;
        return true;
      }
    }
    return false;
  }

  /** All live entries in traversal order (for libraries and the embedding API; not for hot paths). */
  *entries(): Generator<[LuaValue, LuaValue]> {
    const out: LuaValue[] = [undefined, undefined];
    let k: LuaValue = undefined;
    while (this.nextInto(k, out)) {
      k = out[0];
      yield [out[0], out[1]];
    }
  }

  // ------------------------------------------------------------------------------------------ identity

  /** A unique, stable number for this table (assigned on first use). */
  tableId(): number {
    return this.id === 0 ? (this.id = ++nextId) : this.id;
  }

  /** The address text used by tostring: "0x" and 12 hex digits, like PUC's "%p" on Linux. */
  address(): string {
    return formatAddress(this.tableId());
  }
}

const SCRATCH: LuaValue[] = [undefined, undefined];

/** The table key for an integral-valued float (or inf): an integer (a JS number within +-(2^53-1) or an
 * int64 bigint) when it fits int64, else the raw JS number (which stays a float key). */
function floatKey(n: number): number | bigint {
  if (n >= -MAX_SAFE && n <= MAX_SAFE) return n + 0; // + 0 turns -0 into 0
  if (n >= -9223372036854775808 && n < 9223372036854775808) return BigInt(n);
  return n;
}

function formatAddress(id: number): string {
  // 0x55 prefix and 16-byte spacing: looks like a heap address and is unique per id
  return '0x' + (0x55a000000000 + id * 16).toString(16);
}

const otherIds = new WeakMap<object, number>();

/** The address text of any reference value (tables, functions, threads, userdata), stable and unique. */
export function addressOf(o: object): string {
  if (o instanceof LuaTable) return o.address();
  let id = otherIds.get(o);
  if (id === undefined) otherIds.set(o, (id = ++nextId));
  return formatAddress(id);
}
