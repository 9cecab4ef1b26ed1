// Unit tests of runtime/table.ts: key normalisation, borders, next() over mixed tables with deletions during
// traversal, compaction of dead keys, errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LuaTable, StrHash, TableIndexError, tableKeyError, addressOf } from '../../src/runtime/table.js';
import { LFloat, NativeFunction } from '../../src/runtime/value.js';
import type { LuaValue } from '../../src/runtime/value.js';
import { LuaError } from '../../src/runtime/errors.js';

function keys(t: LuaTable): LuaValue[] {
  const ks: LuaValue[] = [];
  for (const [k] of t.entries()) ks.push(k);
  return ks;
}

function count(t: LuaTable): number {
  let n = 0;
  let k: LuaValue = undefined;
  for (let e = t.next(k); e !== undefined; e = t.next(k)) {
    n++;
    k = e[0];
  }
  return n;
}

function isBorder(t: LuaTable, b: number): boolean {
  return (b === 0 || t.get(b) !== undefined) && t.get(b + 1) === undefined;
}

test('float keys with integral values are integers', () => {
  const t = new LuaTable();
  t.set(new LFloat(3), 'a');
  assert.equal(t.get(3), 'a');
  t.set(1, 'x');
  t.set(2, 'y');
  assert.equal(t.length(), 3);
  assert.equal(t.get(new LFloat(1)), 'x');
  t.set(new LFloat(-0), 'zero');
  assert.equal(t.get(0), 'zero');
  assert.deepEqual(t.next(2), [3, 'a']);
  // as in PUC, a float key is looked up as a float: next(t, 2.0) is an invalid key
  assert.throws(() => t.next(new LFloat(2)), (e: unknown) => e instanceof LuaError && e.value === "invalid key to 'next'");
});

test('huge and infinite float keys', () => {
  const t = new LuaTable();
  t.set(new LFloat(2 ** 53), 'b53');
  assert.equal(t.get(2n ** 53n), 'b53');
  assert.deepEqual(keys(t), [2n ** 53n]);
  const u = new LuaTable();
  u.set(new LFloat(2 ** 63), 'f63');
  u.set(new LFloat(Infinity), 'inf');
  u.set(new LFloat(-(2 ** 63)), 'm63');
  assert.equal(u.get(new LFloat(2 ** 63)), 'f63');
  assert.equal(u.get(-(2n ** 63n)), 'm63');
  assert.equal(u.get(new LFloat(Infinity)), 'inf');
  const ks = keys(u);
  assert.ok(ks[0] instanceof LFloat && ks[0].n === 2 ** 63);
  assert.ok(ks[1] instanceof LFloat && ks[1].n === Infinity);
  assert.equal(ks[2], -(2n ** 63n));
  assert.deepEqual(u.next(new LFloat(2 ** 63))?.[1], 'inf');
});

test('other key types', () => {
  const t = new LuaTable();
  const f = new NativeFunction('f', () => []);
  const k = new LuaTable();
  t.set(true, 1);
  t.set(false, 2);
  t.set(f, 3);
  t.set(k, 4);
  t.set(1.5, 5);
  t.set(-1, 6);
  t.set(0, 7);
  t.set(2n ** 60n, 8);
  assert.deepEqual([true, false, f, k, 1.5, -1, 0, 2n ** 60n].map((x) => t.get(x)), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(t.get(new LuaTable()), undefined);
  assert.equal(t.get(undefined), undefined);
  assert.equal(t.get(NaN), undefined);
  assert.equal(count(t), 8);
  assert.equal(t.length(), 0);
});

test('nil and NaN keys raise', () => {
  const t = new LuaTable();
  assert.throws(() => t.set(undefined, 1), (e: unknown) => e instanceof TableIndexError && e.value === 'table index is nil');
  assert.throws(() => t.set(NaN, 1), (e: unknown) => e instanceof LuaError && e.value === 'table index is NaN');
  assert.equal(tableKeyError(undefined), 'table index is nil');
  assert.equal(tableKeyError(0 / 0), 'table index is NaN');
  assert.equal(tableKeyError(1), undefined);
});

test('borders with holes', () => {
  const t = new LuaTable();
  for (let i = 1; i <= 100; i++) t.set(i, i);
  t.set(50, undefined);
  assert.equal(t.length(), 100);
  t.set(100, undefined);
  assert.equal(t.length(), 99);
  for (let i = 99; i >= 60; i--) {
    t.set(i, undefined);
    assert.equal(t.length(), i - 1);
  }
  const u = LuaTable.fromArray([1, undefined, 3, undefined, undefined, 6, undefined]);
  assert.ok(isBorder(u, u.length()));
  const v = LuaTable.fromArray([undefined, undefined, undefined]);
  assert.equal(v.length(), 0);
  const w = LuaTable.fromArray([1, 2, 3]);
  w.set(4, 4);
  assert.equal(w.length(), 4);
});

test('random borders are always borders', () => {
  let seed = 12345;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 200; round++) {
    const t = new LuaTable();
    for (let s = 0; s < 60; s++) {
      const k = rnd(40) + 1;
      t.set(k, rnd(3) === 0 ? undefined : k);
      assert.ok(isBorder(t, t.length()), `round ${round} step ${s}`);
    }
  }
});

test('stack push/pop keeps length exact', () => {
  const t = new LuaTable();
  for (let i = 1; i <= 1000; i++) t.set(t.length() + 1, i);
  for (let i = 1000; i >= 1; i--) {
    assert.equal(t.length(), i);
    t.set(t.length(), undefined);
  }
  assert.equal(t.length(), 0);
});

test('next over a mixed table', () => {
  const t = new LuaTable();
  t.set(1, 'a');
  t.set(2, 'b');
  t.set('x', 'X');
  t.set('y', 'Y');
  t.set(true, 'T');
  t.set(2.5, 'F');
  assert.deepEqual(keys(t), [1, 2, 'x', 'y', true, 2.5]);
  assert.equal(t.next(2.5), undefined);
  assert.throws(() => t.next('nope'), (e: unknown) => e instanceof LuaError && e.value === "invalid key to 'next'");
  assert.throws(() => t.next(false), (e: unknown) => e instanceof LuaError && e.value === "invalid key to 'next'");
  assert.throws(() => new LuaTable().next('x'), (e: unknown) => e instanceof LuaError && e.value === "invalid key to 'next'");
  assert.throws(() => new LuaTable().next(1), (e: unknown) => e instanceof LuaError);
  assert.equal(new LuaTable().next(undefined), undefined);
});

test('clearing every field during traversal', () => {
  const t = new LuaTable();
  for (let i = 1; i <= 50; i++) t.set(i, i);
  for (let i = 0; i < 50; i++) t.set('k' + i, i);
  for (let i = 0; i < 50; i++) t.set(i + 0.5, i);
  for (let i = 0; i < 50; i++) t.set(-i - 1, i);
  let k: LuaValue = undefined;
  let n = 0;
  for (let e = t.next(k); e !== undefined; e = t.next(k)) {
    k = e[0];
    t.set(k, undefined);
    n++;
  }
  assert.equal(n, 200);
  assert.ok(LuaTable.isEmpty(t));
  assert.equal(t.length(), 0);
});

test('clearing the array from the top during traversal (popped keys)', () => {
  const t = new LuaTable();
  for (let i = 1; i <= 10; i++) t.set(i, i);
  t.set('s', 1);
  const seen: LuaValue[] = [];
  let k: LuaValue = undefined;
  for (let e = t.next(k); e !== undefined; e = t.next(k)) {
    k = e[0];
    seen.push(k);
    if (k === 1) for (let i = 10; i >= 1; i--) t.set(i, undefined);
  }
  assert.deepEqual(seen, [1, 's']);
});

test('assigning existing keys during traversal', () => {
  const t = new LuaTable();
  for (let i = 0; i < 100; i++) t.set('k' + i, i);
  for (let i = 0; i < 100; i++) t.set(i * 3 + 0.25, i);
  let k: LuaValue = undefined;
  let n = 0;
  for (let e = t.next(k); e !== undefined; e = t.next(k)) {
    k = e[0];
    t.set(k, (e[1] as number) + 1);
    n++;
  }
  assert.equal(n, 200);
  assert.equal(t.get('k5'), 6);
});

test('nested traversals of one table', () => {
  const t = new LuaTable();
  for (let i = 0; i < 30; i++) t.set('k' + i, i);
  let pairs = 0;
  for (const [a] of t.entries()) for (const [b] of t.entries()) if (a !== b) pairs++;
  assert.equal(pairs, 30 * 29);
});

test('dead string keys revive in place and are compacted', () => {
  const t = new LuaTable();
  t.set('a', 1);
  t.set('b', 2);
  t.set('a', undefined);
  t.set('a', 3);
  assert.deepEqual(keys(t), ['a', 'b']);
  // a queue with ever-new keys: storage must stay bounded
  const q = new LuaTable();
  for (let i = 0; i < 100000; i++) {
    q.set('job' + i, i);
    if (i >= 3) q.set('job' + (i - 3), undefined);
  }
  assert.ok(q.storageSize() < 100, `storage ${q.storageSize()}`);
  assert.deepEqual(keys(q), ['job99997', 'job99998', 'job99999']);
  assert.equal(q.get('job99998'), 99998);
  assert.equal(q.getStr('job5'), undefined);
  const m = new LuaTable();
  for (let i = 0; i < 100000; i++) {
    m.set(i + 0.5, i);
    if (i >= 3) m.set(i - 3 + 0.5, undefined);
  }
  assert.deepEqual(keys(m), [99997.5, 99998.5, 99999.5]);
  assert.ok(m.storageSize() < 100);
});

test('string keys that look special to JS', () => {
  const t = new LuaTable();
  for (const k of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'length', '0', '1', '']) {
    assert.equal(t.get(k), undefined);
    t.set(k, k + '!');
  }
  for (const k of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'length', '0', '1', '']) {
    assert.equal(t.get(k), k + '!');
  }
  assert.equal(t.get(1), undefined);
  assert.equal(count(t), 8);
  assert.equal(new LuaTable().get('__proto__'), undefined);
  assert.equal(new LuaTable().get('constructor'), undefined);
});

test('addresses are unique and stable', () => {
  const a = new LuaTable();
  const b = new LuaTable();
  assert.notEqual(a.address(), b.address());
  assert.equal(a.address(), a.address());
  assert.match(a.address(), /^0x[0-9a-f]{12}$/);
  const f = new NativeFunction('f', () => []);
  assert.equal(addressOf(f), addressOf(f));
  assert.notEqual(addressOf(f), addressOf(a));
  assert.equal(addressOf(a), a.address());
});

test('isEmpty', () => {
  const t = new LuaTable();
  assert.ok(LuaTable.isEmpty(t));
  t.set(true, 1);
  assert.ok(!LuaTable.isEmpty(t));
  t.set(true, undefined);
  assert.ok(LuaTable.isEmpty(t));
  t.set('x', 1);
  assert.ok(!LuaTable.isEmpty(t));
});

test('integer keys move into the array part as PUC sizes it', () => {
  const t = new LuaTable();
  for (let i = 10; i >= 1; i--) t.set(i, i * 10);
  assert.equal(t.length(), 10);
  assert.deepEqual(keys(t).sort((x, y) => (x as number) - (y as number)), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  for (let i = 1; i <= 10; i++) assert.equal(t.getInt(i), i * 10);
  const u = new LuaTable();
  u.set(2, 'b');
  u.set(4, 'd');
  u.set(1, 'a');
  assert.equal(u.length(), 4); // lua5.4 says 4: keys 1, 2, 4 make an array part of size 4
  u.set(3, 'c');
  assert.equal(u.length(), 4);
});

// Expected values recorded from lua5.4 (the Lua source is in each comment).
test('borders match lua5.4', () => {
  // local u = {} for i = 20, 2, -1 do u[i] = i end print(#u) u[1] = 1 print(#u)   --> 20 20
  const u = new LuaTable();
  for (let i = 20; i >= 2; i--) u.set(i, i);
  assert.equal(u.length(), 20);
  u.set(1, 1);
  assert.equal(u.length(), 20);
  // local t = {} for i = 1, 10 do t[i] = i end t[8] = nil t[10] = nil print(#t)   --> 7
  const t = new LuaTable();
  for (let i = 1; i <= 10; i++) t.set(i, i);
  t.set(8, undefined);
  t.set(10, undefined);
  assert.equal(t.length(), 7);
  // #{1, 2, nil}, #{1, nil, 3}, #{nil, nil, 3}, #{nil, nil, 3, nil}, #{1, nil, 3, nil, nil}   --> 2 3 3 3 1
  const ctor = (...v: LuaValue[]) => {
    const c = new LuaTable(v.length, 0);
    c.setList(1, v);
    return c.length();
  };
  assert.deepEqual(
    [ctor(1, 2, undefined), ctor(1, undefined, 3), ctor(undefined, undefined, 3), ctor(undefined, undefined, 3, undefined),
      ctor(1, undefined, 3, undefined, undefined)],
    [2, 3, 3, 3, 1],
  );
  // local a = {} a[1] = 1 a[2] = 2 a[4] = 4 print(#a)   --> 4
  const a = new LuaTable();
  for (const k of [1, 2, 4]) a.set(k, k);
  assert.equal(a.length(), 4);
  // local b = {1, 2, 3, 4, 5, 6, 7, 8} b[5] = nil print(#b) b[8] = nil print(#b) b[7] = nil print(#b)   --> 8 7 6
  const b = new LuaTable(8, 0);
  b.setList(1, [1, 2, 3, 4, 5, 6, 7, 8]);
  b.set(5, undefined);
  assert.equal(b.length(), 8);
  b.set(8, undefined);
  assert.equal(b.length(), 7);
  b.set(7, undefined);
  assert.equal(b.length(), 6);
  // local c = {} for i = 1, 100 do c[i] = i end for i = 1, 100, 3 do c[i] = nil end print(#c)   --> 63
  const c = new LuaTable();
  for (let i = 1; i <= 100; i++) c.set(i, i);
  for (let i = 1; i <= 100; i += 3) c.set(i, undefined);
  assert.equal(c.length(), 63);
  // local d = {n = 1} d[1] = 1 d[2] = 2 d[3] = 3 d[5] = 5 print(#d)   --> 3
  const d = new LuaTable(0, 1);
  d.set('n', 1);
  for (const k of [1, 2, 3, 5]) d.set(k, k);
  assert.equal(d.length(), 3);
  // local f = {} f[1] = 1 f[3] = 3 print(#f) f[2] = 2 print(#f) f[5] = 5 print(#f) f[4] = 4 print(#f)   --> 1 3 3 5
  const f = new LuaTable();
  f.set(1, 1);
  const lens: number[] = [];
  for (const k of [3, 2, 5, 4]) {
    f.set(k, k);
    lens.push(f.length());
  }
  assert.deepEqual(lens, [1, 3, 3, 5]);
});

test('border continuing into the hash part', () => {
  const t = LuaTable.fromArray([1, 2, 3], 4);
  t.set(4, 4); // goes to the hash part, which has room
  t.set(5, 5);
  assert.equal(t.arr.length, 3);
  assert.equal(t.length(), 5);
});

test('record mode switches to dictionary mode past a few dozen string keys', () => {
  const t = new LuaTable();
  for (let i = 0; i < 10; i++) t.set('f' + i, i);
  assert.equal(t.hash.f3, 3);
  // reviving dead fields again and again keeps the table a record
  for (let r = 0; r < 1000; r++) {
    t.setStr('f1', undefined);
    t.setStr('f1', r);
  }
  assert.equal(t.hash.f1, 999);
  for (let i = 10; i < 200; i++) t.set('f' + i, i);
  assert.equal(t.hash.f3, undefined); // dictionary mode: hash is empty, getStr finds the keys
  for (let i = 0; i < 200; i++) assert.equal(t.getStr('f' + i), i === 1 ? 999 : i);
  assert.equal(count(t), 200);
  t.set(1, 'one');
  t.set(true, 'yes');
  assert.equal(count(t), 202);
  assert.equal(t.get(1), 'one');
  // clearing everything during a traversal, then reusing
  let k: LuaValue = undefined;
  for (let e = t.next(k); e !== undefined; e = t.next(k)) {
    k = e[0];
    t.set(k, undefined);
  }
  assert.ok(LuaTable.isEmpty(t));
  t.setStr('again', 1);
  assert.deepEqual(keys(t), ['again']);
});

test('fromHash and fromArray', () => {
  const h = new StrHash();
  h.x = 1;
  h.y = 'two';
  const t = LuaTable.fromHash(h, 2);
  assert.equal(t.get('x'), 1);
  assert.equal(t.hash.y, 'two');
  t.set('z', 3);
  assert.deepEqual(keys(t), ['x', 'y', 'z']);
  const big = new StrHash();
  for (let i = 0; i < 40; i++) big['k' + i] = i;
  const u = LuaTable.fromHash(big, 40);
  assert.equal(u.getStr('k39'), 39);
  assert.equal(count(u), 40);
  const a = LuaTable.fromArray([1, 2, undefined]);
  assert.equal(a.length(), 2);
});

test('a queue over integer keys keeps bounded storage', () => {
  const t = new LuaTable();
  let head = 1;
  let tail = 1;
  for (let i = 0; i < 100000; i++) {
    t.setInt(tail++, i);
    if (tail - head > 5) t.setInt(head++, undefined);
  }
  assert.ok(t.storageSize() < 100, `storage ${t.storageSize()}`);
  assert.equal(count(t), 5);
  for (let i = head; i < tail; i++) assert.equal(t.getInt(i), i - 1);
  assert.ok(isBorder(t, t.length()));
  // draining it and filling from 1 again brings back a real array part
  for (let i = head; i < tail; i++) t.setInt(i, undefined);
  for (let i = 1; i <= 100; i++) t.setInt(i, i);
  assert.equal(t.length(), 100);
  assert.equal(t.arr.length, 128);
});

test('dense arrays with some holes stay arrays', () => {
  const t = new LuaTable();
  for (let i = 1; i <= 5000; i++) t.setInt(i, i % 3 === 0 ? undefined : i);
  assert.equal(t.arr.length, 4096); // 2731 of keys 1..8192 present: not more than half, so 4097.. go to the hash part
  t.setInt(5001, 1);
  for (let i = 1; i <= 5000; i++) t.setInt(i, i);
  assert.equal(t.length(), 5001);
});

test('setList grows the array part to exactly the last key', () => {
  const t = new LuaTable(2, 1);
  t.setList(1, [1, 2, 3, 4, 5]);
  assert.equal(t.arr.length, 5);
  assert.equal(t.length(), 5);
  t.set('x', 1);
  t.setList(6, [6, undefined, 8]);
  assert.equal(t.arr.length, 8);
  assert.equal(t.length(), 8);
  assert.equal(t.get('x'), 1);
});

test('shiftUp/shiftDown equal the element-wise loops', () => {
  for (let n = 0; n < 40; n++) {
    for (const pos of [1, 2, Math.max(1, n >> 1), n, n + 1]) {
      if (pos < 1 || pos > n + 1) continue;
      const a = new LuaTable();
      const b = new LuaTable();
      for (let i = 1; i <= n; i++) {
        a.setInt(i, i);
        b.setInt(i, i);
      }
      const e = a.length() + 1;
      b.length();
      a.shiftUp(pos, e);
      a.setInt(pos, 'v');
      for (let i = e; i > pos; i--) b.setInt(i, b.getInt(i - 1));
      b.setInt(pos, 'v');
      assert.deepEqual([a.arr, a.alimit, a.length()], [b.arr, b.alimit, b.length()], `insert n=${n} pos=${pos}`);
      if (pos <= n && n <= a.alimit) {
        const size = a.length();
        a.shiftDown(pos, size);
        for (let i = pos; i < size; i++) b.setInt(i, b.getInt(i + 1));
        b.setInt(size, undefined);
        assert.deepEqual([a.arr, a.alimit, a.length()], [b.arr, b.alimit, b.length()], `remove n=${n} pos=${pos}`);
      }
    }
  }
});

test('random operations agree with a plain Map model', () => {
  let seed = 99;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n;
  };
  const objs = [new LuaTable(), new LuaTable(), new NativeFunction('f', () => [])];
  const keyOf = (): LuaValue => {
    switch (rnd(9)) {
      case 0: case 1: case 2: return 1 + rnd(70); // array-ish integers
      case 3: return rnd(2000) - 1000; // sparse, zero and negative integers
      case 4: return 's' + rnd(60); // strings
      case 5: return rnd(40) + 0.5; // floats
      case 6: return [true, false][rnd(2)];
      case 7: return objs[rnd(3)];
      default: return [2n ** 60n, new LFloat(Infinity), new LFloat(2 ** 63), new LFloat(4)][rnd(4)];
    }
  };
  // the model keys by a canonical string
  const canon = (k: LuaValue): unknown => (k instanceof LFloat ? (Number.isInteger(k.n) && Math.abs(k.n) < 2 ** 53 ? k.n : 'F' + k.n)
    : typeof k === 'bigint' ? 'B' + k : k);
  for (let round = 0; round < 40; round++) {
    const t = new LuaTable(rnd(3) === 0 ? rnd(20) : 0, rnd(3) === 0 ? rnd(20) : 0);
    const model = new Map<unknown, LuaValue>();
    for (let step = 0; step < 400; step++) {
      const k = keyOf();
      const v = rnd(4) === 0 ? undefined : step;
      t.set(k, v);
      if (v === undefined) model.delete(canon(k));
      else model.set(canon(k), v);
      const probe = keyOf();
      assert.equal(t.get(probe), model.get(canon(probe)), `round ${round} step ${step}`);
      if (step % 50 === 49) {
        // a full traversal sees exactly the live entries, even while clearing some of them
        const seen = new Map<unknown, LuaValue>();
        let key: LuaValue = undefined;
        for (let e = t.next(key); e !== undefined; e = t.next(key)) {
          key = e[0];
          assert.ok(!seen.has(canon(key)), 'key seen twice');
          seen.set(canon(key), e[1]);
          if (rnd(5) === 0) {
            t.set(key, undefined);
            model.delete(canon(key));
          } else if (rnd(5) === 0) {
            t.set(key, 'changed');
            model.set(canon(key), 'changed');
          }
        }
        for (const [mk] of model) assert.ok(seen.has(mk), `missed ${String(mk)}`);
        assert.ok(isBorder(t, t.length()));
      }
    }
  }
});

test('setListMv on fresh and on used tables equals setList of the concatenation', () => {
  const cases: Array<(t: LuaTable) => void> = [
    () => {},
    (t) => t.set('x', 1),
    (t) => t.set(100, 'h'),
    (t) => t.set(3, 'three'),
  ];
  for (const prep of cases) {
    for (const narr of [0, 1, 2, 5]) {
      for (const first of [1, 2, 4]) {
        const fixed: LuaValue[] = ['a', undefined, 'c'].slice(0, first === 4 ? 1 : 3);
        const more: LuaValue[] = [1.5, undefined, 3];
        const a = new LuaTable(narr, 1);
        const b = new LuaTable(narr, 1);
        prep(a);
        prep(b);
        a.setListMv(first, fixed, more);
        b.setList(first, fixed.concat(more));
        assert.equal(a.arr.length, b.arr.length);
        assert.equal(a.length(), b.length());
        assert.deepEqual(keys(a), keys(b));
        for (const k of keys(b)) assert.equal(a.get(k), b.get(k));
      }
    }
  }
});

test('setList on a fresh table keeps a NaN and grows to exactly the last key', () => {
  const t = new LuaTable(1, 0);
  const nan = -NaN;
  t.setListMv(1, [nan], [2.5, 0.5]);
  assert.equal(t.arr.length, 3);
  assert.ok(Number.isNaN(t.getInt(1)));
  assert.equal(t.getInt(3), 0.5);
  const u = new LuaTable(0, 0);
  u.setList(3, [1, 2]); // keys 1 and 2 stay nil inside the array part, as in PUC
  assert.equal(u.arr.length, 4);
  assert.equal(u.getInt(4), 2);
});

test('records built field by field size their hash part as PUC does', () => {
  // local t = {} t.a=1 t.b=2 t.c=3 t.d=4 t.e=5 t[4]=4 t[3]=3 t[1]=1 t[6]=6 print(#t)   --> 4 (lua5.4)
  const t = new LuaTable();
  for (const k of ['a', 'b', 'c', 'd', 'e']) t.set(k, 1);
  for (const i of [4, 3, 1, 6]) t.set(i, i);
  assert.equal(t.length(), 4);
  assert.equal(t.arr.length, 4); // keys 3, 4 and 1 waited in free nodes; key 6 rehashed them into the array
  // a record that later gets a dead key and integer keys
  const w = new LuaTable();
  w.set('a', 1);
  w.set('a', undefined);
  w.set('b', 2);
  w.set(2, 2);
  w.set(1, 1);
  w.set('c', 3);
  w.set(4, 4);
  assert.equal(w.length(), 4);
  assert.deepEqual(keys(w).filter((k) => typeof k === 'string').sort(), ['b', 'c']);
});

test('dictionary-mode tables keep an empty hash (generated code reads misses as nil otherwise)', () => {
  const t = new LuaTable();
  for (let i = 0; i < 70; i++) t.set('k' + i, i); // the rehash at 65 keys finds more than 32
  assert.equal(t.strDict, true);
  assert.equal(t.hash.k5, undefined);
  assert.equal(Object.keys(t.hash).length, 0);
  assert.equal(t.getStr('k5'), 5);
  const r = new LuaTable();
  r.set('x', 1);
  assert.equal(r.strDict, false);
  assert.equal(r.hash.x, 1);
  // the store contract: a live or dead property is written in place; sHasDead records a dead one
  r.hash.x = undefined;
  r.sHasDead = true;
  assert.deepEqual(keys(r), []);
  r.hash.x = 2;
  assert.deepEqual(keys(r), ['x']);
});

test('a first string key stored as a computed key (setStrDyn) makes a dictionary; names keep records', () => {
  const d = new LuaTable();
  d.setStrDyn('k' + 1, 1);
  assert.equal(d.strDict, true);
  assert.equal(Object.keys(d.hash).length, 0); // generated code reads `hash` misses through getStr
  d.setStrDyn('k2', 2);
  d.setStr('name', 3);
  assert.deepEqual([d.getStr('k1'), d.get('k2'), d.getStr('name'), d.getStr('none')], [1, 2, 3, undefined]);
  const n = new LuaTable();
  n.setStrDyn('x', undefined); // storing nil adds no key: no reason to change the layout
  assert.equal(n.strDict, false);
  const r = new LuaTable();
  r.setStr('x', 1);
  r.setStrDyn('y', 2); // a record keeps its layout when computed keys come later
  assert.equal(r.strDict, false);
  assert.deepEqual([r.hash.x, r.hash.y], [1, 2]);
  // sizes are PUC's whatever the storage: integer keys still move to the array part on a rehash
  for (let i = 1; i <= 4; i++) d.set(i, i);
  assert.equal(d.length(), 4);
  assert.equal(d.arr.length, 4);
});

test('small Map parts search their keys linearly and switch to a Map past SMALL_MAP keys', () => {
  const t = new LuaTable();
  const ks: LuaValue[] = [true, false, 1.5, -2.25, new LuaTable(), 2 ** 70, new LFloat(Infinity), 10n ** 18n];
  for (let i = 0; i < ks.length; i++) {
    t.set(ks[i], i + 1);
    for (let j = 0; j <= i; j++) assert.equal(t.get(ks[j]), j + 1);
    assert.equal(t.get(0.125), undefined);
  }
  const priv = t as unknown as { map: Map<unknown, number> | undefined };
  assert.equal(priv.map, undefined); // 8 keys: no Map object yet
  t.set(0.375, 9);
  assert.notEqual(priv.map, undefined);
  for (let j = 0; j < ks.length; j++) assert.equal(t.get(ks[j]), j + 1);
  assert.equal(count(t), 9);
  // next() over a linear part, with a dead key and an invalid one
  const s = new LuaTable();
  s.set(true, 1);
  s.set(false, 2);
  s.set(true, undefined);
  assert.deepEqual(s.next(true), [false, 2]);
  assert.throws(() => s.next(0.5), /invalid key to 'next'/);
  s.set(false, 3); // `t[k] = f(t[k])` on a linear part
  assert.equal(s.get(false), 3);
});

test('rehashes that move no key keep PUC sizes: lists growing at the end, dictionaries growing', () => {
  const l = new LuaTable();
  const sizes: number[] = [];
  for (let i = 1; i <= 33; i++) {
    l.set(i, i);
    sizes.push(l.arr.length);
  }
  assert.deepEqual(sizes.slice(0, 9), [1, 2, 4, 4, 8, 8, 8, 8, 16]);
  assert.equal(l.arr.length, 64);
  assert.equal(l.length(), 33);
  assert.equal(l.storageSize(), 64);
  // a hole: the general rehash decides (5 of keys 1..8 present and key 9 arriving: the array stays at 8)
  const h = new LuaTable();
  for (let i = 1; i <= 8; i++) h.set(i, i);
  for (const i of [2, 4, 6]) h.set(i, undefined);
  h.set(9, 9);
  assert.equal(h.arr.length, 8);
  assert.equal(h.get(9), 9);
  // a dictionary growing key by key keeps its slots (traversal order) and finds every key
  const d = new LuaTable();
  for (let i = 0; i < 40; i++) d.setStrDyn('w' + i, i);
  assert.deepEqual(keys(d), Array.from({ length: 40 }, (_, i) => 'w' + i));
  assert.equal(d.storageSize(), 40);
});
