// Runs a Lua file on wasmoon (PUC-Lua 5.4 compiled to WebAssembly) for bench/run.mjs:
// `node wasmoon.mjs file.lua [args]`. The package path comes from $BENCH_PKG (resolved by run.mjs).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const { LuaFactory } = await import(process.env.BENCH_PKG ? pathToFileURL(process.env.BENCH_PKG).href : 'wasmoon');

const [file, ...args] = process.argv.slice(2);
const lua = await new LuaFactory().createEngine();
try {
  // print() writes to stdout without console.log's formatting of the arguments
  lua.global.set('print', (...vals) => process.stdout.write(vals.map((v) => (v === undefined ? 'nil' : String(v))).join('\t') + '\n'));
  const q = (s) => JSON.stringify(s);
  await lua.doString(`arg = {[0] = ${q(file)}${args.map((a) => ', ' + q(a)).join('')}}`);
  await lua.doString(readFileSync(file, 'latin1'));
} catch (e) {
  process.stderr.write(`wasmoon: ${e?.message ?? e}\n`);
  process.exitCode = 1;
} finally {
  lua.global.close();
}
