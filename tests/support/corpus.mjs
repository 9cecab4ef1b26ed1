// Shared by scripts/record.mjs, scripts/check-recordings.mjs, tests/run.test.mjs and tests/fuzz.test.mjs:
// where the Lua corpus lives, how a Lua program is run (always from the repo root, with a relative path,
// empty stdin and a fixed environment, so `lua5.4` and Moonrise see byte-identical conditions), and a
// small worker pool. Invariant: a test is every tests/lua/**/*.lua except files under a `fixtures/`
// folder (helper files other tests load) — the same rule everywhere.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
export const CORPUS_DIR = 'tests/lua';
export const EXPECTED_DIR = 'tests/expected';
export const REFERENCE = process.env.LUA_REFERENCE || 'lua5.4';
export const TIMEOUT_MS = 60_000;

/** The environment every Lua program runs in (nothing from the caller's LUA_INIT/LUA_PATH leaks in). */
export function luaEnv() {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', TZ: 'UTC', LC_ALL: 'C', LANG: 'C' };
}

/** Repo-relative paths (forward slashes) of every corpus program, sorted. */
export function listTests(dir = CORPUS_DIR) {
  const out = [];
  const walk = (d) => {
    for (const ent of readdirSync(join(REPO, d), { withFileTypes: true })) {
      const p = `${d}/${ent.name}`;
      if (ent.isDirectory()) {
        if (ent.name !== 'fixtures') walk(p);
      } else if (ent.name.endsWith('.lua')) out.push(p);
    }
  };
  if (existsSync(join(REPO, dir))) walk(dir);
  return out.sort();
}

/** tests/lua/a/b.lua -> a/b (the key under tests/expected/). */
export function testKey(path) {
  return relative(CORPUS_DIR, path).split(sep).join('/').replace(/\.lua$/, '');
}

/**
 * Runs `cmd args` from the repo root with empty stdin. Resolves (never rejects) to
 * { stdout: Buffer, stderr: Buffer, code: number, timedOut: boolean, ms: number }.
 */
export function runProgram(cmd, args, { timeout = TIMEOUT_MS, env = luaEnv(), cwd = REPO } = {}) {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = execFile(
      cmd,
      args,
      { cwd, env, timeout, killSignal: 'SIGKILL', encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const timedOut = !!(err && err.killed);
        let code = 0;
        if (err) code = typeof err.code === 'number' ? err.code : err.signal ? 128 + signalNumber(err.signal) : 1;
        if (err && !stdout && !stderr && typeof err.code === 'string') {
          stderr = Buffer.from(`cannot run ${cmd}: ${err.message}\n`);
        }
        resolve({ stdout: stdout ?? Buffer.alloc(0), stderr: stderr ?? Buffer.alloc(0), code, timedOut, ms: performance.now() - t0 });
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end();
  });
}

function signalNumber(sig) {
  return { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGABRT: 6, SIGKILL: 9, SIGSEGV: 11, SIGPIPE: 13, SIGTERM: 15 }[sig] ?? 0;
}

/** The recorded expectation of a test: stdout, stderr ('' when no .err), exit code (0 when no .code). */
export function readExpected(path, dir = EXPECTED_DIR) {
  const base = join(REPO, dir, testKey(path));
  const read = (ext, dflt) => (existsSync(base + ext) ? readFileSync(base + ext) : dflt);
  const out = read('.out', undefined);
  if (out === undefined) return undefined;
  return { stdout: out, stderr: read('.err', Buffer.alloc(0)), code: Number(String(read('.code', '0')).trim()) };
}

/** Maps `items` through async `fn` with at most `jobs` in flight; returns promises in input order, so a
 * consumer can await result i while later ones are still running. */
export function pool(items, jobs, fn) {
  let active = 0;
  const waiting = [];
  const release = () => {
    active--;
    const next = waiting.shift();
    if (next) next();
  };
  const acquire = () =>
    new Promise((res) => {
      if (active < jobs) {
        active++;
        res();
      } else waiting.push(() => (active++, res()));
    });
  return items.map(async (item, i) => {
    await acquire();
    try {
      return await fn(item, i);
    } finally {
      release();
    }
  });
}

/** Default parallelism: one job per core (2 on CI), overridable with MOONRISE_TEST_JOBS. */
export function defaultJobs() {
  const n = Number(process.env.MOONRISE_TEST_JOBS);
  if (n > 0) return n;
  return Math.max(1, Math.min(4, availableParallelism()));
}
