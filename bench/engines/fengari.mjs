// Runs a Lua file on fengari (Lua 5.3 in JavaScript) for bench/run.mjs: `node fengari.mjs file.lua [args]`.
// The package path comes from $BENCH_PKG (resolved by run.mjs); output goes to this process's stdout.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { lua, lauxlib, lualib, to_luastring } = require(process.env.BENCH_PKG ?? 'fengari');

const [file, ...args] = process.argv.slice(2);
const L = lauxlib.luaL_newstate();
lualib.luaL_openlibs(L);
lua.lua_createtable(L, args.length, 1);
lua.lua_pushstring(L, to_luastring(file));
lua.lua_rawseti(L, -2, 0);
args.forEach((a, i) => {
  lua.lua_pushstring(L, to_luastring(a));
  lua.lua_rawseti(L, -2, i + 1);
});
lua.lua_setglobal(L, to_luastring('arg'));
let status = lauxlib.luaL_loadfile(L, to_luastring(file));
if (status === lua.LUA_OK) status = lua.lua_pcall(L, 0, 0, 0);
if (status !== lua.LUA_OK) {
  process.stderr.write(`fengari: ${lua.lua_tojsstring(L, -1)}\n`);
  process.exitCode = 1;
}
