/*
 * Opens the standard libraries into a state, in linit.c's order: each library table is stored both as a
 * global and in package.loaded (registry._LOADED), as luaL_requiref does. Libraries that touch the machine
 * (io, os, package's file searchers) need a Host; without one they are left out.
 */
import type { LuaState } from '../runtime/state.js';
import { LuaTable } from '../runtime/table.js';
import type { Host } from '../host/host.js';
import { openBase } from './base.js';
import { openCoroutine } from './coroutine.js';
import { openPackage } from './package.js';
import { openTable } from './table.js';
import { openIo } from './io.js';
import { openOs } from './os.js';
import { openString } from './string.js';
import { openMath } from './math.js';
import { openUtf8 } from './utf8.js';
import { openDebug } from './debug.js';

type Opener = (L: LuaState, host: Host) => LuaTable;

const LIBS: [string, Opener, boolean][] = [
  // [global name, opener, needs a host]
  ['_G', openBase, false],
  ['package', openPackage, true],
  ['coroutine', openCoroutine, false],
  ['table', openTable, false],
  ['io', openIo, true],
  ['os', openOs, true],
  ['string', openString, false],
  ['math', openMath, false],
  ['utf8', openUtf8, false],
  ['debug', openDebug, false],
];

export function openLibs(L: LuaState, host: Host | undefined): void {
  const loaded = loadedTable(L);
  for (const [name, open, needsHost] of LIBS) {
    if (needsHost && !host) continue;
    const lib = open(L, host as Host);
    loaded.setStr(name, lib);
    if (name !== '_G') L.globals.setStr(name, lib);
  }
}

function loadedTable(L: LuaState): LuaTable {
  let t = L.registry.getStr('_LOADED');
  if (!(t instanceof LuaTable)) {
    t = new LuaTable();
    L.registry.setStr('_LOADED', t);
  }
  return t as LuaTable;
}
