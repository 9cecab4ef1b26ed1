/*
 * The dispatch loop: one `switch` over Lua 5.4 opcodes read from the prototype's Uint32Array, registers in the
 * thread's value stack (stack[base + r]), the running frame's state hoisted into locals.
 *
 * Invariants:
 *  - run() executes the running frame of L.cur, which must be a Lua frame, until L.stop is set (an F_FRESH
 *    frame returned, or the machine suspended on a promise). Whenever a call, return, metamethod, coroutine
 *    switch or error recovery changes the running frame, control goes to `reload`, which reloads every local
 *    from the thread; nothing else may change them behind the loop's back.
 *  - Before anything that can raise an error or call out, `ci.savedpc = pc` (so errors and debug info see the
 *    instruction being executed as savedpc - 1).
 *  - Fast paths handle the common types inline and never allocate except for results (LFloat boxes, tables,
 *    closures); everything else is in named slow-path functions (metamethods.ts, call.ts, number.ts).
 *  - Integer arithmetic stays in JS numbers while results are within +-(2^53-1); beyond that number.ts computes
 *    the exact 64-bit wrapped result (bigint).
 */
import { LFloat, LuaFunction as LuaFunctionBase, MAX_SAFE, rawEquals, type LuaValue } from '../runtime/value.js';
import { LuaError } from '../runtime/errors.js';
import { LuaTable, WATCHED } from '../runtime/table.js';
import {
  addNum, subNum, mulNum, modNum, fmod, powNum, divNum, idivNum, unmNum, bandNum, borNum, bxorNum, shlNum, shrNum,
  bnotNum, tostringNumber,
} from '../runtime/number.js';
import { Op, OFFSET_sBx, OFFSET_sJ, OFFSET_sC } from '../compiler/opcodes.js';
import type { State } from './state.js';
import { F_MM, MULTRET, type CallInfo } from './callinfo.js';
import { LuaClosure, type UpVal } from './closure.js';
import { EXTRA_STACK, HOOK_CALL, type Coroutine } from './coroutine.js';
import { callValue, pushLuaFrame, returnFrom, callTMForTail, callHook } from './call.js';
import { OP_TRAP, budgetCode, hookedCode, traceStep } from './hooktrap.js';
import {
  vmGet, vmSet, vmArith, vmLen, vmOrder, vmEq, vmConcat, newTbc, closeNextTbc, forPrep, forLoop, toIntNs, NODESC,
} from './metamethods.js';
import { TM_LT, TM_LE, TM_UNM, TM_BNOT } from './debuginfo.js';
import { gcStepVM, TABLE_COST, CLOSURE_COST, UPVAL_COST, STRING_COST } from '../runtime/gc.js';

type Num = number | bigint | LFloat;

function isNum(v: LuaValue): v is Num {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat;
}

export function run(L: State): void {
  reload: for (;;) {
    if (L.stop) return;
    const th: Coroutine = L.cur;
    const stack = th.stack;
    const ci = th.cis[th.ciIdx];
    const cl = ci.closure!;
    const proto = cl.p;
    // with hooks (debug.sethook) or an execution budget the frame runs a trapped copy of its code (hooktrap.ts)
    const code = th.hookMask === 0 ? (L.budget === undefined ? proto.code : budgetCode(proto)) : hookedCode(th, proto);
    const k = proto.k;
    const upvals: UpVal[] = cl.upvals;
    const base = ci.base;
    let pc = ci.savedpc;
    for (;;) {
      const i = code[pc++];
      const a = (i >>> 7) & 0xff;
      switch (i & 0x7f) {
        case Op.MOVE:
          stack[base + a] = stack[base + ((i >>> 16) & 0xff)];
          continue;
        case Op.LOADI:
          stack[base + a] = (i >>> 15) - OFFSET_sBx;
          continue;
        case Op.LOADF:
          stack[base + a] = new LFloat((i >>> 15) - OFFSET_sBx);
          continue;
        case Op.LOADK:
          stack[base + a] = k[i >>> 15];
          continue;
        case Op.LOADKX:
          stack[base + a] = k[code[pc++] >>> 7];
          continue;
        case Op.LOADFALSE:
          stack[base + a] = false;
          continue;
        case Op.LFALSESKIP:
          stack[base + a] = false;
          pc++;
          continue;
        case Op.LOADTRUE:
          stack[base + a] = true;
          continue;
        case Op.LOADNIL: {
          let r = base + a;
          const last = r + ((i >>> 16) & 0xff);
          while (r <= last) stack[r++] = undefined;
          continue;
        }
        case Op.GETUPVAL: {
          const uv = upvals[(i >>> 16) & 0xff];
          stack[base + a] = uv.arr[uv.idx];
          continue;
        }
        case Op.SETUPVAL: {
          const uv = upvals[(i >>> 16) & 0xff];
          uv.arr[uv.idx] = stack[base + a];
          continue;
        }
        case Op.GETTABUP: {
          const b = (i >>> 16) & 0xff;
          const uv = upvals[b];
          const t = uv.arr[uv.idx];
          const key = k[i >>> 24] as string;
          if (t instanceof LuaTable) {
            let v = t.hash[key];
            if (v === undefined && t.strDict) v = t.getStr(key);
            if (v !== undefined || t.metatable === undefined) {
              stack[base + a] = v;
              continue;
            }
          }
          ci.savedpc = pc;
          if (vmGet(L, th, ci, t, key, base + a, -1 - b)) continue reload;
          continue;
        }
        case Op.GETTABLE: {
          const b = (i >>> 16) & 0xff;
          const t = stack[base + b];
          const key = stack[base + (i >>> 24)];
          if (t instanceof LuaTable) {
            let v: LuaValue;
            if (typeof key === 'number') {
              const ix = key - 1;
              v = (ix >>> 0) === ix && ix < t.alimit ? t.arr[ix] : t.get(key);
            } else if (typeof key === 'string') {
              v = t.hash[key];
              if (v === undefined && t.strDict) v = t.getStr(key);
            } else {
              v = t.get(key);
            }
            if (v !== undefined || t.metatable === undefined) {
              stack[base + a] = v;
              continue;
            }
          }
          ci.savedpc = pc;
          if (vmGet(L, th, ci, t, key, base + a, b)) continue reload;
          continue;
        }
        case Op.GETI: {
          const b = (i >>> 16) & 0xff;
          const t = stack[base + b];
          const c = i >>> 24;
          if (t instanceof LuaTable) {
            const v = t.getInt(c);
            if (v !== undefined || t.metatable === undefined) {
              stack[base + a] = v;
              continue;
            }
          }
          ci.savedpc = pc;
          if (vmGet(L, th, ci, t, c, base + a, b)) continue reload;
          continue;
        }
        case Op.GETFIELD: {
          const b = (i >>> 16) & 0xff;
          const t = stack[base + b];
          const key = k[i >>> 24] as string;
          if (t instanceof LuaTable) {
            let v = t.hash[key];
            if (v === undefined && t.strDict) v = t.getStr(key);
            const mt = t.metatable;
            if (v !== undefined || mt === undefined) {
              stack[base + a] = v;
              continue;
            }
            // one level of a table __index inline (objects and their classes)
            const idx = mt.hash.__index;
            if (idx instanceof LuaTable) {
              let w = idx.hash[key];
              if (w === undefined && idx.strDict) w = idx.getStr(key);
              if (w !== undefined) {
                stack[base + a] = w;
                continue;
              }
            }
          }
          ci.savedpc = pc;
          if (vmGet(L, th, ci, t, key, base + a, b)) continue reload;
          continue;
        }
        case Op.SETTABUP: {
          const uv = upvals[a];
          const t = uv.arr[uv.idx];
          const key = k[(i >>> 16) & 0xff] as string;
          const v = (i >>> 15) & 1 ? k[i >>> 24] : stack[base + (i >>> 24)];
          if (t instanceof LuaTable) {
            const h = t.hash;
            if (v !== undefined && h[key] !== undefined && t.watch !== WATCHED) {
              h[key] = v;
              continue;
            }
            if (t.metatable === undefined) {
              t.setStr(key, v);
              continue;
            }
          }
          ci.savedpc = pc;
          if (vmSet(L, th, ci, t, key, v, -1 - a)) continue reload;
          continue;
        }
        case Op.SETTABLE: {
          const t = stack[base + a];
          const key = stack[base + ((i >>> 16) & 0xff)];
          const v = (i >>> 15) & 1 ? k[i >>> 24] : stack[base + (i >>> 24)];
          if (t instanceof LuaTable && t.metatable === undefined) {
            if (typeof key === 'number') {
              if (Math.floor(key) === key) {
                t.setInt(key, v);
                continue;
              }
            } else if (typeof key === 'string') {
              t.setStrDyn(key, v);
              continue;
            }
          }
          ci.savedpc = pc;
          if (vmSet(L, th, ci, t, key, v, a)) continue reload;
          continue;
        }
        case Op.SETI: {
          const t = stack[base + a];
          const key = (i >>> 16) & 0xff;
          const v = (i >>> 15) & 1 ? k[i >>> 24] : stack[base + (i >>> 24)];
          if (t instanceof LuaTable && t.metatable === undefined) {
            t.setInt(key, v);
            continue;
          }
          ci.savedpc = pc;
          if (vmSet(L, th, ci, t, key, v, a)) continue reload;
          continue;
        }
        case Op.SETFIELD: {
          const t = stack[base + a];
          const key = k[(i >>> 16) & 0xff] as string;
          const v = (i >>> 15) & 1 ? k[i >>> 24] : stack[base + (i >>> 24)];
          if (t instanceof LuaTable) {
            const h = t.hash;
            if (v !== undefined && h[key] !== undefined && t.watch !== WATCHED) {
              h[key] = v;
              continue;
            }
            if (t.metatable === undefined) {
              t.setStr(key, v);
              continue;
            }
          }
          ci.savedpc = pc;
          if (vmSet(L, th, ci, t, key, v, a)) continue reload;
          continue;
        }
        case Op.NEWTABLE: {
          // sizes as PUC's: B is log2(hash size) + 1, C (+ EXTRAARG * 256) the array size; they decide #t
          const b = (i >>> 16) & 0xff;
          let c = i >>> 24;
          if ((i >>> 15) & 1) c += (code[pc] >>> 7) * 256;
          pc++;
          stack[base + a] = new LuaTable(c, b > 0 ? 1 << (b - 1) : 0);
          if ((L.gc.debt += TABLE_COST) > 0 && gcStepVM(L, ci, pc, base + a + 1)) continue reload;
          continue;
        }
        case Op.SELF: {
          const b = (i >>> 16) & 0xff;
          const t = stack[base + b];
          const key = (i >>> 15) & 1 ? k[i >>> 24] : stack[base + (i >>> 24)];
          stack[base + a + 1] = t;
          if (t instanceof LuaTable) {
            let v = t.hash[key as string];
            if (v === undefined && t.strDict) v = t.getStr(key as string);
            const mt = t.metatable;
            if (v !== undefined || mt === undefined) {
              stack[base + a] = v;
              continue;
            }
            const idx = mt.hash.__index;
            if (idx instanceof LuaTable) {
              let w = idx.hash[key as string];
              if (w === undefined && idx.strDict) w = idx.getStr(key as string);
              if (w !== undefined) {
                stack[base + a] = w;
                continue;
              }
            }
          }
          ci.savedpc = pc;
          if (vmGet(L, th, ci, t, key, base + a, b)) continue reload;
          continue;
        }

        // ------------------------------------------------------------------ arithmetic with immediates/constants
        case Op.ADDI: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const y = (i >>> 24) - OFFSET_sC;
          if (typeof x === 'number') {
            const r = x + y;
            if (Math.floor(r) !== r || (Math.floor(x) === x && r <= MAX_SAFE && r >= -MAX_SAFE)) {
              stack[base + a] = r;
              pc++;
              continue;
            }
          }
          if (isNum(x)) {
            stack[base + a] = addNum(x, y);
            pc++;
          }
          continue;
        }
        case Op.ADDK: case Op.ADD: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const y = (i & 0x7f) === Op.ADD ? stack[base + (i >>> 24)] : k[i >>> 24];
          if (typeof x === 'number' && typeof y === 'number') {
            const r = x + y;
            if (Math.floor(r) !== r) {
              stack[base + a] = r;
              pc++;
              continue;
            }
            if (Math.floor(x) === x && Math.floor(y) === y && r <= MAX_SAFE && r >= -MAX_SAFE) {
              stack[base + a] = r;
              pc++;
              continue;
            }
          }
          if (isNum(x) && isNum(y)) {
            stack[base + a] = addNum(x, y);
            pc++;
          }
          continue;
        }
        case Op.SUBK: case Op.SUB: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const y = (i & 0x7f) === Op.SUB ? stack[base + (i >>> 24)] : k[i >>> 24];
          if (typeof x === 'number' && typeof y === 'number') {
            const r = x - y;
            if (Math.floor(r) !== r) {
              stack[base + a] = r;
              pc++;
              continue;
            }
            if (Math.floor(x) === x && Math.floor(y) === y && r <= MAX_SAFE && r >= -MAX_SAFE) {
              stack[base + a] = r;
              pc++;
              continue;
            }
          }
          if (isNum(x) && isNum(y)) {
            stack[base + a] = subNum(x, y);
            pc++;
          }
          continue;
        }
        case Op.MULK: case Op.MUL: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const y = (i & 0x7f) === Op.MUL ? stack[base + (i >>> 24)] : k[i >>> 24];
          if (typeof x === 'number' && typeof y === 'number') {
            const r = x * y;
            if (Math.floor(r) !== r) {
              stack[base + a] = r;
              pc++;
              continue;
            }
            if (Math.floor(x) === x && Math.floor(y) === y && r <= MAX_SAFE && r >= -MAX_SAFE) {
              stack[base + a] = r + 0;
              pc++;
              continue;
            }
          }
          if (isNum(x) && isNum(y)) {
            stack[base + a] = mulNum(x, y);
            pc++;
          }
          continue;
        }
        case Op.MODK: case Op.MOD: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const y = (i & 0x7f) === Op.MOD ? stack[base + (i >>> 24)] : k[i >>> 24];
          if (typeof x === 'number' && typeof y === 'number' && Math.floor(x) === x && Math.floor(y) === y && y > 0) {
            const r = (x | 0) === x && (y | 0) === y ? x % y : fmod(x, y); // fmod: no call into C for larger ones
            stack[base + a] = r < 0 ? r + y : r + 0;
            pc++;
            continue;
          }
          if (isNum(x) && isNum(y)) {
            ci.savedpc = pc;
            stack[base + a] = modNum(x, y);
            pc++;
          }
          continue;
        }
        case Op.POWK: case Op.POW: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const y = (i & 0x7f) === Op.POW ? stack[base + (i >>> 24)] : k[i >>> 24];
          if (isNum(x) && isNum(y)) {
            stack[base + a] = powNum(x, y);
            pc++;
          }
          continue;
        }
        case Op.DIVK: case Op.DIV: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const y = (i & 0x7f) === Op.DIV ? stack[base + (i >>> 24)] : k[i >>> 24];
          if (typeof x === 'number' && typeof y === 'number') {
            const r = x / y;
            stack[base + a] = Math.floor(r) === r ? new LFloat(r) : r;
            pc++;
            continue;
          }
          if (isNum(x) && isNum(y)) {
            stack[base + a] = divNum(x, y);
            pc++;
          }
          continue;
        }
        case Op.IDIVK: case Op.IDIV: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const y = (i & 0x7f) === Op.IDIV ? stack[base + (i >>> 24)] : k[i >>> 24];
          if (isNum(x) && isNum(y)) {
            ci.savedpc = pc;
            stack[base + a] = idivNum(x, y);
            pc++;
          }
          continue;
        }
        case Op.BANDK: case Op.BAND: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const y = (i & 0x7f) === Op.BAND ? stack[base + (i >>> 24)] : k[i >>> 24];
          if (typeof x === 'number' && typeof y === 'number' && (x | 0) === x && (y | 0) === y) {
            stack[base + a] = x & y;
            pc++;
            continue;
          }
          const ix = toIntNs(x), iy = toIntNs(y);
          if (ix !== undefined && iy !== undefined) {
            stack[base + a] = bandNum(ix, iy);
            pc++;
          }
          continue;
        }
        case Op.BORK: case Op.BOR: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const y = (i & 0x7f) === Op.BOR ? stack[base + (i >>> 24)] : k[i >>> 24];
          if (typeof x === 'number' && typeof y === 'number' && (x | 0) === x && (y | 0) === y) {
            stack[base + a] = x | y;
            pc++;
            continue;
          }
          const ix = toIntNs(x), iy = toIntNs(y);
          if (ix !== undefined && iy !== undefined) {
            stack[base + a] = borNum(ix, iy);
            pc++;
          }
          continue;
        }
        case Op.BXORK: case Op.BXOR: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const y = (i & 0x7f) === Op.BXOR ? stack[base + (i >>> 24)] : k[i >>> 24];
          if (typeof x === 'number' && typeof y === 'number' && (x | 0) === x && (y | 0) === y) {
            stack[base + a] = x ^ y;
            pc++;
            continue;
          }
          const ix = toIntNs(x), iy = toIntNs(y);
          if (ix !== undefined && iy !== undefined) {
            stack[base + a] = bxorNum(ix, iy);
            pc++;
          }
          continue;
        }
        case Op.SHRI: {
          const ix = toIntNs(stack[base + ((i >>> 16) & 0xff)]);
          if (ix !== undefined) {
            stack[base + a] = shrNum(ix, (i >>> 24) - OFFSET_sC);
            pc++;
          }
          continue;
        }
        case Op.SHLI: {
          const ix = toIntNs(stack[base + ((i >>> 16) & 0xff)]);
          if (ix !== undefined) {
            stack[base + a] = shlNum((i >>> 24) - OFFSET_sC, ix);
            pc++;
          }
          continue;
        }
        case Op.SHL: case Op.SHR: {
          const ix = toIntNs(stack[base + ((i >>> 16) & 0xff)]);
          const iy = toIntNs(stack[base + (i >>> 24)]);
          if (ix !== undefined && iy !== undefined) {
            stack[base + a] = (i & 0x7f) === Op.SHL ? shlNum(ix, iy) : shrNum(ix, iy);
            pc++;
          }
          continue;
        }
        case Op.MMBIN: {
          ci.savedpc = pc;
          const b = (i >>> 16) & 0xff;
          vmArith(L, th, ci, stack[base + a], stack[base + b], i >>> 24, a, b);
          continue reload;
        }
        case Op.MMBINI: {
          ci.savedpc = pc;
          const imm = ((i >>> 16) & 0xff) - OFFSET_sC;
          if ((i >>> 15) & 1) vmArith(L, th, ci, imm, stack[base + a], i >>> 24, NODESC, a);
          else vmArith(L, th, ci, stack[base + a], imm, i >>> 24, a, NODESC);
          continue reload;
        }
        case Op.MMBINK: {
          ci.savedpc = pc;
          const imm = k[(i >>> 16) & 0xff];
          if ((i >>> 15) & 1) vmArith(L, th, ci, imm, stack[base + a], i >>> 24, NODESC, a);
          else vmArith(L, th, ci, stack[base + a], imm, i >>> 24, a, NODESC);
          continue reload;
        }
        case Op.UNM: {
          const b = (i >>> 16) & 0xff;
          const x = stack[base + b];
          if (typeof x === 'number') {
            stack[base + a] = Math.floor(x) === x ? 0 - x : -x;
            continue;
          }
          if (isNum(x)) {
            stack[base + a] = unmNum(x);
            continue;
          }
          ci.savedpc = pc;
          vmArith(L, th, ci, x, x, TM_UNM, b, b);
          continue reload;
        }
        case Op.BNOT: {
          const b = (i >>> 16) & 0xff;
          const x = stack[base + b];
          const ix = toIntNs(x);
          if (ix !== undefined) {
            stack[base + a] = bnotNum(ix);
            continue;
          }
          ci.savedpc = pc;
          vmArith(L, th, ci, x, x, TM_BNOT, b, b);
          continue reload;
        }
        case Op.NOT: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          stack[base + a] = x === undefined || x === false;
          continue;
        }
        case Op.LEN: {
          const b = (i >>> 16) & 0xff;
          const x = stack[base + b];
          if (typeof x === 'string') {
            stack[base + a] = x.length;
            continue;
          }
          if (x instanceof LuaTable && x.metatable === undefined) {
            stack[base + a] = x.length();
            continue;
          }
          ci.savedpc = pc;
          if (vmLen(L, th, ci, x, base + a, b)) continue reload;
          continue;
        }
        case Op.CONCAT: {
          const n = (i >>> 16) & 0xff;
          const first = base + a;
          let s = '';
          let j = 0;
          for (; j < n; j++) {
            const v = stack[first + j];
            if (typeof v === 'string') s += v;
            else if (typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat) s += tostringNumber(v);
            else break;
          }
          if (j === n) {
            stack[first] = s;
            if ((L.gc.debt += STRING_COST + s.length) > 0 && gcStepVM(L, ci, pc, first + 1)) continue reload;
            continue;
          }
          ci.savedpc = pc;
          if (vmConcat(L, th, ci, first, n)) continue reload;
          continue;
        }
        case Op.CLOSE: {
          const level = base + a;
          if (th.openUps.length > 0) th.closeUpvals(level);
          const tbc = th.tbc;
          if (tbc.length > 0 && tbc[tbc.length - 1] >= level) {
            ci.savedpc = pc;
            closeNextTbc(L, th, level, undefined, ci.top, F_MM);
            continue reload;
          }
          continue;
        }
        case Op.TBC:
          ci.savedpc = pc;
          newTbc(L, th, ci, base + a);
          continue;
        case Op.JMP:
          pc += (i >>> 7) - OFFSET_sJ;
          continue;

        // ------------------------------------------------------------------ comparisons (next instruction is a jump)
        case Op.EQ: {
          const x = stack[base + a];
          const y = stack[base + ((i >>> 16) & 0xff)];
          let cond: number;
          if (x === y) cond = 1;
          else if (typeof x !== 'object' && typeof y !== 'object' && typeof x !== 'bigint' && typeof y !== 'bigint') cond = 0;
          else {
            ci.savedpc = pc;
            cond = vmEq(L, th, ci, x, y);
            if (cond === 2) continue reload;
          }
          if (cond !== ((i >>> 15) & 1)) pc++;
          else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
          continue;
        }
        case Op.LT: case Op.LE: {
          const x = stack[base + a];
          const y = stack[base + ((i >>> 16) & 0xff)];
          let cond: number;
          if (typeof x === 'number' && typeof y === 'number') cond = ((i & 0x7f) === Op.LT ? x < y : x <= y) ? 1 : 0;
          else {
            ci.savedpc = pc;
            cond = vmOrder(L, th, ci, x, y, (i & 0x7f) === Op.LT ? TM_LT : TM_LE);
            if (cond === 2) continue reload;
          }
          if (cond !== ((i >>> 15) & 1)) pc++;
          else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
          continue;
        }
        case Op.EQK: {
          const x = stack[base + a];
          const y = k[(i >>> 16) & 0xff];
          const cond = x === y || rawEquals(x, y) ? 1 : 0;
          if (cond !== ((i >>> 15) & 1)) pc++;
          else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
          continue;
        }
        case Op.EQI: {
          const x = stack[base + a];
          const im = ((i >>> 16) & 0xff) - OFFSET_sC;
          const cond = x === im || (x instanceof LFloat && x.n === im) ? 1 : 0;
          if (cond !== ((i >>> 15) & 1)) pc++;
          else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
          continue;
        }
        case Op.LTI: case Op.LEI: case Op.GTI: case Op.GEI: {
          const x = stack[base + a];
          const im = ((i >>> 16) & 0xff) - OFFSET_sC;
          const op = i & 0x7f;
          let cond: number;
          if (typeof x === 'number') {
            cond = (op === Op.LTI ? x < im : op === Op.LEI ? x <= im : op === Op.GTI ? x > im : x >= im) ? 1 : 0;
          } else {
            ci.savedpc = pc;
            const aux: LuaValue = i >>> 24 ? new LFloat(im) : im;
            const ev = op === Op.LTI || op === Op.GTI ? TM_LT : TM_LE;
            cond = op === Op.LTI || op === Op.LEI ? vmOrder(L, th, ci, x, aux, ev) : vmOrder(L, th, ci, aux, x, ev);
            if (cond === 2) continue reload;
          }
          if (cond !== ((i >>> 15) & 1)) pc++;
          else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
          continue;
        }
        case Op.TEST: {
          const x = stack[base + a];
          const cond = x === undefined || x === false ? 0 : 1;
          if (cond !== ((i >>> 15) & 1)) pc++;
          else pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
          continue;
        }
        case Op.TESTSET: {
          const x = stack[base + ((i >>> 16) & 0xff)];
          const isFalse = x === undefined || x === false ? 1 : 0;
          if (isFalse === ((i >>> 15) & 1)) pc++;
          else {
            stack[base + a] = x;
            pc += (code[pc] >>> 7) - OFFSET_sJ + 1;
          }
          continue;
        }

        // ------------------------------------------------------------------ calls and returns
        case Op.CALL: {
          const ra = base + a;
          const b = (i >>> 16) & 0xff;
          const nargs = b !== 0 ? b - 1 : th.top - ra - 1;
          const f = stack[ra];
          ci.savedpc = pc;
          if (f instanceof LuaClosure) {
            pushLuaFrame(L, th, f, ra, nargs, (i >>> 24) - 1, 0);
            continue reload;
          }
          if (callValue(L, th, ra, nargs, (i >>> 24) - 1, 0) || th.hookMask !== 0) continue reload;
          continue;
        }
        case Op.TAILCALL: {
          const ra = base + a;
          const b = (i >>> 16) & 0xff;
          let nargs = b !== 0 ? b - 1 : th.top - ra - 1;
          ci.savedpc = pc;
          if ((i >>> 15) & 1) th.closeUpvals(base);
          let f = stack[ra];
          while (!(f instanceof LuaFunctionBase)) {
            f = callTMForTail(L, th, ra, nargs); // __call: the metamethod becomes the function
            nargs++;
          }
          if (f instanceof LuaClosure) {
            const c = i >>> 24;
            const delta = c !== 0 ? ci.nextraargs + c : 0;
            const func = ci.func - delta;
            for (let j = 0; j <= nargs; j++) stack[func + j] = stack[ra + j];
            tailFrame(L, th, ci, f, func, nargs);
            continue reload;
          }
          // a native in tail position runs as a plain call; the RETURN that follows returns its results
          if (callValue(L, th, ra, nargs, MULTRET, 0)) continue reload;
          continue;
        }
        case Op.RETURN: {
          const ra = base + a;
          let n = ((i >>> 16) & 0xff) - 1;
          if (n < 0) n = th.top - ra;
          ci.savedpc = pc;
          if ((i >>> 15) & 1) {
            ci.nres = n;
            if (th.openUps.length > 0) th.closeUpvals(base);
            const tbc = th.tbc;
            if (tbc.length > 0 && tbc[tbc.length - 1] >= base) {
              th.top = ra + n;
              closeNextTbc(L, th, base, undefined, Math.max(ra + n, ci.top), F_MM);
              continue reload;
            }
          }
          const c = i >>> 24;
          if (c !== 0) ci.func -= ci.nextraargs + c;
          returnFrom(L, th, ci, ra, n);
          continue reload;
        }
        case Op.RETURN0: {
          if (ci.flags === 0) {
            th.ciIdx--;
            const res = ci.func;
            const wanted = ci.nresults;
            if (wanted <= 0) th.top = res;
            else {
              for (let j = 0; j < wanted; j++) stack[res + j] = undefined;
              th.top = res + wanted;
            }
            continue reload;
          }
          ci.savedpc = pc;
          returnFrom(L, th, ci, base + a, 0);
          continue reload;
        }
        case Op.RETURN1: {
          if (ci.flags === 0) {
            th.ciIdx--;
            const res = ci.func;
            const wanted = ci.nresults;
            if (wanted === 0) th.top = res;
            else {
              stack[res] = stack[base + a];
              th.top = res + 1;
              for (let j = 1; j < wanted; j++) stack[res + j] = undefined;
              if (wanted > 1) th.top = res + wanted;
            }
            continue reload;
          }
          ci.savedpc = pc;
          returnFrom(L, th, ci, base + a, 1);
          continue reload;
        }

        // ------------------------------------------------------------------ loops
        case Op.FORLOOP: {
          const ra = base + a;
          const count = stack[ra + 1];
          const step = stack[ra + 2];
          if (typeof count === 'number' && typeof step === 'number' && Math.floor(step) === step) {
            if (count > 0) {
              const idx = (stack[ra] as number) + step;
              stack[ra + 1] = count - 1;
              stack[ra] = idx;
              stack[ra + 3] = idx;
              pc -= i >>> 15;
            }
            continue;
          }
          if (forLoop(L, th, ra)) pc -= i >>> 15;
          continue;
        }
        case Op.FORPREP: {
          const ra = base + a;
          const init = stack[ra], limit = stack[ra + 1], step = stack[ra + 2];
          if (typeof init === 'number' && typeof limit === 'number' && typeof step === 'number' &&
            Math.floor(init) === init && Math.floor(limit) === limit && Math.floor(step) === step && step !== 0) {
            if (step > 0 ? init > limit : init < limit) {
              pc += (i >>> 15) + 1;
              continue;
            }
            const diff = step > 0 ? limit - init : init - limit;
            if (diff <= MAX_SAFE) {
              const st = step > 0 ? step : -step;
              stack[ra + 1] = st === 1 ? diff : (diff - (diff % st)) / st;
              stack[ra + 3] = init;
              continue;
            }
          }
          ci.savedpc = pc;
          if (forPrep(L, th, ra)) pc += (i >>> 15) + 1;
          continue;
        }
        case Op.TFORPREP:
          ci.savedpc = pc;
          newTbc(L, th, ci, base + a + 3);
          pc += i >>> 15;
          continue;
        case Op.TFORCALL: {
          const ra = base + a;
          stack[ra + 4] = stack[ra];
          stack[ra + 5] = stack[ra + 1];
          stack[ra + 6] = stack[ra + 2];
          th.top = ra + 7;
          ci.savedpc = pc;
          const f = stack[ra + 4];
          if (f instanceof LuaClosure) {
            pushLuaFrame(L, th, f, ra + 4, 2, i >>> 24, 0);
            continue reload;
          }
          if (callValue(L, th, ra + 4, 2, i >>> 24, 0) || th.hookMask !== 0) continue reload;
          continue;
        }
        case Op.TFORLOOP: {
          const ra = base + a;
          const v = stack[ra + 4];
          if (v !== undefined) {
            stack[ra + 2] = v;
            pc -= i >>> 15;
          }
          continue;
        }

        // ------------------------------------------------------------------ tables, closures, varargs
        case Op.SETLIST: {
          const ra = base + a;
          let n = (i >>> 16) & 0xff;
          let last = i >>> 24;
          if (n === 0) n = th.top - ra - 1;
          if ((i >>> 15) & 1) last += (code[pc++] >>> 7) * 256;
          (stack[ra] as LuaTable).setList(last + 1, stack.slice(ra + 1, ra + 1 + n), n);
          continue;
        }
        case Op.CLOSURE: {
          const p = proto.p[i >>> 15];
          const uvs = p.upvalues;
          const nup = uvs.length;
          const ups: UpVal[] = new Array(nup);
          for (let j = 0; j < nup; j++) {
            const d = uvs[j];
            ups[j] = d.instack ? th.findUpval(base + d.idx) : upvals[d.idx];
          }
          stack[base + a] = new LuaClosure(p, ups);
          if ((L.gc.debt += CLOSURE_COST + UPVAL_COST * nup) > 0 && gcStepVM(L, ci, pc, base + a + 1)) continue reload;
          continue;
        }
        case Op.VARARG: {
          const ra = base + a;
          const nextra = ci.nextraargs;
          const from = ci.func - nextra;
          let n = (i >>> 24) - 1;
          if (n < 0) {
            n = nextra;
            if (ra + n + EXTRA_STACK > stack.length) {
              ci.savedpc = pc;
              th.grow(ra + n + EXTRA_STACK);
            }
            th.top = ra + n;
          }
          for (let j = 0; j < n; j++) stack[ra + j] = j < nextra ? stack[from + j] : undefined;
          continue;
        }
        case Op.VARARGPREP: {
          const func = ci.func;
          const actual = th.top - func - 1;
          ci.nextraargs = actual - a;
          ci.savedpc = pc;
          const need = th.top + proto.maxstacksize + 1 + EXTRA_STACK;
          if (need > stack.length) th.grow(need);
          let t = th.top;
          stack[t++] = stack[func];
          for (let j = 1; j <= a; j++) {
            stack[t++] = stack[func + j];
            stack[func + j] = undefined;
          }
          ci.func = func + actual + 1;
          ci.base = ci.func + 1;
          ci.top += actual + 1;
          th.top = t;
          if (th.hookMask !== 0) {
            ci.savedpc = pc;
            if (th.hookMask & HOOK_CALL) callHook(L, th, ci.tail ? 'tail call' : 'call', -1, 1, a);
            th.oldpc = 1; // the next instruction is seen as a new line
          }
          continue reload;
        }
        default: {
          ci.savedpc = pc;
          if ((i & 0x7f) === OP_TRAP) {
            const next = traceStep(L, th, ci, code, pc - 1);
            if (next < 0) continue reload;
            pc = next;
            continue;
          }
          throw new LuaError(`invalid instruction ${i & 0x7f}`);
        }
      }
    }
  }
}

/** Reuses frame `ci` for a Lua function called in tail position (its arguments already at func + 1). */
function tailFrame(L: State, th: Coroutine, ci: CallInfo, f: LuaClosure, func: number, nargs: number): void {
  const p = f.p;
  const base = func + 1;
  const np = p.numparams;
  let need = base + p.maxstacksize + EXTRA_STACK;
  if (p.isVararg) need += nargs + 1;
  if (need > th.stack.length) th.grow(need);
  const s = th.stack;
  for (let n = nargs; n < np; n++) s[base + n] = undefined;
  ci.func = func;
  ci.base = base;
  ci.top = base + p.maxstacksize;
  ci.savedpc = 0;
  ci.closure = f;
  ci.tail = true;
  ci.nextraargs = 0;
  th.top = base + (nargs < np ? np : nargs);
  if (th.hookMask !== 0) {
    th.oldpc = 0;
    if (th.hookMask & HOOK_CALL && !p.isVararg) callHook(L, th, 'tail call', -1, 1, np);
  }
}
