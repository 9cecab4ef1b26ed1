// Micro-benchmarks of runtime/table.ts (LuaTable) against plain JS baselines.
// usage: node bench/micro/table-ops.mjs [filter]     (bundles src/runtime/table.ts with esbuild on the fly)
// Prints ns per operation (median of 5 runs of on-CPU time). Timings are informative, never asserted.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(tmpdir(), `moonrise-table-bench-${process.pid}.mjs`);
await build({ entryPoints: [join(root, 'src/runtime/table.ts')], bundle: true, format: 'esm', platform: 'node', outfile: out, logLevel: 'warning' });
const { LuaTable, StrHash } = await import(pathToFileURL(out).href);

let SINK = 0;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
function bench(name, ops, fn) {
  if (process.argv[2] && !name.includes(process.argv[2])) return;
  for (let i = 0; i < 2; i++) SINK ^= fn() | 0;
  const ts = [];
  for (let i = 0; i < 5; i++) { const t0 = cpu(); SINK ^= fn() | 0; ts.push(cpu() - t0); }
  ts.sort((a, b) => a - b);
  console.log(`${name.padEnd(34)} ${(ts[2] * 1e6 / ops).toFixed(2).padStart(8)} ns/op`);
}

const N = 1_000_000;
bench('array fill+read (LuaTable)', 2 * N, () => {
  const t = new LuaTable();
  for (let i = 1; i <= N; i++) t.setInt(i, i);
  let s = 0;
  for (let i = 1; i <= N; i++) s += t.getInt(i);
  return s;
});
bench('array fill+read (JS array)', 2 * N, () => {
  const a = [];
  for (let i = 1; i <= N; i++) a.push(i);
  let s = 0;
  for (let i = 1; i <= N; i++) s += a[i - 1];
  return s;
});
bench('array read via get() (generic)', N, () => {
  const t = new LuaTable();
  for (let i = 1; i <= 1000; i++) t.setInt(i, i);
  let s = 0;
  for (let r = 0; r < N / 1000; r++) for (let i = 1; i <= 1000; i++) s += t.get(i);
  return s;
});
bench('array fill reverse (map->absorb)', N / 10, () => {
  const t = new LuaTable();
  for (let i = N / 10; i >= 1; i--) t.setInt(i, i);
  return t.length();
});

const KEYS = ['x', 'y', 'z', 'name', 'value', 'next', 'left', 'right'];
bench('string keys get/set (dynamic key)', 2 * N, () => {
  const t = new LuaTable();
  for (const k of KEYS) t.setStr(k, 0);
  let s = 0;
  for (let i = 0; i < N; i++) { const k = KEYS[i & 7]; t.setStr(k, i); s += t.getStr(k); }
  return s;
});
bench('string keys get/set (Map baseline)', 2 * N, () => {
  const m = new Map();
  for (const k of KEYS) m.set(k, 0);
  let s = 0;
  for (let i = 0; i < N; i++) { const k = KEYS[i & 7]; m.set(k, i); s += m.get(k); }
  return s;
});
bench('constant-name read t.hash.x (JIT)', N, () => {
  const ts = [];
  for (let i = 0; i < 100; i++) { const t = new LuaTable(); t.setStr('x', i); t.setStr('y', 1); ts.push(t); }
  let s = 0;
  for (let r = 0; r < N / 100; r++) for (let i = 0; i < 100; i++) s += ts[i].hash.x + ts[i].hash.y;
  return s;
});
bench('object {x=,y=,z=} unsized setStr', N / 4, () => {
  let s = 0;
  for (let i = 0; i < N / 4; i++) { const t = new LuaTable(); t.setStr('x', i); t.setStr('y', i); t.setStr('z', i); s += t.hash.x; }
  return s;
});
bench('object {x=,y=,z=} NEWTABLE-sized', N / 4, () => {
  let s = 0;
  for (let i = 0; i < N / 4; i++) { const t = new LuaTable(0, 3); t.setStr('x', i); t.setStr('y', i); t.setStr('z', i); s += t.hash.x; }
  return s;
});
bench('object {x=,y=,z=} fromHash (JIT)', N / 4, () => {
  let s = 0;
  for (let i = 0; i < N / 4; i++) { const h = new StrHash(); h.x = i; h.y = i; h.z = i; const t = LuaTable.fromHash(h, 3, 3, false); s += t.hash.x; }
  return s;
});
bench('empty table create', N, () => {
  let s = 0;
  for (let i = 0; i < N; i++) { const t = new LuaTable(); s += t.arr.length; }
  return s;
});
bench('many distinct string keys (dict)', N / 10, () => {
  const t = new LuaTable();
  for (let i = 0; i < N / 20; i++) t.setStr('k' + i, i);
  let s = 0;
  for (let i = 0; i < N / 20; i++) s += t.getStr('k' + i);
  return s;
});

function traverse(t) {
  const out = [undefined, undefined];
  let k, n = 0;
  while (t.nextInto(k, out)) { k = out[0]; n++; }
  return n;
}
const arrT = new LuaTable(); for (let i = 1; i <= 1000; i++) arrT.setInt(i, i);
const strT = new LuaTable(); for (let i = 0; i < 1000; i++) strT.setStr('k' + i, i);
const mapT = new LuaTable(); for (let i = 0; i < 1000; i++) mapT.set(i + 0.5, i);
bench('pairs over 1000-array (nextInto)', N, () => { let n = 0; for (let r = 0; r < N / 1000; r++) n += traverse(arrT); return n; });
bench('pairs over 1000 string keys', N, () => { let n = 0; for (let r = 0; r < N / 1000; r++) n += traverse(strT); return n; });
bench('pairs over 1000 float keys', N, () => { let n = 0; for (let r = 0; r < N / 1000; r++) n += traverse(mapT); return n; });
bench('pairs 1000 strings via next()', N, () => {
  let n = 0;
  for (let r = 0; r < N / 1000; r++) { let k; for (let e = strT.next(k); e; e = strT.next(k)) { k = e[0]; n++; } }
  return n;
});

bench('sparse int keys set+get', 2 * N, () => {
  const t = new LuaTable();
  for (let i = 0; i < N; i++) t.setInt((i * 7919) % 100003 + 200000, i);
  let s = 0;
  for (let i = 0; i < N; i++) s += t.getInt((i * 7919) % 100003 + 200000);
  return s;
});
bench('queue t[tail]=x; t[head]=nil', N, () => {
  const t = new LuaTable();
  let head = 1, tail = 1;
  for (let i = 0; i < N; i++) { t.setInt(tail++, i); if (tail - head > 10) t.setInt(head++, undefined); }
  return head;
});
bench('string queue (new keys, cleared)', N, () => {
  const t = new LuaTable();
  for (let i = 0; i < N; i++) { t.setStr('j' + i, i); if (i >= 10) t.setStr('j' + (i - 10), undefined); }
  return 1;
});
bench('stack push/pop via length()', N, () => {
  const t = new LuaTable();
  for (let r = 0; r < N / 100; r++) {
    for (let i = 0; i < 50; i++) t.setInt(t.length() + 1, i);
    for (let i = 0; i < 50; i++) t.setInt(t.length(), undefined);
  }
  return t.length();
});
if (SINK === 0.5) console.log(SINK);
