/*
 * The package library and `require` (loadlib.c's behaviour and messages), reading Lua files through the Host.
 *
 * Moonrise cannot load native (C) modules: package.cpath and the C searchers exist and report the files they
 * look for exactly as PUC-Lua does, but a found native module fails with "native modules are not supported",
 * and package.loadlib answers like a PUC-Lua built without dynamic library support. Defaults are PUC-Lua's
 * compiled-in LUA_PATH_DEFAULT / LUA_CPATH_DEFAULT (a distribution's lua5.4 may add its own directories).
 * package.loaded is registry._LOADED and package.preload registry._PRELOAD, as in C.
 */
import { LuaTable } from '../runtime/table.js';
import { LuaError } from '../runtime/errors.js';
import { LuaFunction, NativeFunction, truthy, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import { luaError, checkString, optString, toStringCoerce } from '../runtime/auxlib.js';
import { FileLoadError, type Host } from '../host/host.js';

const LUA_LDIR = '/usr/local/share/lua/5.4/';
const LUA_CDIR = '/usr/local/lib/lua/5.4/';
export const LUA_PATH_DEFAULT =
  `${LUA_LDIR}?.lua;${LUA_LDIR}?/init.lua;${LUA_CDIR}?.lua;${LUA_CDIR}?/init.lua;./?.lua;./?/init.lua`;
export const LUA_CPATH_DEFAULT = `${LUA_CDIR}?.so;${LUA_CDIR}loadall.so;./?.so`;
const DLMSG = 'dynamic libraries not enabled; check your Lua installation';
const NATIVE_MSG = 'native modules are not supported';

/** What package needs beyond the LuaState contract: compiling a chunk (the interpreter's load). */
type Loading = LuaState & { load?(chunk: string, chunkname: string, mode?: string, env?: LuaValue): unknown };

/** luaL_loadfilex's view of a file's bytes: a UTF-8 BOM is dropped, and a first line starting with '#' is
 * replaced by an empty line (kept for line numbers) unless a binary chunk follows it. */
export function prepareChunkText(data: string): string {
  let s = data.startsWith('\xEF\xBB\xBF') ? data.slice(3) : data;
  if (s[0] !== '#') return s;
  const nl = s.indexOf('\n');
  s = nl < 0 ? '' : s.slice(nl + 1);
  return s[0] === '\x1b' ? s : '\n' + s;
}

/** Compiles `text` with the State's loader; returns the function or the error message. */
function compileChunk(L: LuaState, text: string, chunkname: string): LuaValue {
  const loader = (L as Loading).load;
  if (typeof loader !== 'function') throw new LuaError('package: this state cannot compile chunks');
  let r: unknown;
  try {
    r = loader.call(L, text, chunkname, 'bt');
  } catch (e) {
    if (e instanceof LuaError) return messageOf(e.value);
    throw e;
  }
  if (Array.isArray(r)) return r[0] instanceof LuaFunction ? r[0] : messageOf(r[1]);
  return r as LuaValue;
}

function messageOf(v: unknown): string {
  return typeof v === 'string' ? v : toStringCoerce(v as LuaValue) ?? String(v);
}

/** luaL_loadfile for a named file: the function, or the error message ("cannot open x: ..."). */
export function loadLuaFile(L: LuaState, host: Host, filename: string): LuaValue {
  let data: string;
  try {
    data = host.readFileOrThrow(filename);
  } catch (e) {
    if (e instanceof FileLoadError) return `cannot ${e.op} ${filename}: ${e.text}`;
    throw e;
  }
  return compileChunk(L, prepareChunkText(data), '@' + filename);
}

/** A path from LUA_PATH_5_4 / LUA_PATH (or the C variants), ";;" standing for the default (setpath). */
function pathFromEnv(L: LuaState, host: Host, envname: string, dft: string): string {
  const path = host.getenv(envname + '_5_4') ?? host.getenv(envname);
  if (path === undefined || truthy(L.registry.getStr('LUA_NOENV'))) return dft;
  const mark = path.indexOf(';;');
  if (mark < 0) return path;
  let res = mark > 0 ? path.slice(0, mark) + ';' : '';
  res += dft;
  if (mark < path.length - 2) res += ';' + path.slice(mark + 2);
  return res;
}

/** searchpath: the first readable file among the path's templates, or the "no file" lines. */
function searchPath(host: Host, name: string, path: string, sep: string, dirsep: string): { file?: string; msg: string } {
  if (sep !== '' && name.includes(sep)) name = name.split(sep).join(dirsep);
  const candidates = path.split('?').join(name).split(';');
  for (const file of candidates) if (host.isReadable(file)) return { file, msg: '' };
  return { msg: candidates.map((f) => `no file '${f}'`).join('\n\t') };
}

function findFile(L: LuaState, host: Host, pkg: LuaTable, name: string, pname: 'path' | 'cpath'): { file?: string; msg: string } {
  const path = toStringCoerce(L.index(pkg, pname));
  if (path === undefined) luaError(L, `'package.${pname}' must be a string`);
  return searchPath(host, name, path, '.', '/');
}

/** checkload: loader plus file name, or "error loading module" naming the file. */
function checkLoad(L: LuaState, name: string, loaded: LuaValue, filename: string): LuaValue[] {
  if (loaded instanceof LuaFunction) return [loaded, filename];
  return luaError(L, `error loading module '${name}' from file '${filename}':\n\t${messageOf(loaded)}`);
}

function makeSearchers(L: LuaState, host: Host, pkg: LuaTable): LuaTable {
  const preload = new NativeFunction('searcher_preload', (L, a) => {
    const name = checkString(L, a, 1);
    const loader = L.index(L.registry.getStr('_PRELOAD'), name);
    return loader === undefined ? [`no field package.preload['${name}']`] : [loader, ':preload:'];
  });
  const lua = new NativeFunction('searcher_Lua', (L, a) => {
    const name = checkString(L, a, 1);
    const found = findFile(L, host, pkg, name, 'path');
    if (found.file === undefined) return [found.msg];
    return checkLoad(L, name, loadLuaFile(L, host, found.file), found.file);
  });
  const c = new NativeFunction('searcher_C', (L, a) => {
    const name = checkString(L, a, 1);
    const found = findFile(L, host, pkg, name, 'cpath');
    if (found.file === undefined) return [found.msg];
    return checkLoad(L, name, NATIVE_MSG, found.file);
  });
  const croot = new NativeFunction('searcher_Croot', (L, a) => {
    const name = checkString(L, a, 1);
    const dot = name.indexOf('.');
    if (dot < 0) return [];
    const found = findFile(L, host, pkg, name.slice(0, dot), 'cpath');
    if (found.file === undefined) return [found.msg];
    return checkLoad(L, name, NATIVE_MSG, found.file);
  });
  return LuaTable.fromArray([preload, lua, c, croot]);
}

/** findloader: asks each searcher in turn; raises "module 'x' not found:" with their messages. */
function findLoader(L: LuaState, pkg: LuaTable, name: string): [LuaValue, LuaValue] {
  const searchers = L.index(pkg, 'searchers');
  if (!(searchers instanceof LuaTable)) luaError(L, "'package.searchers' must be a table");
  let msg = '';
  for (let i = 1; ; i++) {
    const searcher = searchers.getInt(i);
    if (searcher === undefined) luaError(L, `module '${name}' not found:${msg}`);
    const [loader, data] = L.call(searcher, [name]);
    if (loader instanceof LuaFunction) return [loader, data];
    const text = toStringCoerce(loader);
    if (text !== undefined) msg += '\n\t' + text;
  }
}

/** The global `require`, bound to one package table (its upvalue in C). */
export function makeRequire(pkg: LuaTable): NativeFunction {
  return new NativeFunction('require', (L, a) => {
    const name = checkString(L, a, 1);
    const loadedTable = L.registry.getStr('_LOADED');
    const already = L.index(loadedTable, name);
    if (already !== undefined && already !== false) return [already];
    const [loader, data] = findLoader(L, pkg, name);
    const result = L.call(loader, [name, data])[0];
    if (result !== undefined) L.setIndex(loadedTable, name, result);
    let value = L.index(loadedTable, name);
    if (value === undefined) {
      value = true;
      L.setIndex(loadedTable, name, true);
    }
    return [value, data];
  });
}

/** luaL_getsubtable on the registry. */
function registryTable(L: LuaState, key: string): LuaTable {
  const t = L.registry.getStr(key);
  if (t instanceof LuaTable) return t;
  const fresh = new LuaTable();
  L.registry.setStr(key, fresh);
  return fresh;
}

/** Builds the package table and installs the global `require` (as luaopen_package does). Set
 * registry.LUA_NOENV to true before calling it to ignore LUA_PATH/LUA_CPATH (`lua -E`). */
export function openPackage(L: LuaState, host: Host): LuaTable {
  registryTable(L, '_CLIBS');
  const pkg = new LuaTable();
  pkg.setStr('loadlib', new NativeFunction('loadlib', (L, a) => {
    checkString(L, a, 1);
    checkString(L, a, 2);
    return [undefined, DLMSG, 'absent'];
  }));
  pkg.setStr('searchpath', new NativeFunction('searchpath', (L, a) => {
    // PUC-Lua passes the four checks as call arguments, which gcc evaluates last to first (lua5.4 complains
    // about argument #2 before #1)
    const dirsep = optString(L, a, 4, '/');
    const sep = optString(L, a, 3, '.');
    const path = checkString(L, a, 2);
    const found = searchPath(host, checkString(L, a, 1), path, sep, dirsep);
    return found.file !== undefined ? [found.file] : [undefined, found.msg];
  }));
  pkg.setStr('searchers', makeSearchers(L, host, pkg));
  pkg.setStr('path', pathFromEnv(L, host, 'LUA_PATH', LUA_PATH_DEFAULT));
  pkg.setStr('cpath', pathFromEnv(L, host, 'LUA_CPATH', LUA_CPATH_DEFAULT));
  pkg.setStr('config', '/\n;\n?\n!\n-\n');
  pkg.setStr('loaded', registryTable(L, '_LOADED'));
  pkg.setStr('preload', registryTable(L, '_PRELOAD'));
  L.globals.setStr('require', makeRequire(pkg));
  return pkg;
}
