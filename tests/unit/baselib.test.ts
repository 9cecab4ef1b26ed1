// Unit tests of the basic library's fast entries (src/lib/base.ts): the raw accessors are FastNatives whose
// fast entries agree with their general entries, and decline (NOFAST) whatever the general entry must raise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Lua } from '../../src/api/index.js';
import { LuaTable } from '../../src/runtime/table.js';
import { LFloat, type LuaValue } from '../../src/runtime/value.js';
import { FastNative, NOFAST } from '../../src/runtime/fastnative.js';

test('rawget, rawset, rawlen and rawequal have fast entries that agree with the general ones', () => {
  const lua = new Lua({ stdout: null });
  const L = lua.state;
  const fn = (name: string): FastNative => {
    const f = lua.getGlobal(name);
    assert.ok(f instanceof FastNative && f.one, `${name} is a FastNative with a one-result entry`);
    return f;
  };
  const rawget = fn('rawget'), rawset = fn('rawset'), rawlen = fn('rawlen'), rawequal = fn('rawequal');
  const mt = new LuaTable();
  mt.setStr('__index', new LuaTable());
  const t = new LuaTable();
  t.setInt(1, 'a');
  t.setStr('x', 1.5);
  t.metatable = mt;
  const keys: LuaValue[] = [1, 2, 'x', 'y', new LFloat(1), true, 2 ** 60, 0.5];
  for (const k of keys) {
    assert.equal(rawget.fast(L, 2, t, k, undefined, undefined), rawget.fn(L, [t, k])[0]);
  }
  assert.equal(rawget.fast(L, 2, 'str', 1, undefined, undefined), NOFAST);
  assert.equal(rawget.fast(L, 1, t, undefined, undefined, undefined), NOFAST);
  assert.equal(rawset.fast(L, 3, t, 'y', 7, undefined), t);
  assert.equal(t.getStr('y'), 7);
  assert.equal(rawset.fast(L, 3, t, new LFloat(2), 'b', undefined), t);
  assert.equal(t.getInt(2), 'b');
  assert.equal(rawset.fast(L, 3, t, undefined, 1, undefined), NOFAST);
  assert.equal(rawset.fast(L, 3, t, NaN, 1, undefined), NOFAST);
  assert.equal(rawset.fast(L, 2, t, 'z', undefined, undefined), NOFAST);
  assert.equal(rawset.fast(L, 3, 42, 'z', 1, undefined), NOFAST);
  assert.equal(rawlen.fast(L, 1, t, undefined, undefined, undefined), 2);
  assert.equal(rawlen.fast(L, 1, 'abc', undefined, undefined, undefined), 3);
  assert.equal(rawlen.fast(L, 1, 42, undefined, undefined, undefined), NOFAST);
  assert.equal(rawlen.fast(L, 0, undefined, undefined, undefined, undefined), NOFAST);
  assert.equal(rawequal.fast(L, 2, 1, new LFloat(1), undefined, undefined), true);
  assert.equal(rawequal.fast(L, 2, t, mt, undefined, undefined), false);
  assert.equal(rawequal.fast(L, 2, NaN, NaN, undefined, undefined), false);
  assert.equal(rawequal.fast(L, 1, 1, undefined, undefined, undefined), NOFAST);
});

test('getmetatable, math.random and table.remove have fast entries; they decline what they must not do', () => {
  const lua = new Lua({ stdout: null });
  const L = lua.state;
  const lib = (name: string): FastNative => {
    const [a, b] = name.split('.');
    const f = b === undefined ? lua.getGlobal(a) : (lua.getGlobal(a) as LuaTable).getStr(b);
    assert.ok(f instanceof FastNative && f.one, `${name} is a FastNative with a one-result entry`);
    return f;
  };
  const getmetatable = lib('getmetatable'), random = lib('math.random'), remove = lib('table.remove');
  const mt = new LuaTable();
  const t = new LuaTable();
  t.metatable = mt;
  assert.equal(getmetatable.fast(L, 1, t, undefined, undefined, undefined), mt);
  mt.setStr('__metatable', 'locked');
  assert.equal(getmetatable.fast(L, 1, t, undefined, undefined, undefined), 'locked');
  assert.equal(getmetatable.fast(L, 1, new LuaTable(), undefined, undefined, undefined), undefined);
  assert.equal(getmetatable.fast(L, 0, undefined, undefined, undefined, undefined), NOFAST);
  // the fast entry draws exactly as the general one: same sequences from the same seed
  const seed = (lua.getGlobal('math') as LuaTable).getStr('randomseed') as FastNative;
  const draws = (fast: boolean): LuaValue[] => {
    seed.fn(L, [123]);
    const out: LuaValue[] = [];
    for (const args of [[], [10], [-3, 3], [0], [5, 5]] as number[][]) {
      out.push(fast ? random.fast(L, args.length, args[0], args[1], undefined, undefined) : random.fn(L, args)[0]);
    }
    return out;
  };
  assert.deepEqual(draws(true), draws(false));
  for (const args of [[5, 1], [0.5], [1, 2 ** 40], [1, 2, 3]] as number[][]) {
    assert.equal(random.fast(L, args.length, args[0], args[1], args[2], undefined), NOFAST, String(args));
  }
  const list = LuaTable.fromArray([1, 2, 3, 4]);
  assert.equal(remove.fast(L, 2, list, 1, undefined, undefined), 1);
  assert.equal(remove.fast(L, 1, list, undefined, undefined, undefined), 4);
  assert.deepEqual([list.getInt(1), list.getInt(2), list.getInt(3), list.length()], [2, 3, undefined, 2]);
  assert.equal(remove.fast(L, 2, list, 5, undefined, undefined), NOFAST);
  assert.equal(remove.fast(L, 2, list, 1.5, undefined, undefined), NOFAST);
  assert.equal(remove.fast(L, 1, t, undefined, undefined, undefined), NOFAST); // a metatable: general entry
});
