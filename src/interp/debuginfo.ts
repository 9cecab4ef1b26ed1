/*
 * Debug information derived from bytecode, as PUC-Lua's ldebug.c derives it: current lines, local variable
 * names, names of values in registers by symbolic execution ("global 'x'", "local 'x'", "field 'x'",
 * "upvalue 'x'", "constant 'x'", "method 'm'"), names of called functions from the calling instruction, and
 * activation records for debug.getinfo / tracebacks.
 *
 * Levels are counted on one thread: level 0 is the running call (cis[ciIdx]), level 1 its caller, ...; the
 * dummy base record cis[0] is not a level.
 */
import { LuaFunction, type LuaValue } from '../runtime/value.js';
import { LuaTable } from '../runtime/table.js';
import { OPS, Op } from '../compiler/opcodes.js';
import type { Proto } from '../compiler/proto.js';
import { chunkid } from '../syntax/chunkid.js';
import { LuaClosure } from './closure.js';
import type { CallInfo } from './callinfo.js';
import type { Coroutine } from './coroutine.js';

/** Minimal view of the state needed here (avoids importing state.ts). */
export interface DebugStateView {
  readonly registry: LuaTable;
}

const TM_NAMES = [
  'index', 'newindex', 'gc', 'mode', 'len', 'eq', 'add', 'sub', 'mul', 'mod', 'pow', 'div', 'idiv',
  'band', 'bor', 'bxor', 'shl', 'shr', 'unm', 'bnot', 'lt', 'le', 'concat', 'call', 'close',
];
export const TM_INDEX = 0, TM_NEWINDEX = 1, TM_LEN = 4, TM_EQ = 5, TM_ADD = 6, TM_UNM = 18, TM_BNOT = 19,
  TM_LT = 20, TM_LE = 21, TM_CONCAT = 22, TM_CALL = 23, TM_CLOSE = 24;
/** Event names ("__add") by TM number. */
export const TM_EVENTS = TM_NAMES.map((n) => '__' + n);

export function currentPc(ci: CallInfo): number {
  return ci.savedpc > 0 ? ci.savedpc - 1 : 0;
}

/** Line of instruction `pc`, or -1 without line information. */
export function lineAt(p: Proto, pc: number): number {
  if (p.lineinfo.length === 0) return -1;
  return p.lineinfo[pc < p.lineinfo.length ? pc : p.lineinfo.length - 1];
}

export function currentLine(ci: CallInfo): number {
  return lineAt(ci.closure!.p, currentPc(ci));
}

/** "chunk:line:" of a Lua frame. */
export function whereOf(ci: CallInfo): string {
  return `${chunkid(ci.closure!.p.source)}:${currentLine(ci)}:`;
}

/** Name of the n-th (1-based) local variable active at `pc`. */
export function localName(p: Proto, n: number, pc: number): string | undefined {
  const lv = p.locvars;
  for (let i = 0; i < lv.length && lv[i].startpc <= pc; i++) {
    if (pc < lv[i].endpc) {
      n--;
      if (n === 0) return lv[i].name;
    }
  }
  return undefined;
}

export function upvalName(p: Proto, i: number): string {
  return p.upvalues[i]?.name ?? '?';
}

/** The last instruction before `lastpc` that changed register `reg` (-1 when unknown or conditional). */
function findSetReg(p: Proto, lastpc: number, reg: number): number {
  const code = p.code;
  if (OPS[code[lastpc] & 0x7f]?.mm) lastpc--; // the arithmetic op before an MMBIN did not complete
  let setreg = -1;
  let jmptarget = 0;
  for (let pc = 0; pc < lastpc; pc++) {
    const i = code[pc];
    const op = i & 0x7f;
    const a = (i >>> 7) & 0xff;
    let change: boolean;
    switch (op) {
      case Op.LOADNIL: change = a <= reg && reg <= a + ((i >>> 16) & 0xff); break;
      case Op.TFORCALL: change = reg >= a + 2; break;
      case Op.CALL: case Op.TAILCALL: change = reg >= a; break;
      case Op.JMP: {
        const dest = pc + 1 + ((i >>> 7) - 0xffffff);
        if (dest <= lastpc && dest > jmptarget) jmptarget = dest;
        change = false;
        break;
      }
      default: change = OPS[op].setsA && reg === a; break;
    }
    if (change) setreg = pc < jmptarget ? -1 : pc;
  }
  return setreg;
}

function kname(p: Proto, c: number): string {
  const v = p.k[c];
  return typeof v === 'string' ? v : '?';
}

function rname(p: Proto, pc: number, c: number): string {
  const r = getObjName(p, pc, c);
  return r !== undefined && r[0] === 'constant' ? r[1] : '?';
}

/** "global" when the indexed table is _ENV, else "field". */
function gxf(p: Proto, pc: number, i: number, isup: boolean): string {
  const t = (i >>> 16) & 0xff;
  const name = isup ? upvalName(p, t) : getObjName(p, pc, t)?.[1];
  return name === '_ENV' ? 'global' : 'field';
}

/** [kind, name] describing register `reg` at instruction `lastpc`, or undefined. */
export function getObjName(p: Proto, lastpc: number, reg: number): [string, string] | undefined {
  const lname = localName(p, reg + 1, lastpc);
  if (lname !== undefined) return ['local', lname];
  const pc = findSetReg(p, lastpc, reg);
  if (pc === -1) return undefined;
  const i = p.code[pc];
  switch (i & 0x7f) {
    case Op.MOVE: {
      const b = (i >>> 16) & 0xff;
      if (b < ((i >>> 7) & 0xff)) return getObjName(p, pc, b);
      return undefined;
    }
    case Op.GETTABUP: return [gxf(p, pc, i, true), kname(p, i >>> 24)];
    case Op.GETTABLE: return [gxf(p, pc, i, false), rname(p, pc, i >>> 24)];
    case Op.GETI: return ['field', 'integer index'];
    case Op.GETFIELD: return [gxf(p, pc, i, false), kname(p, i >>> 24)];
    case Op.GETUPVAL: return ['upvalue', upvalName(p, (i >>> 16) & 0xff)];
    case Op.LOADK: case Op.LOADKX: {
      const b = (i & 0x7f) === Op.LOADK ? i >>> 15 : p.code[pc + 1] >>> 7;
      const v = p.k[b];
      return typeof v === 'string' ? ['constant', v] : undefined;
    }
    case Op.SELF: {
      const c = i >>> 24;
      const name = (i >>> 15) & 1 ? kname(p, c) : rname(p, pc, c);
      return ['method', name];
    }
    default: return undefined;
  }
}

/** [namewhat, name] of the function called by instruction `pc` of `p`. */
export function funcNameFromCode(p: Proto, pc: number): [string, string] | undefined {
  const i = p.code[pc];
  let tm: number;
  switch (i & 0x7f) {
    case Op.CALL: case Op.TAILCALL: return getObjName(p, pc, (i >>> 7) & 0xff);
    case Op.TFORCALL: return ['for iterator', 'for iterator'];
    case Op.SELF: case Op.GETTABUP: case Op.GETTABLE: case Op.GETI: case Op.GETFIELD: tm = TM_INDEX; break;
    case Op.SETTABUP: case Op.SETTABLE: case Op.SETI: case Op.SETFIELD: tm = TM_NEWINDEX; break;
    case Op.MMBIN: case Op.MMBINI: case Op.MMBINK: tm = i >>> 24; break;
    case Op.UNM: tm = TM_UNM; break;
    case Op.BNOT: tm = TM_BNOT; break;
    case Op.LEN: tm = TM_LEN; break;
    case Op.CONCAT: tm = TM_CONCAT; break;
    case Op.EQ: tm = TM_EQ; break;
    case Op.LT: case Op.LTI: case Op.GTI: tm = TM_LT; break;
    case Op.LE: case Op.LEI: case Op.GEI: tm = TM_LE; break;
    case Op.CLOSE: case Op.RETURN: tm = TM_CLOSE; break;
    default: return undefined;
  }
  return ['metamethod', TM_NAMES[tm] ?? '?'];
}

/** How the call at level-index `idx` of `th` was named by its caller: [namewhat, name] or undefined. */
export function funcNameOf(th: Coroutine, idx: number): [string, string] | undefined {
  const ci = th.cis[idx];
  if (ci.tail || idx < 2) return undefined; // tail calls lose their caller; cis[0] is no caller
  const caller = th.cis[idx - 1];
  if (caller.hooked) return ['hook', '?'];
  if (caller.finalizing) return ['metamethod', '__gc'];
  if (caller.closure === undefined) return undefined;
  return funcNameFromCode(caller.closure.p, currentPc(caller));
}

/** " (kind 'name')" for register `reg` of Lua frame `ci`, or '' when nothing is known. */
export function varInfoReg(ci: CallInfo, reg: number): string {
  if (ci.closure === undefined) return '';
  const r = getObjName(ci.closure.p, currentPc(ci), reg);
  return r === undefined ? '' : ` (${r[0]} '${r[1]}')`;
}

export function varInfoUpval(ci: CallInfo, idx: number): string {
  if (ci.closure === undefined) return '';
  return ` (upvalue '${upvalName(ci.closure.p, idx)}')`;
}

/** Name of the n-th local of a frame, as luaG_findlocal: Lua locals, "(vararg)" for n < 0, "(temporary)" /
 * "(C temporary)" for other live slots. Returns [name, stack index] or undefined. */
export function findLocal(th: Coroutine, idx: number, n: number): [string, number] | undefined {
  const ci = th.cis[idx];
  // base, not func: a returning vararg function has already moved func back to its real slot
  const base = ci.base;
  let name: string | undefined;
  if (ci.closure !== undefined) {
    if (n < 0) {
      if (ci.closure.p.isVararg && n >= -ci.nextraargs) return ['(vararg)', base - 1 - ci.nextraargs - (n + 1)];
      return undefined;
    }
    name = localName(ci.closure.p, n, currentPc(ci));
  }
  if (name === undefined) {
    const limit = idx === th.ciIdx ? Math.max(th.top, ci.closure !== undefined ? base : ci.top) : th.cis[idx + 1].func;
    if (limit - base >= n && n > 0) name = ci.closure !== undefined ? '(temporary)' : '(C temporary)';
    else return undefined;
  }
  return [name, base + n - 1];
}

/** Name of a function found in a loaded module ("string.format", or "print" for _G.print), as lauxlib's
 * pushglobalfuncname. */
export function globalFuncName(L: DebugStateView, fn: LuaValue): string | undefined {
  const loaded = L.registry.getStr('_LOADED');
  if (!(loaded instanceof LuaTable)) return undefined;
  for (const [mk, mv] of loaded.entries()) {
    if (typeof mk !== 'string') continue;
    if (mv === fn) return mk;
    if (mv instanceof LuaTable) {
      for (const [k, v] of mv.entries()) {
        if (typeof k === 'string' && v === fn) {
          const name = mk + '.' + k;
          return name.startsWith('_G.') ? name.slice(3) : name;
        }
      }
    }
  }
  return undefined;
}

/** The fields of lua_Debug that debug.getinfo and tracebacks use. */
export interface ActivationInfo {
  source: string;
  short_src: string;
  linedefined: number;
  lastlinedefined: number;
  what: string;
  currentline: number;
  nups: number;
  nparams: number;
  isvararg: boolean;
  name: string | undefined;
  namewhat: string;
  istailcall: boolean;
  func: LuaValue;
  ftransfer: number;
  ntransfer: number;
}

function funcInfo(fn: LuaValue, out: ActivationInfo): void {
  if (fn instanceof LuaClosure) {
    const p = fn.p;
    out.source = p.source;
    out.linedefined = p.linedefined;
    out.lastlinedefined = p.lastlinedefined;
    out.what = p.linedefined === 0 ? 'main' : 'Lua';
    out.nups = fn.upvals.length;
    out.nparams = p.numparams;
    out.isvararg = p.isVararg;
  } else {
    out.source = '=[C]';
    out.linedefined = -1;
    out.lastlinedefined = -1;
    out.what = 'C';
    out.nups = (fn as { gcRefs?: LuaValue[] } | undefined)?.gcRefs?.length ?? 0; // natives' "C upvalues"
    out.nparams = 0;
    out.isvararg = true;
  }
  out.short_src = chunkid(out.source);
}

function emptyInfo(fn: LuaValue): ActivationInfo {
  const info: ActivationInfo = {
    source: '', short_src: '', linedefined: 0, lastlinedefined: 0, what: '', currentline: -1, nups: 0,
    nparams: 0, isvararg: false, name: undefined, namewhat: '', istailcall: false, func: fn,
    ftransfer: 0, ntransfer: 0,
  };
  funcInfo(fn, info);
  return info;
}

/** Stack-index of the call at `level` on `th`, or -1 when there is no such level. */
export function levelIndex(th: Coroutine, level: number): number {
  if (level < 0) return -1;
  const idx = th.ciIdx - level;
  return idx >= 1 ? idx : -1;
}

/** Activation record of the call at stack-index `idx` of `th` (lua_getinfo with "Slnt"). */
export function infoAt(th: Coroutine, idx: number): ActivationInfo {
  const ci = th.cis[idx];
  const fn = ci.closure ?? ci.fn;
  const info = emptyInfo(fn);
  if (ci.closure !== undefined) info.currentline = currentLine(ci);
  info.istailcall = ci.tail;
  info.ftransfer = ci.ftransfer;
  info.ntransfer = ci.ntransfer;
  const nm = funcNameOf(th, idx);
  if (nm !== undefined) {
    info.namewhat = nm[0];
    info.name = nm[1];
  }
  return info;
}

/** Activation record of a function value that is not running (lua_getinfo with '>'). */
export function infoOfFunction(fn: LuaValue): ActivationInfo {
  return emptyInfo(fn);
}

/** The lines with code in a Lua function (debug.getinfo 'L'), as a set. */
export function activeLines(fn: LuaValue): number[] | undefined {
  if (!(fn instanceof LuaClosure)) return undefined;
  const p = fn.p;
  const lines: number[] = [];
  const start = p.isVararg ? 1 : 0; // skip VARARGPREP
  for (let i = start; i < p.lineinfo.length; i++) lines.push(p.lineinfo[i]);
  return lines;
}

export function isLuaFunction(v: LuaValue): v is LuaClosure {
  return v instanceof LuaClosure;
}

export function isFunction(v: LuaValue): v is LuaFunction {
  return v instanceof LuaFunction;
}
