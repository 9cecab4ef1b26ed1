/*
 * Stack tracebacks formatted exactly as lauxlib's luaL_traceback: the first LEVELS1 levels, a
 * "...\t(skipping N levels)" line, and the last LEVELS2 levels when the stack is deep; functions named from
 * loaded modules first ("function 'string.format'", "function 'print'"), then from the calling code
 * ("local 'f'", "method 'm'", "field 'f'", "upvalue 'f'"), else "main chunk" or "function <file:line>".
 */
import { isNumber, typeName, type LuaValue } from '../runtime/value.js';
import { tostringNumber } from '../runtime/number.js';
import { getTM } from './metamethods.js';
import type { State } from './state.js';
import type { Coroutine } from './coroutine.js';
import { globalFuncName, infoAt, type ActivationInfo } from './debuginfo.js';

const LEVELS1 = 10;
const LEVELS2 = 11;

function funcName(L: State, ar: ActivationInfo): string {
  const g = globalFuncName(L, ar.func);
  if (g !== undefined) return `function '${g}'`;
  if (ar.namewhat !== '') return `${ar.namewhat} '${ar.name}'`;
  if (ar.what === 'main') return 'main chunk';
  if (ar.what !== 'C') return `function <${ar.short_src}:${ar.linedefined}>`;
  return '?';
}

/** luaL_traceback of thread `th` (default: the running one) starting at `level`, after `msg` when given. */
export function traceback(L: State, msg: string | undefined, level: number, th: Coroutine = L.cur): string {
  const last = th.ciIdx - 1; // deepest level that exists (cis[0] is not a level)
  let limit2show = last - level > LEVELS1 + LEVELS2 ? LEVELS1 : -1;
  let out = msg !== undefined ? msg + '\n' : '';
  out += 'stack traceback:';
  while (level >= 0 && level <= last) {
    const cur = level++;
    if (limit2show-- === 0) {
      const n = last - level - LEVELS2 + 1;
      out += `\n\t...\t(skipping ${n} levels)`;
      level += n;
    } else {
      const ar = infoAt(th, th.ciIdx - cur);
      out += ar.currentline <= 0 ? `\n\t${ar.short_src}: in ` : `\n\t${ar.short_src}:${ar.currentline}: in `;
      out += funcName(L, ar);
      if (ar.istailcall) out += '\n\t(...tail calls...)';
    }
  }
  return out;
}

/** lua.c's message handler: the error as text (a number converted; a table with __tostring gives its text,
 * without traceback), or "(error object is a X value)", followed by the traceback from the function that
 * raised it. */
export function messageWithTraceback(L: State, err: LuaValue): string {
  let msg: string;
  if (typeof err === 'string') msg = err;
  else if (isNumber(err)) msg = tostringNumber(err);
  else {
    const tm = getTM(L, err, '__tostring');
    if (tm !== undefined) {
      const r = L.call(tm, [err])[0];
      if (typeof r === 'string') return r;
    }
    msg = `(error object is a ${typeName(err)} value)`;
  }
  return traceback(L, msg, 1);
}
