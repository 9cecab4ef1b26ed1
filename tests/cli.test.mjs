// The `moonrise` command against `lua5.4`'s stand-alone interpreter (lua.c), side by side: every case runs the
// same command line, stdin and environment on both, and stdout, stderr and the exit status must be equal.
// `--dump bytecode` is compared with `luac5.4 -l -l` the same way. Needs a build (`npm run build`).
//
// Normalisations, and only these:
// - the program name lua.c prints (its argv[0]) at the start of stderr lines and in the usage line
//   (`lua5.4: ...`, `usage: lua5.4 ...`; luac's `luac5.4:`) becomes Moonrise's fixed `lua`;
// - the version banner of -v/-i (`Lua 5.4.4  Copyright ...`) becomes Moonrise's own banner, whose shape is
//   checked separately;
// - the interpreter's own entry in `arg` (lua.c's argv[0]: `lua5.4` there, the path Node ran here) is never
//   printed by the Lua code of these cases;
// - REPL cases (`-i` with piped stdin): lua5.4 is built with GNU readline, which echoes each input line after
//   its prompt when stdin is not a terminal; Moonrise does not echo (as lua.c's plain fgets build), so the
//   echoed lines are removed from lua5.4's stdout before comparing. Lines read by Lua code (io.read) are not
//   echoed by readline and stay. REPL input lines are kept under 80 characters: readline scrolls longer ones
//   horizontally when there is no terminal.
// Cases marked `todo` are known differences caused by the engine or the host, not by the CLI (see the reason);
// they run and report but do not fail the suite.
//
// Without lua5.4 (or luac5.4) installed, the comparisons are skipped with a message; CI installs both.
// The cases run in parallel (a few seconds in all).
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, existsSync, openSync, closeSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, '');
const CLI = join(REPO, 'bin', 'moonrise.js');
const REF = process.env.LUA_REFERENCE || 'lua5.4';
const LUAC = 'luac5.4';
const available = (cmd) => !spawnSync(cmd, ['-v'], { stdio: 'ignore' }).error;
const HAVE_REF = available(REF);
const HAVE_LUAC = available(LUAC);
const HAVE_BUILD = existsSync(join(REPO, 'dist', 'cli.js'));
const REF_BANNER = 'Lua 5.4.4  Copyright (C) 1994-2022 Lua.org, PUC-Rio\n';
const OUR_BANNER = /^Moonrise \S+ \(Lua 5\.4\.4 compatible\)  Copyright \(C\) [^\n]+\n/;

// ------------------------------------------------------------------------------------------ fixtures

const dir = mkdtempSync(join(tmpdir(), 'moonrise-cli-'));
const FILES = {
  'mod.lua': 'print("loading mod", ...)\nreturn { v = 42 }\n',
  'badmod.lua': 'local x = nil\nreturn x.field\n',
  'args.lua': [
    '-- prints arg (all but the interpreter entry) and the script\'s varargs',
    'local lo = 0',
    'while arg[lo - 1] ~= nil do lo = lo - 1 end',
    'for i = lo + 1, #arg do print(i, arg[i]) end',
    'print("#arg", #arg, "...", select("#", ...), ...)',
    '',
  ].join('\n'),
  'shebang.lua': '#!/usr/bin/env lua\nprint("shebang skipped", ...)\nerror("on line 3")\n',
  'traceback.lua': [
    'local function inner() error("deep error") end',
    'local function middle() inner() end',
    'function outer() middle() end',
    'outer()',
    '',
  ].join('\n'),
  'syntax.lua': 'local x = = 1\n',
  'runtime.lua': 'local t = nil\nprint("before")\nreturn t.x\n',
  'errtable.lua': 'error({ code = 1 })\n',
  'errtostring.lua': 'error(setmetatable({}, { __tostring = function() return "custom message" end }))\n',
  'errbadtostring.lua': 'error(setmetatable({}, { __tostring = function() return 42 end }))\n',
  'errnil.lua': 'error()\n',
  'errnumber.lua': 'error(42)\n',
  'errbool.lua': 'error(true)\n',
  'errlevel0.lua': 'error("no position", 0)\n',
  'returns.lua': 'return 1, 2, 3\n',
  'init.lua': 'print("init file", arg and #arg)\n',
  'stdin-script.lua': 'print("from stdin", ...)\nprint(arg[0])\n',
  'gc.lua': 'setmetatable({}, { __gc = function() print("finalizer at close") end })\nprint("main done")\n',
  'fx.lua': [
    'local t = {1, 2, 3, x = "y"}',
    'local function f(a, ...)',
    '  local s = 0',
    '  for i, v in ipairs(t) do s = s + v * a end',
    '  return s, select("#", ...)',
    'end',
    'print(f(2, nil, nil))',
    'goto done',
    '::done::',
    'return function() return t end',
    '',
  ].join('\n'),
  'closures.lua': [
    'local function counter()',
    '  local n = 0',
    '  return function(k) n = n + (k or 1); return n end',
    'end',
    'local c <const> = counter()',
    'local s = "" for i = 10, 1, -2 do s = s .. i end',
    'while true do if c() > 3 then break end end',
    'return c(2.5) // 1 | 3, s:upper(), #s, 2^53, -7 % 3',
    '',
  ].join('\n'),
  'sub/-': 'print("a file named -", ...)\n',
};
for (const [name, text] of Object.entries(FILES)) {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), text, 'latin1');
}
after(() => rmSync(dir, { recursive: true, force: true }));

// ------------------------------------------------------------------------------------------- running

/** The environment of every case: nothing from the caller's LUA_* variables; modules come from `dir`. */
function baseEnv(extra = {}) {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC', TERM: 'dumb',
    LUA_PATH: join(dir, '?.lua'), LUA_CPATH: join(dir, '?.so'), ...extra,
  };
}

const jobs = { running: 0, queue: [] };
const maxJobs = Math.max(4, availableParallelism() * 2);

function limited(fn) {
  return new Promise((resolve, reject) => {
    const start = () => {
      jobs.running++;
      fn().then(resolve, reject).finally(() => {
        jobs.running--;
        jobs.queue.shift()?.();
      });
    };
    if (jobs.running < maxJobs) start();
    else jobs.queue.push(start);
  });
}

/** Runs argv with `stdin` (a string) piped in, or the file `stdinPath` as stdin; `merge` sends stderr into the
 * stdout pipe (2>&1). */
/** Runs a command; `stdin` is a string, or an array of pieces written 150 ms apart (keys typed on a
 * terminal). A process still running after `timeout` ms is killed (the status says so). */
function run(argv, { stdin = '', stdinPath, env = {}, cwd = dir, merge = false, timeout = 120_000 } = {}) {
  return limited(() => new Promise((resolve) => {
    const [cmd, ...args] = merge ? ['sh', '-c', 'exec "$0" "$@" 2>&1', ...argv] : argv;
    const input = stdinPath === undefined ? 'pipe' : openSync(stdinPath, 'r');
    const child = spawn(cmd, args, { cwd, env: baseEnv(env), stdio: [input, 'pipe', 'pipe'] });
    if (typeof input === 'number') closeSync(input);
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.stdin?.on('error', () => {});
    if (typeof stdin === 'string') child.stdin?.end(Buffer.from(stdin, 'latin1'));
    else {
      const pieces = [...stdin];
      const next = () => {
        if (pieces.length === 0) child.stdin?.end();
        else {
          child.stdin?.write(Buffer.from(pieces.shift(), 'latin1'));
          setTimeout(next, 150);
        }
      };
      next();
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('close', (code, signal) => (clearTimeout(timer), resolve({
      stdout: Buffer.concat(out).toString('latin1'),
      stderr: Buffer.concat(err).toString('latin1'),
      status: signal ? `signal ${signal}` : code,
    })));
  }));
}

const moonrise = (args, opts) => run([process.execPath, CLI, ...args], opts);
const reference = (args, opts) => run([REF, ...args], opts);

/** lua.c prints its argv[0]; Moonrise prints `lua`. */
function normaliseProgname(s) {
  return s.replace(/^(?:lua5\.4|luac5\.4|lua):/gm, 'lua:').replace(/^usage: lua5\.4 /gm, 'usage: lua ');
}

/** Removes readline's echo of each REPL input line (`prompt + line + "\n"` becomes `prompt`), in order. */
function stripEcho(out, lines, prompts) {
  let pos = 0;
  for (const line of lines) {
    let best = -1;
    let bestPrompt = '';
    for (const p of prompts) {
      const at = out.indexOf(p + line + '\n', pos);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
        bestPrompt = p;
      }
    }
    if (best < 0) throw new Error(`lua5.4 did not echo REPL line ${JSON.stringify(line)}:\n${out}`);
    out = out.slice(0, best + bestPrompt.length) + out.slice(best + bestPrompt.length + line.length + 1);
    pos = best + bestPrompt.length;
  }
  return out;
}

/** Our banner in place of lua5.4's (our banner's shape is checked by its own test). */
function normaliseBanner(ref, ours) {
  const m = OUR_BANNER.exec(ours);
  return m ? ref.split(REF_BANNER).join(m[0]) : ref;
}

// --------------------------------------------------------------------------------------------- cases

/**
 * A case: `args` (the same for both), optional `stdin`, `env`, `merge` (2>&1), `repl` (the REPL input lines
 * lua5.4 echoes; default: every stdin line), `prompts` (extra prompts for the echo removal), `stderrLines`
 * (compare only that many first lines of stderr), `todo` (a known difference, with its reason).
 */
const CASES = [
  // -e
  { name: '-e as a separate word', args: ['-e', 'print(1 + 1)'] },
  { name: '-e glued', args: ['-eprint("glued")'] },
  { name: 'several -e run in order', args: ['-e', 'x = 1', '-ex = x * 10', '-e', 'print(x)', '-eprint(x + 1)'] },
  { name: '-e runtime error: traceback, status 1', args: ['-e', 'print("a")', '-e', 'local t; t.x = 1', '-e', 'print("never")'] },
  { name: '-e syntax error', args: ['-e', 'x = = 2'] },
  { name: '-e error() with a table', args: ['-e', 'error({})'] },
  { name: '-e with a script after it', args: ['-e', 'print("first")', 'args.lua', 'a'] },
  { name: '-e sees arg', args: ['-e', 'print(#arg, arg[1], arg[2])', 'x', 'y'] },
  // -l
  { name: '-l mod', args: ['-l', 'mod', '-e', 'print(mod.v)'] },
  { name: '-l glued', args: ['-lmod', '-e', 'print(mod.v)'] },
  { name: '-l g=mod', args: ['-l', 'g=mod', '-e', 'print(g.v, mod)'] },
  { name: '-l and -e interleave in order', args: ['-e', 'print(mod)', '-l', 'mod', '-e', 'print(mod.v)'] },
  { name: '-l a missing module', args: ['-l', 'nosuchmod'] },
  { name: '-l a module that fails', args: ['-l', 'badmod'] },
  // -v, -E, -W
  { name: '-v alone', args: ['-v'] },
  { name: '-v with -e', args: ['-v', '-e', 'print("after banner")'] },
  { name: '-v with a script', args: ['-v', 'args.lua', '1'] },
  { name: '-E ignores LUA_INIT', args: ['-E', '-e', 'print("no init")'], env: { LUA_INIT: 'print("init ran")' } },
  { name: '-E ignores LUA_PATH', args: ['-E', '-e', 'print((package.path:find("moonrise%-cli")))'] },
  { name: 'LUA_PATH is used without -E', args: ['-e', 'print((package.path:find("moonrise%-cli")) ~= nil)'] },
  { name: '-E ignores LUA_INIT_5_4', args: ['-E', '-e', 'print(2)'], env: { LUA_INIT_5_4: 'error("no")' } },
  { name: '-W turns warnings on', args: ['-W', '-e', 'warn("x") warn("a", "b", "c")'] },
  { name: 'warnings are off without -W', args: ['-e', 'warn("x") warn("@on") warn("now on")'] },
  { name: '-W applies in order', args: ['-e', 'warn("before")', '-W', '-e', 'warn("after")'] },
  { name: '-W with @off and @on', args: ['-W', '-e', 'warn("@off") warn("hidden") warn("@on") warn("shown")'] },
  // --, -, stdin
  { name: '-- stops options', args: ['--', 'args.lua', '-e', 'x'] },
  { name: '-- then -v is a script name', args: ['--', '-v'] },
  { name: '- runs stdin with arguments', args: ['-', 'a', 'b'], stdin: FILES['stdin-script.lua'] },
  { name: '- after options', args: ['-e', 'print("e first")', '-', 'x'], stdin: FILES['stdin-script.lua'] },
  { name: '- after -- is a file named -', args: ['--', '-', 'q'], cwd: join(dir, 'sub') },
  { name: '- after -- that does not exist', args: ['--', '-'] },
  { name: 'no arguments: stdin is a script', args: [], stdin: 'print("piped", ...)\nprint(#arg, arg[0] ~= nil)\n' },
  { name: 'no arguments: an error in stdin keeps status 0', args: [], stdin: 'print("x")\nerror("in stdin")\n' },
  { name: 'no arguments: syntax error in stdin', args: [], stdin: 'x = = 1\n' },
  { name: '- when stdin cannot be read', args: ['-'], stdinPath: '.' },
  { name: 'no arguments when stdin cannot be read', args: [], stdinPath: '.' },
  { name: '- with a runtime error', args: ['-'], stdin: 'local t = nil\nt.x = 1\n' },
  { name: '- with a shebang line', args: ['-'], stdin: '#!/bin/lua\nprint("ok")\nerror("line 3")\n' },
  // bad options
  { name: 'unknown option', args: ['-x'] },
  { name: 'unknown option after good ones', args: ['-e', 'print(1)', '-q'] },
  { name: '-e without its argument', args: ['-e'] },
  { name: '-l without its argument', args: ['-l'] },
  { name: '-e followed by an option', args: ['-e', '-v'] },
  { name: '-i with extra characters', args: ['-ix'] },
  { name: '-v with extra characters', args: ['-version'] },
  { name: '-E with extra characters', args: ['-Ex'] },
  { name: '-W with extra characters', args: ['-Wall'] },
  { name: 'bad option after a good -e does not run it', args: ['-e', 'print("no")', '-z'] },
  { name: 'unknown long option (lua part of the usage text)', args: ['--frobnicate'], stderrLines: 12 },
  // LUA_INIT
  { name: 'LUA_INIT string', args: ['-e', 'print("main")'], env: { LUA_INIT: 'print("init string")' } },
  { name: 'LUA_INIT_5_4 wins over LUA_INIT', args: ['-e', 'print("main")'],
    env: { LUA_INIT: 'print("plain")', LUA_INIT_5_4: 'print("versioned")' } },
  { name: 'LUA_INIT @file', args: ['-e', 'print("main")'], env: { LUA_INIT: '@init.lua' } },
  { name: 'LUA_INIT_5_4 @file', args: ['args.lua', 'z'], env: { LUA_INIT_5_4: '@init.lua' } },
  { name: 'LUA_INIT @missing file', args: ['-e', 'print("main")'], env: { LUA_INIT: '@nosuch.lua' } },
  { name: 'LUA_INIT syntax error', args: ['-e', 'print("main")'], env: { LUA_INIT: 'x = = 1' } },
  { name: 'LUA_INIT_5_4 runtime error', args: ['-e', 'print("main")'], env: { LUA_INIT_5_4: 'error("init failed")' } },
  { name: 'LUA_INIT sees arg', args: ['args.lua', 'k'], env: { LUA_INIT: 'print("init", #arg, arg[1])' } },
  // the arg table and ...
  { name: 'arg and ... of a script', args: ['args.lua', 'a', 'b c', ''] },
  { name: 'arg with options before the script', args: ['-e', 'y = 1', '-W', 'args.lua', 'a', '-e', 'z'] },
  { name: 'arg changed by -e before the script', args: ['-e', 'arg = { "x", "y" }', 'args.lua', 'a'] },
  { name: 'arg removed by -e', args: ['-e', 'arg = nil', 'args.lua', 'a'] },
  { name: 'arg with a __len', args: ['-e', 'arg = setmetatable({}, { __len = function() return 2 end })', 'args.lua'] },
  { name: 'arg with a bad __len', args: ['-e', 'arg = setmetatable({}, { __len = function() return 1.5 end })', 'args.lua'] },
  { name: 'a script that cannot be opened is reported before arg is read', args: ['-e', 'arg = nil', 'nosuch.lua'] },
  { name: 'arg without a script', args: ['-e', 'for i = 1, #arg do print(i, arg[i]) end print(arg[-1])', 'x'] },
  // exit status
  { name: 'os.exit(3)', args: ['-e', 'io.write("buffered") os.exit(3)'] },
  { name: 'os.exit(false)', args: ['-e', 'os.exit(false)'] },
  { name: 'os.exit(true)', args: ['-e', 'os.exit(true)'] },
  { name: 'os.exit()', args: ['-e', 'os.exit()'] },
  { name: 'os.exit(256) wraps', args: ['-e', 'os.exit(256)'] },
  { name: 'os.exit(-1)', args: ['-e', 'os.exit(-1)'] },
  { name: 'os.exit(2.5) is an error', args: ['-e', 'os.exit(2.5)'] },
  { name: 'os.exit(0, true) closes the state', args: ['-e', 'setmetatable({}, { __gc = function() print("gc") end }) os.exit(0, true)'] },
  { name: 'os.exit(0, true) closes pending to-be-closed variables',
    args: ['-e', 'local x <close> = setmetatable({}, { __close = function() print("closed") end }) os.exit(0, true)'] },
  { name: 'os.exit(0, true) in a coroutine closes the main thread\'s variables',
    args: ['-e', 'local x <close> = setmetatable({}, { __close = function(_, e) print("closed", e, select(2, coroutine.running())) end }) coroutine.wrap(function() local y <close> = setmetatable({}, { __close = function() print("not this one") end }) os.exit(0, true) end)()'] },
  { name: 'finalizers run at exit', args: ['gc.lua'] },
  { name: 'finalizers do not run at os.exit without close', args: ['-e', 'setmetatable({}, { __gc = function() print("gc") end }) os.exit(0)'] },
  { name: 'finalizers run after the REPL', args: ['-e', 'setmetatable({}, { __gc = function() print("gc") end })', '-i'], stdin: 'print("in repl")\n' },
  { name: 'an error in a finalizer at exit is a warning', args: ['-W', '-e', 'setmetatable({}, { __gc = function() error("in gc") end })'] },
  { name: 'finalizers run at exit after an error', args: ['-e', 'setmetatable({}, { __gc = function() print("gc") end }) error("x")'] },
  { name: 'a script returning values', args: ['returns.lua'] },
  // errors in scripts
  { name: 'runtime error in a script', args: ['runtime.lua'] },
  { name: 'syntax error in a script', args: ['syntax.lua'] },
  { name: 'error with a table', args: ['errtable.lua'] },
  { name: 'error with a table with __tostring', args: ['errtostring.lua'] },
  { name: 'error with a __tostring that returns a number', args: ['errbadtostring.lua'] },
  { name: 'error()', args: ['errnil.lua'] },
  { name: 'error(42)', args: ['errnumber.lua'] },
  { name: 'error(true)', args: ['errbool.lua'] },
  { name: 'error at level 0', args: ['errlevel0.lua'] },
  { name: 'a script that cannot be opened', args: ['nosuch.lua', 'a'] },
  { name: 'a directory as the script', args: ['sub'] },
  { name: 'a shebang first line', args: ['shebang.lua', 'x'] },
  { name: 'chunk names in a traceback', args: ['traceback.lua'] },
  { name: 'a traceback through pcall and a coroutine',
    args: ['-e', 'local co = coroutine.wrap(function() error("in co") end) pcall(print, "p") co()'] },
  { name: 'a deep traceback is cut', args: ['-e', 'local function f(n) if n == 0 then error("bottom") end f(n - 1) end f(40)'] },
  { name: '-i is not reached after a failing script', args: ['-i', 'runtime.lua'], stdin: 'print("repl")\n', noRepl: true },
  // stdout and stderr in one pipe (2>&1)
  { name: '2>&1: print, io.stderr and the error message', merge: true,
    args: ['-e', 'print(1) io.stderr:write("to stderr\\n") print(2) error("boom")'] },
  { name: '2>&1: warnings after prints', merge: true, args: ['-W', '-e', 'print("out") warn("w") print("out2")'] },
  { name: '2>&1: a syntax error after -e output', merge: true, args: ['-e', 'print("ok")', '-e', 'x = = 1'] },
  { name: '2>&1: io.write output stays buffered until exit', merge: true,
    args: ['-e', 'io.write("a\\n") io.stderr:write("b\\n") io.write("c\\n") error("x")'] },
  { name: '2>&1: print flushes what io.write wrote before it', merge: true,
    args: ['-e', 'io.write("a ") print("p") io.write("b ") io.stderr:write("e\\n") print("q") io.write("c") warn("@on") warn("w") io.write("d")'] },
  // REPL with piped stdin
  { name: 'REPL: expressions, =expr and statements', args: ['-i'],
    stdin: 'x = 6 * 7\nx\n=x + 1\n1, "two", nil\nlocal y = 5\nreturn x\n' },
  { name: 'REPL: incomplete input continues', args: ['-i'],
    stdin: 'for i = 1, 2 do\nprint("line", i)\nend\nfunction f(a,\nb)\nreturn a + b end\nf(1, 2)\n' },
  { name: 'REPL: =expr spanning lines', args: ['-i'], stdin: '=1 +\n2\n' },
  { name: 'REPL: errors do not end the session', args: ['-i'],
    stdin: 'error("boom")\nprint("still here")\nerror({})\nerror(setmetatable({}, {__tostring = function() return "TS" end}))\nx = = 1\nprint(nil .. 1)\n' },
  { name: 'REPL: _PROMPT and _PROMPT2', args: ['-i'], prompts: ['P> ', 'P>> ', 'num: '],
    stdin: '_PROMPT = "P> "\n_PROMPT2 = "P>> "\nif true then\nprint("in")\nend\n_PROMPT = setmetatable({}, {__tostring = function() return "num: " end})\n1\n' },
  { name: 'REPL: end of input inside a statement (lua.c reports its stack: "(null)")', args: ['-i'], stdin: 'for i = 1, 2 do\n' },
  { name: 'REPL: end of input inside a statement with _PROMPT2', args: ['-i'], prompts: ['cont '],
    stdin: '_PROMPT2 = "cont "\nwhile false do\n' },
  { name: 'REPL: print failing', args: ['-i'],
    stdin: 'setmetatable({}, {__tostring = function() error("ts") end})\nprint = function() error({}) end\n1\nprint = function() error("pfail") end\n2\nprint = function() error(7) end\n3\n' },
  { name: 'REPL: a failing _PROMPT __tostring ends the run', args: ['-i'],
    stdin: 'mt = {__tostring = function() error("bad prompt") end}\n_PROMPT = setmetatable({}, mt)\nprint("unreached")\n',
    repl: ['mt = {__tostring = function() error("bad prompt") end}', '_PROMPT = setmetatable({}, mt)'] },
  { name: 'REPL: a _PROMPT2 __tostring raising a table', args: ['-i'],
    stdin: '_PROMPT2 = setmetatable({}, {__tostring = error})\nif x then\nend\n', repl: ['_PROMPT2 = setmetatable({}, {__tostring = error})', 'if x then'] },
  { name: 'REPL: a _PROMPT __tostring returning a table', args: ['-i'],
    stdin: '_PROMPT = setmetatable({}, {__tostring = function() return {} end})\n' },
  { name: 'REPL: stdin that cannot be read ends the session', args: ['-i'], stdinPath: '.', repl: [] },
  { name: 'REPL: io.read reads the next input line', args: ['-i'], stdin: 'io.read("l")\nthe line\n', repl: ['io.read("l")'] },
  { name: 'REPL after a script and -e', args: ['-e', 'z = 5', '-i', 'args.lua', 'p'], stdin: 'z\nprint(arg[1])\n' },
  { name: 'REPL: a last line without newline', args: ['-i'], stdin: 'print("no newline")' },
  { name: 'REPL: chunk names in interactive tracebacks', args: ['-i'],
    stdin: 'function f() error("in f") end\nf()\n' },
  { name: 'REPL: warnings with -W', args: ['-W', '-i'], stdin: 'warn("hi")\n' },
  { name: 'REPL: os.exit ends the session', args: ['-i'], stdin: 'print(1)\nos.exit(7)\nprint(2)\n', repl: ['print(1)', 'os.exit(7)'] },
  // Moonrise options that lua5.4 does not have are tested on their own; --tier=interp runs like lua5.4
  { name: '--tier=interp runs like lua', args: ['-e', 'print("tier")'], ours: ['--tier=interp', '-e', 'print("tier")'] },
  { name: '--tier interp (two words)', args: ['-e', 'print("two")'], ours: ['--tier', 'interp', '-e', 'print("two")'] },
];

// ------------------------------------------------------------------------------------------- the tests

const skipRef = !HAVE_BUILD ? 'run `npm run build` first (dist/cli.js is missing)'
  : !HAVE_REF ? `${REF} is not installed: the CLI comparisons are skipped (CI installs it)` : false;
if (skipRef) console.log(`# cli.test.mjs: ${skipRef}`);

/** Starts both runs of a case now (they overlap with the others') and compares when the test awaits. */
function compareCase(c) {
  const opts = { stdin: c.stdin, stdinPath: c.stdinPath && join(dir, c.stdinPath), env: c.env, merge: c.merge, cwd: c.cwd };
  const pending = skipRef ? undefined : Promise.all([reference(c.args, opts), moonrise(c.ours ?? c.args, opts)]);
  pending?.catch(() => {});
  test(c.name, { skip: skipRef, todo: c.todo }, async () => {
    const [ref, ours] = await pending;
    let refOut = normaliseBanner(ref.stdout, ours.stdout);
    if (c.repl !== undefined || (c.args.includes('-i') && !c.noRepl)) {
      const lines = c.repl ?? (c.stdin ?? '').split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
      refOut = stripEcho(refOut, lines, ['> ', '>> ', ...(c.prompts ?? [])]);
    }
    let refErr = normaliseProgname(ref.stderr);
    let ourErr = ours.stderr;
    if (c.merge) refOut = normaliseProgname(refOut);
    if (c.stderrLines) {
      refErr = refErr.split('\n').slice(0, c.stderrLines).join('\n');
      ourErr = ourErr.split('\n').slice(0, c.stderrLines).join('\n');
    }
    const show = `args: ${JSON.stringify(c.args)}`;
    assert.equal(ours.stdout, refOut, `stdout differs (${show})`);
    assert.equal(ourErr, refErr, `stderr differs (${show})`);
    assert.equal(ours.status, ref.status, `exit status differs (${show})`);
  });
}

describe('moonrise vs lua5.4', () => {
  for (const c of CASES) compareCase(c);
});

// -------------------------------------------------------------------------- Moonrise's own behaviour

describe('moonrise only', { skip: HAVE_BUILD ? false : 'run `npm run build` first' }, () => {
  test('-v prints one banner line naming Moonrise and the Lua version it implements', async () => {
    const r = await moonrise(['-v']);
    assert.match(r.stdout, new RegExp(OUR_BANNER.source + '$'));
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
  });

  test('an unknown tier is a clear error with status 1', async () => {
    const r = await moonrise(['--tier=warp', '-v', '-e', 'print(1)']);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^lua: unknown tier 'warp' \(available: interp\b[^)\n]*\)\n$/);
    assert.equal(r.status, 1);
  });

  test('an unknown --dump stage is a clear error with status 1', async () => {
    const r = await moonrise(['--dump=bits', 'fx.lua']);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, "lua: unknown stage 'bits' for '--dump' (use tokens, ast or bytecode)\n");
    assert.equal(r.status, 1);
  });

  test('--dump and --tier without a value print the usage text with the Moonrise options', async () => {
    for (const args of [['--dump'], ['--tier'], ['--tier', '-e', 'x']]) {
      const r = await moonrise(args);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, new RegExp(`^lua: '${args[0]}' needs argument\\nusage: lua \\[options\\]`));
      assert.match(r.stderr, /\n {2}- +stop handling options and execute stdin\nMoonrise options:\n(?: {2}--.*\n)+$/);
      assert.match(r.stderr, /\n {2}--dump=tokens\|ast\|bytecode\b.*\n/);
      assert.match(r.stderr, /\n {2}--tier=interp\b.*\n/);
      assert.equal(r.status, 1);
    }
  });

  test('lua-style option errors print no Moonrise section', async () => {
    const r = await moonrise(['-x']);
    assert.doesNotMatch(r.stderr, /Moonrise/);
    assert.equal(r.stderr.split('\n').length, 13);
  });

  test('the interpreter entry of arg is the script Node ran (so scripts can re-run their interpreter)', async () => {
    const r = await moonrise(['-e', 'print(arg[-3], arg[-2])', 'args.lua']);
    assert.equal(r.stdout.split('\n')[0], `${CLI}\t-e`);
    assert.equal(r.status, 0);
  });

  // A real terminal through util-linux `script` (a pty): the line editor's history and editing keys, a paste of
  // several lines (the read-ahead is given back for io.read), continuation lines, and Ctrl-D to end. Keys come
  // a line at a time, 150 ms apart; on a loaded machine some may still reach the terminal while it is in cooked
  // mode between lines (as typeahead would with readline): the keys avoid the ones cooked mode edits itself
  // (DEL, ^U, ^W).
  const haveScript = process.platform === 'linux' && !spawnSync('script', ['--version'], { stdio: 'ignore' }).error;
  test('the REPL on a terminal (line editor)', { skip: haveScript ? false : 'util-linux `script` is not available' },
    async () => {
      const keys = ['1+1\r', 'x = io.read()\ntyped\r', '=x\r', 'for i=1,2 do\r', 'print(i * 10)\r', 'end\r',
        '\x1b[A\x1b[A\x1b[A\x01--\r', // history: recall the `for` line, comment it out at the start
        'abcd\x1b[D\x1b[D\x08\x0b\x05b = 5\r', // left, backspace, kill to end, end: `ab = 5`
        '=ab\r', '\x04'];
      const r = await run(['script', '-qec', `"${process.execPath}" "${CLI}"`, '/dev/null'],
        { stdin: keys, env: { TERM: 'xterm' } });
      const out = r.stdout.replace(/\r/g, '');
      assert.equal(r.status, 0, out);
      assert.match(out, /\n2\n/);
      assert.match(out, /> =x\x1b\[0K[^\n]*\ntyped\n/); // the value io.read got from the paste
      assert.match(out, /\n10\n20\n/);
      assert.match(out, /> --for i=1,2 do\x1b\[0K[^\n]*\n> /); // recalled, then made a comment
      assert.match(out, /> =ab\x1b\[0K[^\n]*\n5\n/);
      assert.doesNotMatch(out, /stdin:\d+:/);
    });

  test('--dump tokens and --dump=ast print the stages', async () => {
    const tokens = await moonrise(['--dump', 'tokens', 'shebang.lua']);
    assert.equal(tokens.status, 0);
    assert.match(tokens.stdout, /^\s*2\s+name\s+print\n/);
    const ast = await moonrise(['--dump=ast', 'fx.lua']);
    assert.equal(ast.status, 0);
    assert.match(ast.stdout, /^Chunk "@fx\.lua"/);
    const fromStdin = await moonrise(['--dump=ast'], { stdin: 'return 1\n' });
    assert.match(fromStdin.stdout, /^Chunk "=stdin"/);
    assert.equal(fromStdin.status, 0);
  });
});

// ------------------------------------------------------------------------------- --dump vs luac5.4

/** luac prints real addresses; ours are preorder numbers. Renumber both by first appearance. */
function renumberAddresses(s) {
  const ids = new Map();
  return s.replace(/0x[0-9a-f]+/g, (m) => {
    if (!ids.has(m)) ids.set(m, '0x' + (ids.size + 1).toString(16).padStart(8, '0'));
    return ids.get(m);
  });
}

describe('--dump bytecode vs luac5.4 -l -l', () => {
  const skip = !HAVE_BUILD ? 'run `npm run build` first'
    : !HAVE_LUAC ? `${LUAC} is not installed: the listing comparisons are skipped (CI installs it)` : false;
  if (skip && HAVE_BUILD) console.log(`# cli.test.mjs: ${skip}`);
  // the fixtures above, and a few corpus programs (run from the repo root, so chunk names are repo paths)
  const files = ['fx.lua', 'closures.lua', 'traceback.lua', 'shebang.lua', 'args.lua', 'syntax.lua', 'nosuch.lua']
    .map((file) => ({ file, cwd: dir }))
    .concat(['life.lua', 'json-like.lua', 'sort-algorithms.lua', 'closures-oop.lua']
      .map((f) => ({ file: `tests/lua/programs/${f}`, cwd: REPO })));
  for (const { file, cwd } of files) {
    for (const form of [['--dump', 'bytecode'], ['--dump=bytecode']]) {
      const pending = skip ? undefined
        : Promise.all([run([LUAC, '-l', '-l', '-p', file], { cwd }), moonrise([...form, file], { cwd })]);
      pending?.catch(() => {});
      test(`${form.join(' ')} ${file}`, { skip }, async () => {
        const [ref, ours] = await pending;
        assert.equal(renumberAddresses(ours.stdout), renumberAddresses(ref.stdout), 'listing differs');
        assert.equal(ours.stderr, normaliseProgname(ref.stderr), 'stderr differs');
        assert.equal(ours.status, ref.status, 'exit status differs');
      });
    }
  }
});
