/*
 * The `moonrise` command: a drop-in for the `lua` stand-alone interpreter (lua.c), on the public API.
 *
 * Order of work is lua.c's pmain: parse the options (usage text and status 1 on a bad one), print the version
 * for -v/-i, create the state (-E tells the libraries to ignore LUA_PATH...), build `arg`, run LUA_INIT_5_4 or
 * LUA_INIT (unless -E), run -e/-l/-W in order, run the script (or stdin), then the REPL for -i, or when nothing
 * was given: the REPL with a banner if stdin is a terminal, else stdin as a script. The first failure stops
 * everything; it prints as `lua: msg` (plus a traceback for runtime errors) on stderr and the status is 1.
 * Finally the state is closed (pending __gc finalizers run) like lua_close.
 *
 * Kept from lua.c on purpose, because scripts and tests observe them:
 * - a script's arguments are read back from the global `arg` (`#arg` with __len, raw reads) after the script
 *   is loaded, so `-e` code may change them; `'arg' is not a table` when it is gone;
 * - errors of a script read from stdin *when no arguments were given* do not change the exit status;
 * - interactive errors print without the program name.
 * Moonrise's own options: `--dump=KIND` (dump.ts) and `--tier=NAME`.
 */
import { LFloat, Lua, LuaError, LuaTable, inspect, type LuaValue } from '../api/index.js';
import { isatty } from 'node:tty';
import { FileLoadError, SysError } from '../host/host.js';
import { NodeOutput, nodeHost } from '../host/node.js';
import { parseArgs, toBytes, usageText, type CliOptions } from './args.js';
import { errorText, runRepl } from './repl.js';
import { dumpStage } from './dump.js';

/** lua.c prints argv[0]; we answer to the name the reference manual uses for the stand-alone interpreter. */
export const PROGNAME = 'lua';
export const VERSION_TEXT = 'Moonrise 0.1.0 (Lua 5.4.4 compatible)  Copyright (C) 2026 the Moonrise authors';

type Status = { ok: true } | { ok: false; error: string };
const OK: Status = { ok: true };

/** The state to close when main() ends. */
let openState: Lua | undefined;

function main(argv: string[]): number {
  const stdout = new NodeOutput(1);
  const stderr = new NodeOutput(2, stdout);
  try {
    return run(argv, stdout, stderr) ? 0 : 1;
  } catch (e) {
    // an error outside any protected call: lua.c's last report in main
    if (!(e instanceof LuaError) || openState === undefined) throw e;
    stderr.write(`${PROGNAME}: ${errorText(openState, e.value)}\n`);
    return 1;
  } finally {
    closeState(stderr);
    stdout.flush();
    stderr.flush();
  }
}

/** lua_close: pending finalizers run, even after an error. */
function closeState(stderr: NodeOutput): void {
  const lua = openState;
  openState = undefined;
  if (lua === undefined) return;
  try {
    lua.state.close();
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    stderr.write(`${PROGNAME}: ${errorText(lua, e.value)}\n`);
  }
}

/** pmain: true when everything ran without error. */
function run(argv: string[], stdout: NodeOutput, stderr: NodeOutput): boolean {
  const opts = parseArgs(argv);
  const problem = opts.problem;
  if (problem !== undefined) {
    stderr.write(problem.kind === 'usage'
      ? usageText(PROGNAME, problem.option, problem.needsArgument)
      : `${PROGNAME}: ${problem.text}\n`);
    return false;
  }
  if (opts.dump) {
    const file = opts.script < argv.length ? toBytes(argv[opts.script]) : undefined;
    return dumpStage(opts.dump, file, stdout, stderr, PROGNAME);
  }
  const lua = createState(opts, stdout, stderr);
  if (lua === undefined) return false;
  openState = lua;
  if (opts.version) stdout.write(VERSION_TEXT + '\n');
  lua.setGlobal('arg', makeArgTable(argv, opts));
  const report = (r: Status): boolean => {
    if (!r.ok) stderr.write(`${PROGNAME}: ${r.error}\n`);
    return r.ok;
  };
  if (!opts.ignoreEnv && !report(runInit(lua))) return false;
  for (const step of opts.steps) {
    if (step.kind === 'W') lua.warn('@on', false);
    else if (!report(step.kind === 'e' ? runString(lua, step.arg, '=(command line)') : requireInto(lua, step.arg))) {
      return false;
    }
  }
  if (opts.script < argv.length && !report(runScript(lua, argv, opts.script))) return false;
  if (opts.interactive) {
    return runRepl(lua, stdout, stderr);
  } else if (opts.script === argv.length && !opts.hasE && !opts.version) {
    if (isatty(0)) {
      stdout.write(VERSION_TEXT + '\n');
      return runRepl(lua, stdout, stderr);
    } else {
      report(runFile(lua, undefined)); // lua.c ignores this status
    }
  }
  return true;
}

function createState(opts: CliOptions, stdout: NodeOutput, stderr: NodeOutput): Lua | undefined {
  try {
    return new Lua({
      stdout, stderr, host: nodeHost, ignoreEnv: opts.ignoreEnv, tier: opts.tier, jitThreshold: opts.jitThreshold,
      onJitCompile: opts.dumpJs ? (src, chunk, line) => stderr.write(`-- ${chunk}:${line}\n${src}\n`) : undefined,
      jitTrace: opts.traceJit ? (msg) => stderr.write(msg + '\n') : undefined,
    });
  } catch (e) {
    if (e instanceof LuaError || !(e instanceof Error)) throw e;
    stderr.write(`${PROGNAME}: ${e.message}\n`); // an unknown --tier
    return undefined;
  }
}

/**
 * arg[0] is the script; the words before it get negative indices, the words after it positive ones. Without a
 * script, index 0 is the interpreter. The interpreter's own entry (lua.c's argv[0]) is the path Node ran, so
 * that scripts which re-run their interpreter through `arg[-n]` (as the Lua test suite does) run Moonrise.
 */
function makeArgTable(argv: string[], opts: CliOptions): LuaTable {
  const all = [process.argv[1] ?? PROGNAME, ...argv];
  const script = opts.script < argv.length ? opts.script + 1 : 0;
  const t = new LuaTable();
  for (let i = 0; i < all.length; i++) t.set(i - script, toBytes(all[i]));
  return t;
}

/** handle_script: load the file (`-` is stdin unless it came after `--`), then call it with arg[1..#arg]. */
function runScript(lua: Lua, argv: string[], index: number): Status {
  const fname = argv[index] === '-' && argv[index - 1] !== '--' ? undefined : toBytes(argv[index]);
  const loaded = loadFile(lua, fname);
  if (!loaded.ok) return loaded;
  const args = scriptArgs(lua);
  if (!Array.isArray(args)) return args;
  return callChunk(lua, loaded.fn, args);
}

/** lua.c's pushargs: arg[1] .. arg[#arg] of the global `arg` as it is now. */
function scriptArgs(lua: Lua): LuaValue[] | Status {
  const t = lua.getGlobal('arg');
  if (!(t instanceof LuaTable)) return { ok: false, error: "'arg' is not a table" };
  let n: LuaValue;
  try {
    n = lua.state.len(t);
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    return { ok: false, error: errorText(lua, e.value) };
  }
  const count = n instanceof LFloat ? n.n : n;
  if (typeof count !== 'number' || Math.floor(count) !== count) {
    return { ok: false, error: 'object length is not an integer' };
  }
  const args: LuaValue[] = [];
  for (let i = 1; i <= count; i++) args.push(t.get(i));
  return args;
}

/** luaL_loadfile: a file (stdin when undefined), its first line skipped when it starts with '#'. */
function loadFile(lua: Lua, path: string | undefined): { ok: true; fn: LuaValue } | { ok: false; error: string } {
  let text: string;
  try {
    text = path === undefined ? nodeHost.readStdinAll() : nodeHost.readFileOrThrow(path);
  } catch (e) {
    if (e instanceof FileLoadError) return { ok: false, error: `cannot ${e.op} ${path}: ${e.text}` };
    if (e instanceof SysError) return { ok: false, error: `cannot read ${path ?? 'stdin'}: ${e.text}` };
    throw e;
  }
  return lua.tryLoad(inspect.skipShebang(text), path === undefined ? '=stdin' : '@' + path);
}

/** lua.c's dofile. */
function runFile(lua: Lua, path: string | undefined): Status {
  const loaded = loadFile(lua, path);
  return loaded.ok ? callChunk(lua, loaded.fn, []) : loaded;
}

/** lua.c's dostring. */
function runString(lua: Lua, source: string, chunkname: string): Status {
  const loaded = lua.tryLoad(toBytes(source), chunkname);
  return loaded.ok ? callChunk(lua, loaded.fn, []) : loaded;
}

/** docall: a protected call whose error message carries lua.c's traceback. */
function callChunk(lua: Lua, fn: LuaValue, args: LuaValue[]): Status {
  const r = lua.protectedCall(fn, args);
  return r.ok ? OK : { ok: false, error: r.error };
}

/** LUA_INIT_5_4, else LUA_INIT: `@file` runs that file, anything else is a chunk named after the variable. */
function runInit(lua: Lua): Status {
  let name = 'LUA_INIT_5_4';
  let init = process.env[name];
  if (init === undefined) {
    name = 'LUA_INIT';
    init = process.env[name];
  }
  if (init === undefined) return OK;
  if (init[0] === '@') return runFile(lua, toBytes(init.slice(1)));
  return runString(lua, init, '=' + name);
}

/** `-l mod` runs `mod = require("mod")`; `-l g=mod` runs `g = require("mod")`. */
function requireInto(lua: Lua, spec: string): Status {
  const bytes = toBytes(spec);
  const eq = bytes.indexOf('=');
  const glob = eq < 0 ? bytes : bytes.slice(0, eq);
  const mod = eq < 0 ? bytes : bytes.slice(eq + 1);
  const r = lua.protectedCall(lua.getGlobal('require'), [mod]);
  if (!r.ok) return r;
  lua.setGlobal(glob, r.values[0]);
  return OK;
}

let status: number;
try {
  status = main(process.argv.slice(2));
} catch (e) {
  // Nothing should get here; if it does, say so like lua.c would and fail.
  const msg = e instanceof LuaError ? String(e.value) : e instanceof Error ? e.message : String(e);
  process.stderr.write(`${PROGNAME}: ${msg}\n`);
  status = 1;
}
process.exitCode = status;
