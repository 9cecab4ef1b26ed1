/*
 * The `moonrise` command: a drop-in for the `lua` stand-alone interpreter (lua.c), on the public API only.
 * Order of work is lua.c's: parse options, print the version for -v/-i, open the libraries, build `arg`,
 * run LUA_INIT_5_4 / LUA_INIT (unless -E), run -e/-l/-W in order, run the script (or stdin), then the REPL
 * for -i or when nothing was given and stdin is a terminal. Errors print as `lua: msg` plus a traceback on
 * stderr and make the exit status 1. Moonrise's own options (--dump, --tier) are handled here too.
 */
import { Lua, LuaError, type LuaValue } from '../api/index.js';
import { NodeOutput, nodeHost } from '../host/node.js';
import { parseArgs, usage, type CliOptions } from './args.js';
import { runRepl } from './repl.js';
import { dumpStage } from './dump.js';

/** lua.c uses argv[0]; we answer to the name the reference manual uses for the stand-alone interpreter. */
const PROGNAME = 'lua';
export const VERSION_TEXT = 'Moonrise 0.1.0 (Lua 5.4.4 compatible)  Copyright (C) 2026 the Moonrise authors';

function main(argv: string[]): number {
  const stdout = new NodeOutput(1);
  const stderr = new NodeOutput(2, stdout);
  try {
    return run(argv, stdout, stderr);
  } finally {
    stdout.flush();
    stderr.flush();
  }
}

function run(argv: string[], stdout: NodeOutput, stderr: NodeOutput): number | -1 {
  const opts = parseArgs(argv);
  if (opts.badOption !== undefined) {
    stderr.write(usage(PROGNAME, opts.badOption));
    return 1;
  }
  if (opts.dump) return dumpStage(opts.dump, argv[opts.script], stdout, stderr, PROGNAME);
  if (opts.version) stdout.write(VERSION_TEXT + '\n');
  const lua = new Lua({ stdout, stderr, host: nodeHost, ignoreEnv: opts.ignoreEnv, tier: opts.tier });
  lua.setGlobal('arg', makeArgTable(lua, argv, opts));
  const report = (r: { ok: true } | { ok: false; error: string }): boolean => {
    if (!r.ok) stderr.write(`${PROGNAME}: ${r.error}\n`);
    return r.ok;
  };
  if (!opts.ignoreEnv && !report(runInit(lua))) return 1;
  for (const step of opts.steps) {
    if (step.kind === 'W') lua.warn('@on', false);
    else if (step.kind === 'e') {
      if (!report(lua.runChunk(step.arg, '=(command line)'))) return 1;
    } else if (!report(requireInto(lua, step.arg))) return 1;
  }
  if (opts.script < argv.length) {
    if (!report(runScript(lua, argv, opts))) return 1;
  }
  if (opts.interactive) {
    runRepl(lua, stdout, stderr);
  } else if (opts.script === argv.length && !opts.hasE && !opts.version) {
    if (process.stdin.isTTY) {
      stdout.write(VERSION_TEXT + '\n');
      runRepl(lua, stdout, stderr);
    } else if (!report(lua.runFile(undefined, []))) return 1;
  }
  return 0;
}

/** arg[0] is the script; words before it get negative indices, words after it positive ones. */
function makeArgTable(lua: Lua, argv: string[], opts: CliOptions): LuaValue {
  const all = [PROGNAME, ...argv];
  const script = opts.script < argv.length ? opts.script + 1 : 0;
  const t = lua.newTable();
  all.forEach((a, i) => t.set(i - script, toBytes(a)));
  return t;
}

function runScript(lua: Lua, argv: string[], opts: CliOptions): { ok: true } | { ok: false; error: string } {
  let fname: string | undefined = argv[opts.script];
  if (fname === '-' && argv[opts.script - 1] !== '--') fname = undefined; // stdin
  const args = argv.slice(opts.script + 1).map(toBytes);
  return lua.runFile(fname, args);
}

function runInit(lua: Lua): { ok: true } | { ok: false; error: string } {
  let name = '=LUA_INIT_5_4';
  let init = process.env.LUA_INIT_5_4;
  if (init === undefined) {
    name = '=LUA_INIT';
    init = process.env.LUA_INIT;
  }
  if (init === undefined) return { ok: true };
  if (init[0] === '@') return lua.runFile(init.slice(1), []);
  return lua.runChunk(toBytes(init), name);
}

/** `-l mod` runs `mod = require("mod")`; `-l g=mod` runs `g = require("mod")`. */
function requireInto(lua: Lua, spec: string): { ok: true } | { ok: false; error: string } {
  const eq = spec.indexOf('=');
  const glob = eq < 0 ? spec : spec.slice(0, eq);
  const mod = eq < 0 ? spec : spec.slice(eq + 1);
  const r = lua.protectedCall(lua.getGlobal('require'), [toBytes(mod)]);
  if (!r.ok) return r;
  lua.setGlobal(toBytes(glob), r.values[0]);
  return { ok: true };
}

/** Command-line words are UTF-8 in JS; Lua sees their bytes. */
function toBytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
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
