/*
 * The `libs` allow-list of the embedding API: opens only the named standard libraries (base always), in
 * linit.c's order, registering each as a global and in package.loaded like lib/init.ts's openLibs (which the
 * API keeps using when no list is given).
 *
 * Invariant: io, os and package need a Host; naming one of them without a host is an error (left out
 * silently only when no list is given, as openLibs does).
 */
import type { LuaState } from '../runtime/state.js';
import { LuaTable } from '../runtime/table.js';
import type { Host } from '../host/host.js';
import { openBase } from '../lib/base.js';
import { openCoroutine } from '../lib/coroutine.js';
import { openPackage } from '../lib/package.js';
import { openTable } from '../lib/table.js';
import { openIo } from '../lib/io.js';
import { openOs } from '../lib/os.js';
import { openString } from '../lib/string.js';
import { openMath } from '../lib/math.js';
import { openUtf8 } from '../lib/utf8.js';
import { openDebug } from '../lib/debug.js';

/** Names accepted by the `libs` option. */
export type LibName = 'base' | 'package' | 'coroutine' | 'table' | 'io' | 'os' | 'string' | 'math' | 'utf8' | 'debug';

type Opener = (L: LuaState, host: Host) => LuaTable;

const ORDER: [LibName, string, Opener, boolean][] = [
  // [option name, global name, opener, needs a host]
  ['base', '_G', openBase, false],
  ['package', 'package', openPackage, true],
  ['coroutine', 'coroutine', openCoroutine, false],
  ['table', 'table', openTable, false],
  ['io', 'io', openIo, true],
  ['os', 'os', openOs, true],
  ['string', 'string', openString, false],
  ['math', 'math', openMath, false],
  ['utf8', 'utf8', openUtf8, false],
  ['debug', 'debug', openDebug, false],
];

export const LIB_NAMES: readonly LibName[] = ORDER.map((e) => e[0]);

export function openSelectedLibs(L: LuaState, host: Host | undefined, libs: readonly string[]): void {
  for (const name of libs) {
    const entry = ORDER.find((e) => e[0] === name);
    if (entry === undefined) throw new Error(`unknown library '${name}' (available: ${LIB_NAMES.join(', ')})`);
    if (entry[3] && !host) throw new Error(`library '${name}' needs a host (file system access): pass the 'host' option`);
  }
  let loaded = L.registry.getStr('_LOADED');
  if (!(loaded instanceof LuaTable)) {
    loaded = new LuaTable();
    L.registry.setStr('_LOADED', loaded);
  }
  for (const [name, global, open] of ORDER) {
    if (name !== 'base' && !libs.includes(name)) continue;
    const lib = open(L, host as Host);
    (loaded as LuaTable).setStr(global, lib);
    if (name !== 'base') L.globals.setStr(global, lib);
  }
}
