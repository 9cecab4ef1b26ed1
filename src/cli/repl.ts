/*
 * The read-eval-print loop, as lua.c's doREPL. Each line is first tried as `return <line>;` (so expressions
 * print their values through the global `print`), then as a statement; a syntax error ending in `<eof>` means
 * "incomplete", and more lines are read with the second prompt and joined with '\n'. A first line starting
 * with '=' means `return` (5.2 compatibility). Prompts are the globals _PROMPT/_PROMPT2 (through tostring)
 * when set, else "> " and ">> ", written to stdout. Errors print on stderr without the program name and the
 * loop goes on; at end of input a newline is printed.
 *
 * Input: when stdin and stdout are terminals (and TERM is not "dumb"), lines come from the line editor
 * (lineedit.ts: cursor keys, history); otherwise lines are read synchronously from the shared stdin, so Lua
 * code in the session (io.read) reads the lines that follow. Unlike lua5.4 built with GNU readline, input
 * lines are not echoed when stdin is not a terminal (lua.c's plain fgets build does not echo either).
 *
 * One lua.c 5.4.4 quirk is kept because it is observable: when input ends in the middle of an incomplete
 * statement, lua.c reports what its stack holds instead of the syntax error: the second prompt's text when
 * _PROMPT2 is set, else a null string, printed by C as "(null)".
 */
import { isatty, type ReadStream } from 'node:tty';
import { LFloat, LuaError, type Lua, type LuaValue } from '../api/index.js';
import { SysError } from '../host/host.js';
import type { NodeOutput } from '../host/node.js';
import { nodeHost, readStdinLine } from '../host/node.js';
import { LineEditor } from './lineedit.js';

const EOF_MARK = '<eof>';

type ReadLine = (prompt: string) => string | undefined;

/** One REPL input: a compiled function, a syntax error message to report, or the end of input. */
type Input = { fn: LuaValue } | { error: string } | null;

/** Runs the loop to the end of input. An error outside the protected calls (from a prompt's __tostring) ends
 * the session and the whole run as in lua.c: reported without the program name; the result is then false. */
export function runRepl(lua: Lua, stdout: NodeOutput, stderr: NodeOutput): boolean {
  const readLine = lineReader(stdout);
  try {
    for (;;) {
      const input = loadLine(lua, readLine);
      if (input === null) break;
      if ('error' in input) {
        stderr.write(input.error + '\n');
        continue;
      }
      const r = lua.protectedCall(input.fn, []);
      if (!r.ok) stderr.write(r.error + '\n');
      else if (r.values.length > 0) printResults(lua, r.values, stderr);
    }
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    stderr.write(errorText(lua, e.value) + '\n');
    return false;
  }
  stdout.write('\n');
  stdout.flush();
  return true;
}

function lineReader(stdout: NodeOutput): ReadLine {
  // process.stdin is only touched for a terminal: for a pipe, Node would make the descriptor non-blocking
  if (isatty(0) && isatty(1) && process.env.TERM !== 'dumb') {
    const editor = new LineEditor(process.stdin as ReadStream, nodeHost.stdin);
    return (prompt) => editor.readLine(prompt);
  }
  return (prompt) => {
    stdout.write(prompt);
    stdout.flush();
    try {
      return readStdinLine();
    } catch (e) {
      if (e instanceof SysError) return undefined; // fgets: a read error ends the input like end of file
      throw e;
    }
  };
}

/** get_prompt: the global's value through tostring (which may raise: that ends the session like lua.c). */
function promptText(lua: Lua, first: boolean): { text: string; custom: boolean } {
  const custom = lua.getGlobal(first ? '_PROMPT' : '_PROMPT2');
  if (custom === undefined) return { text: first ? '> ' : '>> ', custom: false };
  return { text: lua.tostring(custom), custom: true };
}

/** lua.c's loadline: read, try as an expression, then as a statement with continuation lines. */
function loadLine(lua: Lua, readLine: ReadLine): Input {
  let line = readLine(promptText(lua, true).text);
  if (line === undefined) return null;
  if (line[0] === '=') line = 'return ' + line.slice(1);
  const asExpr = lua.tryLoad(`return ${line};`, '=stdin');
  if (asExpr.ok) return { fn: asExpr.fn };
  for (;;) {
    const r = lua.tryLoad(line, '=stdin');
    if (r.ok) return { fn: r.fn };
    if (!r.error.endsWith(EOF_MARK)) return { error: r.error };
    const prompt = promptText(lua, false);
    const more = readLine(prompt.text);
    if (more === undefined) return { error: prompt.custom ? prompt.text : '(null)' };
    line += '\n' + more;
  }
}

/** l_print: the results go to the global `print`; its failure is reported, not raised. */
function printResults(lua: Lua, values: LuaValue[], stderr: NodeOutput): void {
  const r = lua.protectedCall(lua.getGlobal('print'), values, false);
  if (r.ok) return;
  stderr.write(`error calling 'print' (${errorText(lua, r.value)})\n`);
}

/** lua_tostring of an error value that no message handler converted: strings and numbers, else "(null)" (what
 * lua.c's C formatting prints for the NULL it gets). */
export function errorText(lua: Lua, v: LuaValue): string {
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat ? lua.tostring(v) : '(null)';
}
