/*
 * The read-eval-print loop, as lua.c's doREPL: each line is first tried as `return <line>;` (so expressions
 * print their values), then as a statement; a syntax error ending in `<eof>` means "incomplete", and more
 * lines are read with the `>>` prompt. `=expr` is accepted for 5.2 compatibility. Prompts come from the
 * globals _PROMPT/_PROMPT2 when set. Errors print without the program name and the loop goes on.
 */
import type { Lua, LuaValue } from '../api/index.js';
import type { NodeOutput } from '../host/node.js';
import { readStdinLine } from '../host/node.js';

const EOF_MARK = '<eof>';

export function runRepl(lua: Lua, stdout: NodeOutput, stderr: NodeOutput): void {
  for (;;) {
    const fn = loadLine(lua, stdout, stderr);
    if (fn === null) break;
    if (fn === undefined) continue;
    const r = lua.protectedCall(fn, []);
    if (!r.ok) stderr.write(r.error + '\n');
    else if (r.values.length > 0) printResults(lua, r.values, stderr);
  }
  stdout.write('\n');
}

function prompt(lua: Lua, stdout: NodeOutput, first: boolean): string | undefined {
  const custom = lua.getGlobal(first ? '_PROMPT' : '_PROMPT2');
  stdout.write(custom === undefined ? (first ? '> ' : '>> ') : lua.tostring(custom));
  stdout.flush();
  return readStdinLine();
}

/** Returns the compiled function, undefined after a reported syntax error, null at end of input. */
function loadLine(lua: Lua, stdout: NodeOutput, stderr: NodeOutput): LuaValue | undefined | null {
  let line = prompt(lua, stdout, true);
  if (line === undefined) return null;
  if (line[0] === '=') line = 'return ' + line.slice(1);
  const asExpr = lua.tryLoad(`return ${line};`, '=stdin');
  if (asExpr.ok) return asExpr.fn;
  for (;;) {
    const r = lua.tryLoad(line, '=stdin');
    if (r.ok) return r.fn;
    if (!r.error.endsWith(EOF_MARK)) {
      stderr.write(r.error + '\n');
      return undefined;
    }
    const more = prompt(lua, stdout, false);
    if (more === undefined) {
      stderr.write(r.error + '\n');
      return undefined;
    }
    line += '\n' + more;
  }
}

function printResults(lua: Lua, values: LuaValue[], stderr: NodeOutput): void {
  const r = lua.protectedCall(lua.getGlobal('print'), values, false);
  if (!r.ok) stderr.write(`error calling 'print' (${r.error})\n`);
}
