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
 *   map   - every other key (integers outside the array part, non-integral floats, floats outside int64 such as
 *           inf and 2^63, bigints, booleans, tables, functions, userdata, threads), and the string keys of a
 *           "dictionary" table: slots of `mkeys`/`mvals` (normalised key, value; slots give next() O(1)
 *           positional access), found by a linear search while there are few (SMALL_MAP), else through a
 *           lazily created Map from the key to its slot.
 *
 * Sizes follow PUC-Lua 5.4 exactly, because `#t` on a table with holes is observable and programs compare it
 * with lua5.4: arr.length is PUC's array size and `alimit` its "limit" (the hint that luaH_getn and luaH_getint
 * move around); `hash` + `map` together play PUC's hash part, whose node count is `hcap`. A key stays in the
 * hash part (live or dead) until a rehash; a new key that does not fit (hused === hcap) triggers PUC's rehash:
 * count the integer keys, pick the array size by the "more than half full" rule, size the hash part, and move
 * keys between the parts. So the array part, the border `length()` returns and the moments of reorganisation
 * are PUC's. (What PUC does differently and we only emulate for a one-node hash part, whose node is every
 * key's main position: a new key may take the node of a dead key that happens to be its main position, which
 * depends on PUC's node layout (collisions, seeded string hashes, its GC); here dead keys otherwise keep their
 * slot until the next rehash.)
 *
 * Record vs dictionary mode (storage only; it does not change sizes or borders). V8 objects are the fastest
 * store for a few fields read by constant names, but adding ever-new property names is slow (~0.5-1 us: a new
 * hidden class, or string internalisation), and V8 itself turns objects with more than ~30 keyed-store
 * properties into dictionaries. A rehash that finds more than DICT_KEYS string keys, or once rehashes have
 * dropped DICT_CHURN dead string keys (a churning dictionary such as a queue of ever-new keys), moves all string
 * keys to the Map for good (`strDict`), whose inserts are ~4x cheaper.
 *
 * Key normalisation: integral floats that fit int64 become integers (LFloat(3) -> 3, -0.0 -> 0, 2^53 -> 2n**53n);
 * floats that stay floats (inf, +-2^63 and beyond) are stored in the Map as their raw JS number, which cannot
 * collide with an integer key because integer keys that are JS numbers are always within +-(2^53-1); next()
 * boxes them back into LFloat.
 *
 * Invariants:
 *   - 0 <= alimit <= arr.length; alimit < arr.length only when arr.length is a power of two (as in PUC);
 *   - no integer key in [1, arr.length] is ever in the Map; the Map and `hash` only lose keys in a rehash;
 *   - hused() = properties of `hash` + Map slots <= hcap, except while hcap is 0 and nothing is in the hash;
 *   - traversal order is: array part, then `hash` properties in V8's own order (Object.keys, cached in `skeys`
 *     until a property is added), then Map slots in order. Storage is only reorganised when a new key is
 *     inserted, which Lua forbids during a traversal, so next() stays valid when fields are assigned or cleared.
 *
 * For generated code (the JIT) and the interpreter's fast paths:
 *   - read  `t.arr[i - 1]` when 1 <= i <= t.alimit, else call getInt/get (which also move `alimit` as PUC does);
 *   - write `t.arr[i - 1] = v` (any v, nil included) when 1 <= i <= t.alimit, else call setInt/set;
 *   - read  `t.hash.name`: a value other than undefined is the answer; undefined is nil unless `t.strDict`
 *     (then the key may live in the Map: call t.getStr(name)); a dictionary-mode table's `hash` is always
 *     the empty EMPTY_HASH;
 *   - write `t.hash.name = v` when `name in t.hash` (the key is a property, live or dead: assigning and
 *     reviving in place are both what setStr does), setting `t.sHasDead = true` when v is undefined; else
 *     for a new key with v not undefined, when `t.roomForStr()`: `t.hash.name = v; t.addedStr(name)`; else call
 *     setStr (it may rehash);
 *   - build constructors as PUC's NEWTABLE/SETLIST do: `new LuaTable(narr, nhash)` then `setList`/set, or
 *     `LuaTable.fromArray(values)`, or for `{x = e1, y = e2}`:
 *     `h = new StrHash(); h.x = e1; h.y = e2; LuaTable.fromHash(h, 2)`;
 *   - never keep `t.arr` or `t.hash` in a variable across a call or another table write: a rehash replaces them
 *     (growing the array part makes a new array, except for small ones, which grow in place);
 *   - a `watch`ed table (see below) takes every string-key store through setStr: inline stores test `watch`.
 *
 * Watched tables (lookup caches of `__index` chains). Generated code caches, per GETFIELD/SELF site, the result
 * of looking a constant string key up through a receiver's metatable (the `__index` chain), keyed on that
 * metatable and valid while `LuaTable.epoch` is unchanged. Every table such a lookup read (metatables, `__index`
 * tables) is marked `watch`; any store that changes a string key's value in a watched table (setStr, which every
 * raw string-key write reaches: set, rawset, GC clearing of weak entries, the VM's and generated code's
 * fallbacks) and any metatable change of a watched table (`metatableChanged`) bumps the epoch, which drops every
 * cached lookup. Integer and other non-string keys cannot change a string lookup, so they do not bump. A table
 * that keeps changing stops being watched for good (UNSTABLE): lookups through it are not cached.
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

/** Record-mode string parts that received REBUILD_AT properties by keyed stores get rebuilt once as an object
 * V8 keeps in fast mode (see fastCopy). */
const REBUILD_AT = 20;
const rebuilt = new WeakSet<object>();

/** A copy of `h` (same properties, same enumeration order, same values, dead keys included) that V8 keeps in
 * fast mode up to ~40 properties. Properties added by keyed stores (`h[k] = v` with k computed at run time, as
 * setStr and rehashes do) turn a `new StrHash()` object into a dictionary at its 26th property (V8's soft limit
 * for out-of-object fields added that way), and every `t.hash.name` read of such a table is then a generic
 * dictionary lookup: the global table of a program (~31 library names) was one, and each global read in
 * compiled code cost ~11 ns instead of ~6. An object made by JSON.parse gets its properties in-object, so the
 * keyed stores that follow stay fast well past DICT_KEYS (beyond which the table moves to the Map anyway). */
function fastCopy(h: Record<string, LuaValue>): Record<string, LuaValue> {
  const keys = Object.keys(h);
  let src = '{';
  for (let i = 0; i < keys.length; i++) src += (i === 0 ? '' : ',') + JSON.stringify(keys[i]) + ':0';
  const n = JSON.parse(src + '}') as Record<string, LuaValue>;
  Object.setPrototypeOf(n, StrHash.prototype);
  for (let i = 0; i < keys.length; i++) n[keys[i]] = h[keys[i]];
  rebuilt.add(n);
  return n;
}

/** Shared array part of tables that have none (arr.length === 0): never written, never grown in place (see
 * the constructor and ownArr). A literal, like the arrays it stands for before. */
const EMPTY_ARR: LuaValue[] = [];

/** Position in skeys, or slot in mkeys, of the key next() returned last, and its table: a traversal is O(1)
 * per step without a lookup (a hint: strPos and mapPos check that the key is there; a traversal interleaved
 * with another one looks its key up). Kept out of the tables (a field costs 8 bytes on every table). */
let cursorTable: LuaTable | undefined;
let cursorPos = 0;

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

/** To be called after the metatable of `o` (a table or userdata) was set: a watched table's metatable is part
 * of cached `__index` lookups (see the header). */
export function metatableChanged(o: LuaObject): void {
  if (o instanceof LuaTable && o.watch === WATCHED) watchedChanged(o);
}

/** LuaTable.watch: not read by any cached lookup yet; read by one (string-key stores go through setStr); or
 * changed too often (UNSTABLE_AFTER times while watched: a class-wide counter, an object used as an `__index`
 * table and updated all the time): lookups through it are no longer cached, so its stores stop dropping every
 * cache and stay inline, for good. */
export const UNWATCHED = 0, WATCHED = 1, UNSTABLE = 2;
const changes = new WeakMap<LuaTable, number>();
const UNSTABLE_AFTER = 64;

function watchedChanged(t: LuaTable): void {
  LuaTable.epoch++;
  const n = (changes.get(t) ?? 0) + 1;
  if (n < UNSTABLE_AFTER) changes.set(t, n);
  else {
    t.watch = UNSTABLE;
    changes.delete(t);
  }
}

/** The Map part finds its keys by a linear search of `mkeys` up to this many keys; the JS Map is made when
 * there are more (a Map is a large allocation, and a few `===` on normalised keys are as fast as a lookup). */
const SMALL_MAP = 8;
/** A rehash finding more string keys than this moves them to the Map (dictionary mode). */
const DICT_KEYS = 32;
/** So do rehashes that have dropped this many dead string keys in all (key churn). */
const DICT_CHURN = 8;
/** PUC's MAXABITS: integer keys up to 2^31 may go to the array part. */
const MAXABITS = 31;
const MAXASIZE = 2 ** MAXABITS;

let nextId = 0;
/** Ids of tables (tableId) and other reference values (addressOf), assigned on first use: kept out of the
 * objects, as few tables are ever printed (every field of LuaTable costs 8 bytes on every table). */
const otherIds = new WeakMap<object, number>();

/** Dead string keys that rehashes have dropped so far from each table (churn detection, see DICT_CHURN):
 * out of the objects (rare). Adds `n` to t's count and returns the new count. */
const dropped = new WeakMap<LuaTable, number>();
function addDropped(t: LuaTable, n: number): number {
  const old = dropped.get(t);
  if (n === 0) return old ?? 0;
  const c = (old ?? 0) + n;
  dropped.set(t, c);
  return c;
}

/* The slot of the Map key found last (by any table): a store to the key just read (`t[k] = t[k] + 1`,
 * dictionary-mode string keys) skips its second lookup when `mkeys[lastSlot] === k` in the storing table.
 * That test suffices: a key is in a table's Map iff it is in its `mkeys`, at its slot (slots never move while
 * the Map lives: a rehash makes new ones), and `===` agrees with the Map's SameValueZero on normalised keys
 * (no NaN keys; -0 is stored as the integer 0). Only a small integer is stored per read: remembering the Map
 * and the key as well (two pointer stores with write barriers) cost ~40 instructions per dictionary read. */
let lastSlot = 0;

export class LuaTable extends LuaObject {
  // Fields are declared here and assigned in the constructor: V8 (11.x) runs class-field initialisers
  // noticeably slower than plain assignments, and tables are created all the time.
  /** Array part: key k at arr[k - 1], nil stored as undefined; arr.length is PUC's array size. */
  declare arr: LuaValue[];
  /** PUC's `alimit`: keys 1..alimit may be read and written directly in `arr` (see the header). */
  declare alimit: number;
  /** String keys of a record-mode table; undefined = look further (see the header). */
  declare hash: Record<string, LuaValue>;
  /** Dictionary mode: string keys live in the Map, `hash` stays EMPTY_HASH. Read (never written) by generated
   * code: a miss in `hash` of a record-mode table is a nil without a call to getStr (see the header). */
  declare strDict: boolean;
  /** Properties of `hash`, live and dead. */
  declare private scount: number;
  /** Object.keys(hash), the traversal order of string keys (kept up to date when known, else undefined). */
  declare private skeys: string[] | undefined;
  /** A string key of `hash` may hold a dead (undefined) value: only then can a missing value be a dead key.
   * Generated code that stores undefined into `hash` sets it (see the header). */
  declare sHasDead: boolean;
  /** Hash-part keys (normalised) -> slot index in mkeys/mvals. */
  declare private map: Map<unknown, number> | undefined;
  declare private mkeys: unknown[] | undefined;
  declare private mvals: LuaValue[] | undefined;
  /** PUC's hash part node count (0 or a power of two). */
  declare private hcap: number;
  declare metatable: LuaTable | undefined;
  /** WATCHED when a cached `__index` lookup read it: string-key stores must go through setStr (see the header);
   * UNWATCHED or UNSTABLE otherwise. */
  declare watch: number;
  /** Bumped by every change to a watched table that can change a cached lookup (see the header). */
  static epoch = 0;

  /** A table presized like PUC's lua_createtable / OP_NEWTABLE: `narr` array slots, room for `nhash` other keys. */
  constructor(narr = 0, nhash = 0) {
    super();
    // A table without an array part shares EMPTY_ARR (one allocation and 32 bytes less per table), which is
    // never written: code that grows `arr` in place takes ownArr() first. Others are packed (never
    // `new Array(n)`, which is holey) and of exact capacity (pushing reserves 17 slots).
    this.arr = narr === 0 ? EMPTY_ARR : blank(narr);
    this.alimit = narr;
    this.hash = EMPTY_HASH;
    this.strDict = false;
    this.scount = 0;
    this.skeys = undefined;
    this.sHasDead = false;
    this.map = undefined;
    this.mkeys = undefined;
    this.mvals = undefined;
    this.hcap = nhash === 0 ? 0 : nodeCount(nhash);
    this.watch = UNWATCHED;
  }

  /** A table whose array part is exactly `values` (taken over, not copied; undefined elements are nils), with
   * room for `nhash` other keys: what `{...}`, table.pack and SETLIST of a fresh table produce in PUC. */
  static fromArray(values: LuaValue[], nhash = 0): LuaTable {
    const t = new LuaTable(0, nhash);
    t.arr = values;
    t.alimit = values.length;
    return t;
  }

  /** A table whose string keys are the properties of `h`, an object made by `new StrHash()` and owned by the
   * table from now on, with `count` properties; `nhash` is PUC's hash size for the constructor. For table
   * constructors in generated code; pass `mayHaveNil = false` when no property can be undefined (nil fields
   * are not keys in Lua: they are taken out then). */
  static fromHash(h: Record<string, LuaValue>, count: number, nhash = count, mayHaveNil = true): LuaTable {
    const t = new LuaTable(0, nhash);
    if (mayHaveNil) {
      const keys = Object.keys(h);
      let live = 0;
      for (let i = 0; i < keys.length; i++) if (h[keys[i]] !== undefined) live++;
      if (live < keys.length) {
        let clean = new StrHash();
        for (let i = 0; i < keys.length; i++) if (h[keys[i]] !== undefined) clean[keys[i]] = h[keys[i]];
        if (live >= REBUILD_AT) clean = fastCopy(clean);
        h = clean;
      }
      count = live;
    }
    if (count === 0) return t;
    t.hash = h;
    t.scount = count;
    if (count > t.hcap) t.rehash(undefined); // more keys than declared: lay it out as PUC would
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
      if (Math.floor(key) === key) return this.getInt(key);
      return this.mapGet(key);
    }
    return this.getOther(key);
  }

  getStr(key: string): LuaValue {
    return this.strDict ? this.mapGet(key) : this.hash[key];
  }

  /** `i` must be an integer that is a JS number (|i| <= 2^53-1). */
  getInt(i: number): LuaValue {
    if (i >= 1 && i <= this.alimit) return this.arr[i - 1];
    return this.getIntSlow(i);
  }

  private getIntSlow(i: number): LuaValue {
    const a = this.arr;
    if (i > this.alimit && i <= a.length) {
      this.alimit = i; // as luaH_getint: "probably '#t' is here now"
      return a[i - 1];
    }
    return this.mapGet(i);
  }

  private getOther(key: LuaValue): LuaValue {
    if (key instanceof LFloat) {
      const k = floatKey(key.n);
      return typeof k === 'number' ? this.getInt(k) : this.mapGet(k);
    }
    return key === undefined ? undefined : this.mapGet(key);
  }

  /** The Map-part slot of normalised key `k`, or -1 (for jit/runtime.ts dictGet: a slot keeps its key until a
   * rehash, so generated code may test `t.mkeys[slot] === k` and read `t.mvals[slot]` directly). */
  slotOf(k: unknown): number {
    const m = this.map;
    if (m === undefined) {
      const ks = this.mkeys;
      if (ks !== undefined) for (let i = 0; i < ks.length; i++) if (ks[i] === k) return i;
      return -1;
    }
    const slot = m.get(k);
    return slot === undefined ? -1 : slot;
  }

  slotValue(slot: number): LuaValue {
    return this.mvals![slot];
  }

  private mapGet(k: unknown): LuaValue {
    const m = this.map;
    if (m === undefined) {
      const ks = this.mkeys;
      if (ks !== undefined) for (let i = 0; i < ks.length; i++) if (ks[i] === k) return this.mvals![i];
      return undefined;
    }
    const slot = m.get(k);
    if (slot === undefined) return undefined;
    lastSlot = slot;
    return this.mvals![slot];
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
    // a lookup cache may hold this key's value (or its absence): a real change drops every cached lookup
    if (this.watch === WATCHED && this.getStr(key) !== v) watchedChanged(this);
    // dictionary mode first: probing an object with a fresh (non-internalised) string is costly
    if (this.strDict) return this.mapSet(key, v);
    const h = this.hash;
    if (h[key] !== undefined) {
      h[key] = v;
      if (v === undefined) this.sHasDead = true;
    } else this.setStrSlow(key, v);
  }

  /** Raw set of a string key computed at run time (Lua's `t[k] = v` with k in a register, as opposed to a
   * field name that is a constant of the code): a table that receives its first string key this way becomes
   * a dictionary (`strDict`) at once. Such keys arrive in data-dependent orders and sets (decoded objects,
   * counters, caches), where each new key order would be a new V8 hidden class; field names written by
   * constant (SETFIELD, constructors) keep the record layout. */
  setStrDyn(key: string, v: LuaValue): void {
    if (this.hash === EMPTY_HASH && v !== undefined) this.strDict = true;
    this.setStr(key, v);
  }

  /** True when a new string key can go into `hash` without a rehash (record mode, a free node), after
   * giving the table its own `hash` object if it still shares EMPTY_HASH: generated code then stores the
   * property by its constant name and calls addedStr. */
  roomForStr(): boolean {
    if (this.strDict || this.scount + (this.mkeys === undefined ? 0 : this.mkeys.length) >= this.hcap) return false;
    // (skeys stays undefined: traversal order is computed on demand by Object.keys, which saves a record
    // two allocations, the array and the 17-slot store of its first push)
    if (this.hash === EMPTY_HASH) this.hash = new StrHash();
    return true;
  }

  /** Bookkeeping after generated code added the new property `key` to `hash` (roomForStr() was true, the
   * key was no property of it, the value is not nil): what hashInsert does besides the store. */
  addedStr(key: string): void {
    this.scount++;
    // V8 enumerates a new property last, unless it looks like an array index (those come first, in order)
    const c = key.charCodeAt(0);
    if (c >= 48 && c <= 57) this.skeys = undefined;
    else if (this.skeys !== undefined) this.skeys.push(key);
  }

  /** `i` must be an integer that is a JS number (|i| <= 2^53-1). */
  setInt(i: number, v: LuaValue): void {
    if (i >= 1 && i <= this.alimit) this.arr[i - 1] = v;
    else this.setIntSlow(i, v);
  }

  private setIntSlow(i: number, v: LuaValue): void {
    const a = this.arr;
    if (i > this.alimit && i <= a.length) {
      this.alimit = i;
      a[i - 1] = v;
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

  /** A record-mode string key with no live value: a dead key revived in place, or a new key. */
  private setStrSlow(key: string, v: LuaValue): void {
    const h = this.hash;
    if (this.sHasDead && key in h) h[key] = v;
    else if (v !== undefined) this.newKey(key, v);
  }

  /** Raw set of a normalised key that lives in the Map (not an array index, not a record string). */
  private mapSet(k: unknown, v: LuaValue): void {
    const m = this.map;
    if (m !== undefined) {
      // `t[k] = f(t[k])`: the slot the read just found (no second hash lookup)
      const ks = this.mkeys!;
      const ls = lastSlot;
      const slot = ls < ks.length && ks[ls] === k ? ls : m.get(k);
      if (slot !== undefined) {
        this.mvals![slot] = v;
        return;
      }
    } else if (this.mkeys !== undefined) {
      const ks = this.mkeys;
      for (let i = 0; i < ks.length; i++) {
        if (ks[i] === k) {
          this.mvals![i] = v;
          return;
        }
      }
    }
    if (v !== undefined) this.newKey(k, v);
  }

  /** Inserts a key absent from the table (luaH_newkey): into the hash part if it has room, else after a
   * rehash, which may also make it an array key. */
  private newKey(k: unknown, v: LuaValue): void {
    if (this.scount + (this.mkeys === undefined ? 0 : this.mkeys.length) < this.hcap) {
      this.hashInsert(k, v);
      return;
    }
    if (this.hcap === 1 && this.dropDeadNode()) {
      this.hashInsert(k, v);
      return;
    }
    this.rehash(k);
    // a string key always goes to the hash part, which the rehash sized for it (no second probe of `hash`)
    if (typeof k === 'string') this.hashInsert(k, v);
    else this.set(k as LuaValue, v); // the key is normalised and valid: this cannot recurse into another rehash
  }

  /** A one-node hash part whose key is dead gives its node to the next new key, as in PUC: luaH_newkey takes
   * a key's main position when its value is empty (a dead key's node included), and the single node is every
   * key's main position. (With more nodes which node is whose main position depends on PUC's hashes: not
   * modelled, see the header.) Removes the dead key and returns true, or returns false when it is live. */
  private dropDeadNode(): boolean {
    const vals = this.mvals;
    if (vals !== undefined) {
      if (vals[0] !== undefined) return false;
      this.map = this.mkeys = this.mvals = undefined;
      return true;
    }
    const h = this.hash;
    // (no dead key without sHasDead: then no need for the key list, which may not be built yet)
    if (h === EMPTY_HASH || !this.sHasDead || h[this.stringKeys()[0]] !== undefined) return false;
    this.hash = EMPTY_HASH;
    this.scount = 0;
    this.skeys = undefined;
    this.sHasDead = false;
    addDropped(this, 1);
    return true;
  }

  /** Puts a key in the hash part without checking room (the caller knows there is). */
  private hashInsert(k: unknown, v: LuaValue): void {
    if (typeof k === 'string' && !this.strDict) {
      let h = this.hash;
      if (h === EMPTY_HASH) this.hash = h = new StrHash(); // skeys on demand (see roomForStr)
      h[k] = v;
      this.addedStr(k);
      if (this.scount >= REBUILD_AT && !rebuilt.has(h)) this.hash = fastCopy(h);
      return;
    }
    const ks = this.mkeys;
    if (ks === undefined) {
      this.mkeys = [k];
      this.mvals = [v];
      return;
    }
    let m = this.map;
    if (m === undefined && ks.length >= SMALL_MAP) {
      m = this.map = new Map();
      for (let i = 0; i < ks.length; i++) m.set(ks[i], i);
    }
    if (m !== undefined) m.set(k, ks.length);
    ks.push(k);
    this.mvals!.push(v);
  }

  // ------------------------------------------------------------------------------------------ rehash

  /** PUC's rehash before inserting `extra` (undefined: no extra key): sizes both parts for the live keys. */
  private rehash(extra: unknown): void {
    if (typeof extra === 'string' && this.arr.length === 0 && this.mvals === undefined && !this.sHasDead &&
      !this.strDict && this.scount <= DICT_KEYS) {
      // a record of live string keys only (an object being built field by field): the general rehash would
      // find no integer key, no dead key to drop and no reason for dictionary mode, and size the hash part
      // for the keys plus the new one
      this.hcap = nodeCount(this.scount + 1);
      return;
    }
    if (this.rehashInPlace(extra)) return;
    const nums = NUMS.fill(0);
    let na = countArray(this.arr, nums); // integer keys that may go to the array part
    let total = na;
    const vals = this.mvals;
    if (vals !== undefined) {
      const keys = this.mkeys!;
      for (let i = 0; i < vals.length; i++) {
        if (vals[i] === undefined) continue;
        total++;
        na += countInt(keys[i], nums);
      }
    }
    total += this.liveStringCount();
    if (extra !== undefined) {
      na += countInt(extra, nums);
      total++;
    }
    const asize = computeSizes(nums, na);
    this.resize(asize, total - sizedInArray);
  }

  /** The two common rehashes that move no key, done without rebuilding the storage; false when the general
   * rehash is needed. (1) A list growing by `t[#t + 1] = v`: `extra` is just past a full array part and the
   * hash part is empty; PUC's computesizes then picks the smallest power of two holding `extra` and an empty
   * hash part. (2) No key anywhere could go to an array part (no array part, no integer key among the live
   * keys nor `extra`) and no key is dead: only the hash part's size changes, to fit the live keys and `extra`
   * (a dictionary or a record growing one key at a time). */
  private rehashInPlace(extra: unknown): boolean {
    const a = this.arr;
    if (typeof extra === 'number') {
      if (extra !== a.length + 1 || extra > MAXASIZE || this.mvals !== undefined || this.hash !== EMPTY_HASH) {
        return false;
      }
      for (let i = 0; i < a.length; i++) if (a[i] === undefined) return false;
      const asize = nodeCount(extra);
      this.arr = grown(a, asize);
      this.alimit = asize;
      this.hcap = 0;
      return true;
    }
    if (extra === undefined || a.length !== 0 || this.sHasDead || (!this.strDict && this.scount > DICT_KEYS)) {
      return false;
    }
    let live = this.scount;
    const vals = this.mvals;
    if (vals !== undefined) {
      const keys = this.mkeys!;
      for (let i = 0; i < vals.length; i++) {
        const k = keys[i];
        if (vals[i] === undefined || (typeof k === 'number' && k >= 1 && k <= MAXASIZE && Math.floor(k) === k)) {
          return false;
        }
      }
      live += vals.length;
    }
    this.hcap = nodeCount(live + 1);
    return true;
  }

  /** How many record-mode string keys hold a value. */
  private liveStringCount(): number {
    const h = this.hash;
    if (h === EMPTY_HASH) return 0;
    if (!this.sHasDead) return this.scount;
    let n = 0;
    for (const k of this.stringKeys()) if (h[k] !== undefined) n++;
    return n;
  }

  /** luaH_resize: an array part of exactly `asize` slots and a hash part of nodeCount(hsize) nodes holding
   * the live keys; dead keys are dropped. */
  private resize(asize: number, hsize: number): void {
    let a = this.arr;
    const oldKeys = this.mkeys;
    const oldVals = this.mvals;
    const oldHash = this.hash;
    const live = this.liveStringCount();
    const deadStrings = this.scount - live;
    this.hcap = nodeCount(hsize);
    this.map = this.mkeys = this.mvals = undefined;
    // (the churn count only matters until the table is a dictionary, which it then is for good)
    if (!this.strDict && (live > DICT_KEYS || addDropped(this, deadStrings) >= DICT_CHURN)) this.strDict = true;
    const rebuildStrings = oldHash !== EMPTY_HASH && (this.strDict || deadStrings > 0);
    const oldStrKeys = rebuildStrings ? this.stringKeys() : undefined;
    if (rebuildStrings) {
      this.hash = EMPTY_HASH;
      this.scount = 0;
      this.skeys = undefined;
      this.sHasDead = false;
    }
    // the array part: a shrinking slice goes to the hash part first, as in PUC
    let vanishing: LuaValue[] | undefined;
    if (asize < a.length) {
      vanishing = a.slice(asize);
      a.length = asize;
    } else if (asize > a.length) {
      // a new packed array (concat of filler chunks) unless small: growing big arrays in place with push is
      // 2x slower, and length + fill would make the array HOLEY, so that read sites would see two elements kinds
      this.arr = a = grown(a, asize);
    }
    this.alimit = asize;
    if (vanishing !== undefined) {
      for (let i = 0; i < vanishing.length; i++) {
        if (vanishing[i] !== undefined) this.hashInsert(asize + i + 1, vanishing[i]);
      }
    }
    if (oldStrKeys !== undefined) {
      for (const k of oldStrKeys) if (oldHash[k] !== undefined) this.hashInsert(k, oldHash[k]);
    }
    if (oldVals !== undefined) {
      const keys = oldKeys!;
      for (let i = 0; i < oldVals.length; i++) {
        const v = oldVals[i];
        if (v === undefined) continue;
        const k = keys[i];
        if (typeof k === 'number' && k >= 1 && k <= asize && Math.floor(k) === k) a[k - 1] = v;
        else this.hashInsert(k, v);
      }
    }
  }

  /** OP_SETLIST: stores values[0..count-1] at keys first, first+1, ..., growing the array part to exactly
   * the last key if needed (PUC's luaH_resizearray). Writes go straight to the array slots. */
  setList(first: number, values: LuaValue[], count = values.length): void {
    const last = first + count - 1;
    let a = this.arr;
    if (last > a.length) {
      if (this.mkeys === undefined && this.hash === EMPTY_HASH) {
        // nothing in the hash part (a fresh constructor): PUC's resize only extends the array part, so
        // build the new array directly, without filler (small constructors such as {f(), g()} live here)
        const b = blank(last);
        const keep = first - 1 < a.length ? first - 1 : a.length;
        for (let i = 0; i < keep; i++) b[i] = a[i];
        for (let i = 0; i < count; i++) b[first - 1 + i] = values[i];
        this.arr = b;
        this.alimit = last;
        return;
      }
      this.resize(last, this.hcap);
      a = this.arr;
    }
    for (let i = 0; i < count; i++) a[first - 1 + i] = values[i];
  }

  /** setList of the values `fixed` followed by those of `more` (a constructor ending in a call or `...`),
   * without concatenating them first; `nf`: how many of `fixed` count (compiled code appends a filler). */
  setListMv(first: number, fixed: LuaValue[], more: LuaValue[], nf = fixed.length): void {
    const count = nf + more.length;
    const last = first + count - 1;
    const a = this.arr;
    if (last > a.length && this.mkeys === undefined && this.hash === EMPTY_HASH) {
      // as in setList: only the array part changes
      const b = blank(last);
      const keep = first - 1 < a.length ? first - 1 : a.length;
      for (let i = 0; i < keep; i++) b[i] = a[i];
      for (let i = 0; i < nf; i++) b[first - 1 + i] = fixed[i];
      for (let i = 0; i < more.length; i++) b[first - 1 + nf + i] = more[i];
      this.arr = b;
      this.alimit = last;
      return;
    }
    this.setList(first, (nf === fixed.length ? fixed : fixed.slice(0, nf)).concat(more));
  }

  // ------------------------------------------------------------------------------------------ bulk moves

  /** t[i] = t[i - 1] for i = e down to pos + 1 (table.insert's shift), with the same effects as those raw
   * element-wise accesses; the part inside [1, alimit] is one copyWithin. Requires 1 <= pos. */
  shiftUp(pos: number, e: number): void {
    let i = e;
    while (i > pos && i > this.alimit) {
      this.setInt(i, this.getInt(i - 1));
      i--;
    }
    if (i > pos) this.arr.copyWithin(pos, pos - 1, i - 1);
  }

  /** t[i] = t[i + 1] for i = pos .. size - 1, then t[size] = nil (table.remove's shift). Requires
   * 1 <= pos <= size <= alimit, where these raw accesses are plain array moves. */
  shiftDown(pos: number, size: number): void {
    const a = this.arr;
    a.copyWithin(pos - 1, pos, size);
    a[size - 1] = undefined;
  }

  // ------------------------------------------------------------------------------------------ length

  /** The border `#t` gives without __len: the one PUC's luaH_getn finds, moving `alimit` as it does. */
  length(): number {
    const a = this.arr;
    let limit = this.alimit;
    if (limit > 0 && a[limit - 1] === undefined) {
      // a border before limit; try limit - 1 first (after t[#t] = nil)
      const pow2 = isPow2(a.length);
      if (limit >= 2 && a[limit - 2] !== undefined) {
        if (pow2 && !isPow2(limit - 1)) this.alimit = limit - 1;
        return limit - 1;
      }
      const border = binarySearch(a, 0, limit);
      if (pow2 && border > a.length >>> 1) this.alimit = border;
      return border;
    }
    if (limit !== a.length) {
      // limit is present and the array goes further
      if (a[limit] === undefined) return limit;
      limit = a.length;
      if (a[limit - 1] === undefined) return (this.alimit = binarySearch(a, this.alimit, limit));
    }
    // limit is 0 or the last array slot, which is present: the border may continue in the hash part
    if (this.hcap === 0 || this.mapGet(limit + 1) === undefined) return limit;
    return this.hashBorder(limit);
  }

  /** Raw `t[#t + 1] = v` (generated code's append, no metamethods): exactly length() then the store of the
   * key after the border (the same `alimit` moves), returned as the Lua integer it is. The usual case is
   * inline: `alimit` is the border (its slot present or 0, the next one empty) inside the array part, where
   * length() returns it unchanged and setInt moves `alimit` onto the new key. */
  append(v: LuaValue): number | bigint {
    const a = this.arr;
    const limit = this.alimit;
    if (limit < a.length && a[limit] === undefined && (limit === 0 || a[limit - 1] !== undefined)) {
      this.alimit = limit + 1;
      a[limit] = v;
      return limit + 1;
    }
    const n = this.length();
    if (n < MAX_SAFE) {
      this.setInt(n + 1, v);
      return n + 1;
    }
    const k = BigInt(n) + 1n;
    this.set(k, v);
    return k;
  }

  /** PUC's hash_search: t[j + 1] is present (j = 0 or t[j] present); doubles until an absent key, then
   * binary-searches. (Beyond 2^53 PUC would go on with int64 keys; we stop at the last safe integer.) */
  private hashBorder(j: number): number {
    let i: number;
    if (j === 0) j = 1;
    do {
      i = j;
      if (j > MAX_SAFE / 2) {
        if (this.getInt(MAX_SAFE) !== undefined) return MAX_SAFE;
        j = MAX_SAFE;
        break;
      }
      j *= 2;
    } while (this.getInt(j) !== undefined);
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
    const r = this.step(key, out);
    if (r < 0) throw new LuaError("invalid key to 'next'");
    return r > 0;
  }

  /** nextInto without raising (generated code's inline traversal, jit/codegen.ts TFORCALL): 1 with the entry
   * after `key` in out[0], out[1]; 0 at the end; -1 for a key that is not in the table (the caller then
   * makes the call through `next` itself, which raises). */
  step(key: LuaValue, out: LuaValue[]): number {
    const a = this.arr;
    let i = 0;
    if (key !== undefined) {
      if (typeof key === 'string' && !this.strDict) {
        const p = this.strPos(key);
        return p < 0 ? -1 : this.nextStr(p + 1, out) ? 1 : 0;
      }
      let k: unknown = key;
      if (key instanceof LFloat) {
        // PUC looks a float key up as a float: one with an integer value (stored as an integer) is never
        // found, so next(t, 1.0) raises even when t[1] exists; inf and +-2^63.. are found as floats
        k = floatKey(key.n);
        if (typeof k !== 'number' || (k >= -MAX_SAFE && k <= MAX_SAFE)) return -1;
      } else if (typeof k === 'number' && Math.floor(k) === k && k >= 1 && k <= a.length) {
        i = k;
      }
      if (i === 0) {
        const p = this.mapPos(k);
        return p < 0 ? -1 : this.nextMap(p + 1, out) ? 1 : 0;
      }
    }
    for (; i < a.length; i++) {
      const v = a[i];
      if (v !== undefined) {
        out[0] = i + 1;
        out[1] = v;
        return 1;
      }
    }
    return this.nextStr(0, out) ? 1 : 0;
  }

  /** The slot of map key k, or -1. */
  private mapPos(k: unknown): number {
    // a traversal asks for the slot it was given last (nextMap leaves it in the cursor): no Map lookup
    const c = cursorTable === this ? cursorPos : 0;
    if (this.mkeys !== undefined && this.mkeys[c] === k) return c;
    const m = this.map;
    const slot = m !== undefined ? m.get(k) : this.mkeys !== undefined ? this.mkeys.indexOf(k) : -1;
    return slot === undefined ? -1 : slot;
  }

  /** The string keys of `hash` in traversal order (dead ones included), cached until a property is added. */
  private stringKeys(): string[] {
    return this.skeys ?? (this.skeys = Object.keys(this.hash));
  }

  private strPos(key: string): number {
    const ks = this.stringKeys();
    const c = cursorTable === this ? cursorPos : 0;
    if (ks[c] === key) return c;
    return ks.indexOf(key); // a record has few keys: only nested traversals get here (-1: not a key)
  }

  private nextStr(j: number, out: LuaValue[]): boolean {
    const h = this.hash;
    if (h !== EMPTY_HASH) {
      const ks = this.stringKeys();
      for (; j < ks.length; j++) {
        const k = ks[j];
        const v = h[k];
        if (v !== undefined) {
          cursorTable = this;
          cursorPos = j;
          out[0] = k;
          out[1] = v;
          return true;
        }
      }
    }
    return this.nextMap(0, out);
  }

  private nextMap(j: number, out: LuaValue[]): boolean {
    const vals = this.mvals;
    if (vals === undefined) return false;
    for (; j < vals.length; j++) {
      const v = vals[j];
      if (v !== undefined) {
        const k = this.mkeys![j];
        cursorTable = this;
        cursorPos = j;
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

  /** The array part, made this table's own if it is the shared empty one: for code that grows it in place
   * (push). */
  ownArr(): LuaValue[] {
    return this.arr === EMPTY_ARR ? (this.arr = []) : this.arr;
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

  /** Slots in use by the storage (array slots, properties, Map slots, dead ones included): for tests and
   * diagnostics, e.g. to check that churn does not grow a table without bound. */
  storageSize(): number {
    return this.arr.length + this.scount + (this.mkeys === undefined ? 0 : this.mkeys.length);
  }

  // ------------------------------------------------------------------------------------------ identity

  /** A unique, stable number for this table (assigned on first use). */
  tableId(): number {
    let id = otherIds.get(this);
    if (id === undefined) otherIds.set(this, (id = ++nextId));
    return id;
  }

  /** The address text used by tostring: "0x" and 12 hex digits, like PUC's "%p" on Linux. */
  address(): string {
    return formatAddress(this.tableId());
  }
}

const SCRATCH: LuaValue[] = [undefined, undefined];
/** Scratch for rehash: NUMS[b] = integer keys in (2^(b-1), 2^b]. */
const NUMS = new Int32Array(MAXABITS + 1);
/** Second result of computeSizes: how many integer keys go to the array part. */
let sizedInArray = 0;

/** The table key for an integral-valued float (or inf): an integer (a JS number within +-(2^53-1) or an
 * int64 bigint) when it fits int64, else the raw JS number (which stays a float key). */
function floatKey(n: number): number | bigint {
  if (n >= -MAX_SAFE && n <= MAX_SAFE) return n + 0; // + 0 turns -0 into 0
  if (n >= -9223372036854775808 && n < 9223372036854775808) return BigInt(n);
  return n;
}

function isPow2(n: number): boolean {
  return (n & (n - 1)) === 0;
}

/** ceil(log2(n)) for 1 <= n <= 2^31. */
function ceilLog2(n: number): number {
  return n <= 1 ? 0 : 32 - Math.clz32(n - 1);
}

/** A packed run of undefineds, the filler used to grow array parts. */
const FILLER: LuaValue[] = [];
for (let i = 0; i < 1024; i++) FILLER.push(undefined);

/** A packed array of n undefineds of exactly that capacity, in the generic elements kind (so that storing a
 * double never makes it an unboxed double array, which would canonicalise NaNs). */
function blank(n: number): LuaValue[] {
  // not array literals: their allocation sites get pretenured when many tables survive (GC time tripled on
  // binary-trees); slices of a generic filler do not
  if (n <= FILLER.length) return FILLER.slice(0, n);
  const b: LuaValue[] = [];
  for (let i = 0; i < n; i++) b.push(undefined);
  return b;
}

/** Array parts up to this size grow in place by push: V8 then reserves spare capacity (17 slots for the first
 * push onto an empty array, then 1.5x + 16), so a short list growing one key at a time (1, 2, 4, 8, 16) is
 * reallocated at most once instead of at each doubling (building 3M lists of 2-7 elements by `t[#t + 1] = v`:
 * -20% user time). Larger parts keep exact-capacity copies: V8's 1.5x steps copy more than PUC's doublings. */
const PUSH_GROW = 16;
/** The elements of `a` followed by undefineds up to length n (> a.length), packed: `a` itself grown in place
 * for small sizes (PUSH_GROW), else a new array. */
function grown(a: LuaValue[], n: number): LuaValue[] {
  if (n <= PUSH_GROW) {
    if (a === EMPTY_ARR) a = []; // never written (see the constructor)
    for (let i = a.length; i < n; i++) a.push(undefined);
    return a;
  }
  if (n <= FILLER.length) {
    // one exact-size allocation and a copy (concat of a filler slice allocates twice)
    const b = FILLER.slice(0, n);
    for (let i = 0; i < a.length; i++) b[i] = a[i];
    return b;
  }
  let k = n - a.length;
  if (k <= FILLER.length) return a.concat(k === FILLER.length ? FILLER : FILLER.slice(0, k));
  const parts: LuaValue[][] = [];
  for (; k >= FILLER.length; k -= FILLER.length) {
    parts.push(FILLER);
    if (parts.length === 1024) {
      a = a.concat(...parts); // bounded spread: at most 1024 arguments
      parts.length = 0;
    }
  }
  if (k > 0) parts.push(FILLER.slice(0, k));
  return a.concat(...parts);
}

/** PUC's hash part node count for `n` keys: 0, or the power of two not below n. */
function nodeCount(n: number): number {
  if (n <= 0) return 0;
  // a shift, not `2 **` (a float power: it showed at the top of constructor-heavy profiles)
  if (n <= 0x40000000) return 1 << ceilLog2(n);
  return 2 ** ceilLog2(n);
}

/** A border in a[i..j) given a[i-1] present (or i == 0) and a[j-1] absent: PUC's binsearch. */
function binarySearch(a: LuaValue[], i: number, j: number): number {
  while (j - i > 1) {
    const m = (i + j) >>> 1;
    if (a[m - 1] === undefined) j = m;
    else i = m;
  }
  return i;
}

/** Counts the present slots of the array part into nums[] (slice b = keys in (2^(b-1), 2^b]). */
function countArray(a: LuaValue[], nums: Int32Array): number {
  let total = 0;
  for (let b = 0, lo = 0, hi = 1; lo < a.length; b++, lo = hi, hi *= 2) {
    let c = 0;
    const end = Math.min(hi, a.length);
    for (let i = lo; i < end; i++) if (a[i] !== undefined) c++;
    nums[b] += c;
    total += c;
  }
  return total;
}

/** Counts an integer key that could live in an array part; returns 1 if counted. */
function countInt(k: unknown, nums: Int32Array): number {
  if (typeof k !== 'number' || !(k >= 1 && k <= MAXASIZE) || Math.floor(k) !== k) return 0;
  nums[ceilLog2(k)]++;
  return 1;
}

/** PUC's computesizes: the largest power of two n such that more than n/2 of the keys 1..n are present
 * (returned), and how many keys go to the array part then (left in sizedInArray). */
function computeSizes(nums: Int32Array, na: number): number {
  let a = 0;
  let inArray = 0;
  let optimal = 0;
  for (let i = 0, twotoi = 1; i <= MAXABITS && na > twotoi / 2; i++, twotoi *= 2) {
    a += nums[i];
    if (a > twotoi / 2) {
      optimal = twotoi;
      inArray = a;
    }
  }
  sizedInArray = inArray;
  return optimal;
}

function formatAddress(id: number): string {
  // 0x55 prefix and 16-byte spacing: looks like a heap address and is unique per id
  return '0x' + (0x55a000000000 + id * 16).toString(16);
}

/** The address text of any reference value (tables, functions, threads, userdata), stable and unique. */
export function addressOf(o: object): string {
  if (o instanceof LuaTable) return o.address();
  let id = otherIds.get(o);
  if (id === undefined) otherIds.set(o, (id = ++nextId));
  return formatAddress(id);
}
