// Worker side of tests/fuzz.test.mjs: loads the Moonrise API bundle, feeds every generated input to
// `new Lua().load(bytes, '=fuzz')` (compile only, never run) and classifies what comes out. Runs in a
// worker so the main thread can stop a hang and name the case (its index is published in `progress`).
import { workerData, parentPort } from 'node:worker_threads';
import { generateCase } from './fuzz-cases.mjs';

const { apiUrl, seed, plan, corpus, progress } = workerData;
const api = await import(apiUrl);
const { Lua, LuaError, LuaFunction } = api;
const MAX_REPORTED = 25;

/** Binary chunks to mutate: string.dump of the first corpus programs that load. */
function makeBinaries(lua) {
  const out = [];
  let problem;
  try {
    const dumper = lua.load('return string.dump((...))', '=dumper');
    for (const src of corpus) {
      if (out.length >= 60) break;
      try {
        const f = lua.load(src, '=corpus');
        const [s] = lua.call(dumper, f);
        if (typeof s === 'string') out.push(new Uint8Array(Buffer.from(s, 'latin1')));
      } catch (e) {
        if (!(e instanceof LuaError)) throw e;
      }
    }
  } catch (e) {
    problem = String(e?.stack ?? e);
  }
  return { binaries: out, problem };
}

function describe(e) {
  if (e instanceof Error) return String(e.stack ?? `${e.name}: ${e.message}`).split('\n').slice(0, 8).join('\n');
  return `non-Error thrown: ${typeof e} ${String(e)}`;
}

let lua = new Lua();
const { binaries, problem } = makeBinaries(lua);
const results = {};
plan.forEach(({ kind, count }, k) => {
  const res = (results[kind] = { cases: 0, loaded: 0, luaErrors: 0, failures: 0, reported: [], skipped: undefined, ms: 0 });
  if (kind === 'binary' && binaries.length === 0) {
    res.skipped = `no binary chunks to mutate (string.dump failed: ${problem ?? 'no corpus program loaded'})`;
    return;
  }
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    Atomics.store(progress, 0, k);
    Atomics.store(progress, 1, i);
    if (i % 1000 === 0) lua = new Lua(); // a fresh state now and then: no cross-case build-up
    const input = generateCase(seed, kind, i, corpus, binaries);
    res.cases++;
    let bad;
    try {
      const f = lua.load(input, '=fuzz');
      if (LuaFunction && !(f instanceof LuaFunction)) bad = `load returned ${typeof f} instead of a function`;
      else res.loaded++;
    } catch (e) {
      if (e instanceof LuaError && typeof e.value === 'string') res.luaErrors++;
      else if (e instanceof LuaError) bad = `LuaError with a non-string value (${typeof e.value}): load errors are messages`;
      else bad = describe(e);
    }
    if (bad !== undefined) {
      res.failures++;
      if (res.reported.length < MAX_REPORTED) res.reported.push({ index: i, error: bad, input: Buffer.from(input).toString('latin1') });
    }
  }
  res.ms = performance.now() - t0;
});
parentPort.postMessage(results);
