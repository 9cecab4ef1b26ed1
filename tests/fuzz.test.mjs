// Load fuzzer: random byte strings, mutated corpus programs and mutated binary chunks go through
// `new Lua().load(bytes, '=fuzz')` of the API bundle (dist/index.js), in-process, compile only. Every input
// must either load (giving a function) or raise a LuaError whose value is a message string — never a raw
// JS exception (TypeError, RangeError from deep recursion, ...), never a hang. Deterministic: same seed,
// same inputs; each failing input is saved to dist/fuzz-failures/ for replay.
//
// Environment: MOONRISE_FUZZ_SEED (default 20240601), MOONRISE_FUZZ_COUNT (cases per kind, default 10000),
// MOONRISE_FUZZ_TIMEOUT (seconds, default 180), MOONRISE_FUZZ_API (module path instead of dist/index.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { existsSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO, listTests } from './support/corpus.mjs';
import { generateCase } from './support/fuzz-cases.mjs';

const SEED = Number(process.env.MOONRISE_FUZZ_SEED ?? 20240601) >>> 0;
const COUNT = Number(process.env.MOONRISE_FUZZ_COUNT ?? 10000);
const TIMEOUT_S = Number(process.env.MOONRISE_FUZZ_TIMEOUT ?? 180);
const apiPath = process.env.MOONRISE_FUZZ_API ? resolve(process.env.MOONRISE_FUZZ_API) : join(REPO, 'dist/index.js');
const PLAN = [
  { kind: 'bytes', count: COUNT },
  { kind: 'mutant', count: COUNT },
  { kind: 'binary', count: Math.ceil(COUNT / 5) },
];
const FAIL_DIR = join(REPO, 'dist/fuzz-failures');

const corpus = listTests().map((p) => new Uint8Array(readFileSync(join(REPO, p))));

function run() {
  const progress = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(new URL('./support/fuzz-worker.mjs', import.meta.url), {
    workerData: { apiUrl: pathToFileURL(apiPath).href, seed: SEED, plan: PLAN, corpus, progress },
    resourceLimits: { maxOldGenerationSizeMb: 2048 },
  });
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => {
      const kind = PLAN[Atomics.load(progress, 0)].kind;
      const index = Atomics.load(progress, 1);
      worker.terminate();
      resolvePromise({ hang: { kind, index } });
    }, TIMEOUT_S * 1000);
    worker.once('message', (results) => (clearTimeout(timer), worker.terminate(), resolvePromise({ results })));
    worker.once('error', (e) => (clearTimeout(timer), resolvePromise({ crash: e })));
  });
}

function save(kind, index, bytes) {
  mkdirSync(FAIL_DIR, { recursive: true });
  const file = join(FAIL_DIR, `${kind}-${SEED}-${index}.lua`);
  writeFileSync(file, bytes);
  return file;
}

if (!existsSync(apiPath)) {
  test('fuzz: API bundle is built', () => assert.fail(`${apiPath} is missing: run \`npm run build\` first`));
} else {
  const outcome = await run();
  test('fuzz: worker finished', () => {
    if (outcome.crash) assert.fail(`fuzz worker crashed: ${outcome.crash?.stack ?? outcome.crash}`);
    if (outcome.hang) {
      const { kind, index } = outcome.hang;
      // Regenerating a binary case needs the dumps made inside the worker; name it by index instead.
      const file = kind === 'binary' ? '(binary case: rerun with MOONRISE_FUZZ_COUNT to bisect)' : save(kind, index, generateCase(SEED, kind, index, corpus, []));
      assert.fail(`load() did not return within ${TIMEOUT_S} s (or the whole run is too slow): stuck at ${kind} case #${index}, input saved to ${file}`);
    }
  });
  for (const { kind, count } of PLAN) {
    const res = outcome.results?.[kind];
    test(`fuzz: ${count} ${kind} inputs through load raise only Lua errors`, { skip: !res ? 'worker did not finish' : res.skipped }, (t) => {
      t.diagnostic(`${res.loaded} loaded, ${res.luaErrors} Lua errors, ${res.failures} other, ${Math.round(res.ms)} ms`);
      const lines = res.reported.map((f) => {
        const file = save(kind, f.index, Buffer.from(f.input, 'latin1'));
        return `  case #${f.index} (${file}):\n    ${f.error.split('\n').join('\n    ')}`;
      });
      assert.equal(res.failures, 0, `${res.failures} of ${res.cases} ${kind} inputs escaped as non-Lua errors (seed ${SEED}):\n${lines.join('\n')}`);
      assert.equal(res.loaded + res.luaErrors, res.cases);
    });
  }
}
