/*
 * Disassembler in the format of `luac5.4 -l -l`: a header per function, one line per instruction with its
 * source line, operands and a comment (constants, jump targets, call arities...), then the constants, locals
 * and upvalues, recursively for nested functions. Operands are decoded generically from the opcode table's
 * formats; only the comments (and luac's way of showing the k flag) are per opcode. Function "addresses"
 * are stable ids (0x + preorder number), so output is deterministic.
 */
import {
  Op, OPS, opcode, argA, argB, argC, argk, argsB, argsC, argBx, argsBx, argAx, argsJ, MAXARG_C,
} from './opcodes.js';
import type { Proto } from './proto.js';
import { LFloat, type LuaValue } from '../runtime/value.js';
import { floatToString } from '../runtime/number.js';

const EVENT_NAMES = [
  '__index', '__newindex', '__gc', '__mode', '__len', '__eq', '__add', '__sub', '__mul', '__mod', '__pow',
  '__div', '__idiv', '__band', '__bor', '__bxor', '__shl', '__shr', '__unm', '__bnot', '__lt', '__le',
  '__concat', '__call', '__close',
];

/** Opcodes whose k flag luac shows as a "k" suffix on C, and those where it does not show it at all. */
const K_AS_SUFFIX = new Set<number>([Op.RETURN, Op.TAILCALL]);
const K_HIDDEN = new Set<number>([Op.NEWTABLE, Op.SETLIST]);
/** Opcodes whose C operand is RK(C): register, or constant when k is set. */
const RK_C = new Set<number>(OPS.map((o, i) => (o.semantics.includes('RK(C)') ? i : -1)).filter((i) => i >= 0));

export function disassemble(p: Proto, full = true): string {
  const ids = new Map<Proto, number>();
  const number = (f: Proto): void => {
    ids.set(f, ids.size + 1);
    for (const c of f.p) number(c);
  };
  number(p);
  const out: string[] = [];
  printFunction(p, full, ids, out);
  return out.join('');
}

function addr(ids: Map<Proto, number>, f: Proto): string {
  return '0x' + (ids.get(f) ?? 0).toString(16).padStart(8, '0');
}

function plural(n: number): string {
  return n === 1 ? '' : 's';
}

function printFunction(f: Proto, full: boolean, ids: Map<Proto, number>, out: string[]): void {
  printHeader(f, ids, out);
  printCode(f, ids, out);
  if (full) printDebug(f, ids, out);
  for (const c of f.p) printFunction(c, full, ids, out);
}

function printHeader(f: Proto, ids: Map<Proto, number>, out: string[]): void {
  let s = f.source;
  if (s.startsWith('@') || s.startsWith('=')) s = s.slice(1);
  else if (s.startsWith('\x1bLua')) s = '(bstring)';
  else s = '(string)';
  const n = f.code.length;
  out.push(
    `\n${f.linedefined === 0 ? 'main' : 'function'} <${s}:${f.linedefined},${f.lastlinedefined}> ` +
      `(${n} instruction${plural(n)} at ${addr(ids, f)})\n`,
  );
  out.push(
    `${f.numparams}${f.isVararg ? '+' : ''} param${plural(f.numparams)}, ${f.maxstacksize} slot${plural(f.maxstacksize)}, ` +
      `${f.upvalues.length} upvalue${plural(f.upvalues.length)}, ${f.locvars.length} local${plural(f.locvars.length)}, ` +
      `${f.k.length} constant${plural(f.k.length)}, ${f.p.length} function${plural(f.p.length)}\n`,
  );
}

/** The operands of instruction `i`, decoded from its opcode's format. */
export function operands(i: number): string {
  const op = opcode(i);
  const info = OPS[op];
  const parts: string[] = [];
  let kSuffix = '';
  for (const name of info.operands) {
    switch (name) {
      case 'A': parts.push(String(argA(i))); break;
      case 'B': parts.push(String(argB(i))); break;
      case 'sB': parts.push(String(argsB(i))); break;
      case 'C': parts.push(String(argC(i))); break;
      case 'sC': parts.push(String(argsC(i))); break;
      case 'Bx': parts.push(String(argBx(i))); break;
      case 'sBx': parts.push(String(argsBx(i))); break;
      case 'Ax': parts.push(String(argAx(i))); break;
      case 'sJ': parts.push(String(argsJ(i))); break;
      case 'k':
        if (K_AS_SUFFIX.has(op)) kSuffix = argk(i) ? 'k' : '';
        else if (!K_HIDDEN.has(op)) parts.push(String(argk(i)));
        break;
      default: throw new Error('unknown operand ' + name);
    }
  }
  if (RK_C.has(op) && argk(i)) kSuffix = 'k';
  return parts.join(' ') + kSuffix;
}

function printCode(f: Proto, ids: Map<Proto, number>, out: string[]): void {
  const code = f.code;
  for (let pc = 0; pc < code.length; pc++) {
    const i = code[pc];
    const line = f.lineinfo.length ? f.lineinfo[pc] : -1;
    const name = OPS[opcode(i)].name.padEnd(9);
    const c = comment(f, pc, i, ids);
    out.push(`\t${pc + 1}\t${line > 0 ? `[${line}]` : '[-]'}\t${name}\t${operands(i)}${c ? '\t; ' + c : ''}\n`);
  }
}

function upvalName(f: Proto, i: number): string {
  return f.upvalues[i]?.name ?? '-';
}

function extraArg(f: Proto, pc: number): number {
  return argAx(f.code[pc + 1] ?? 0);
}

/** luac's comment for instruction `i` at `pc` (empty when none). */
function comment(f: Proto, pc: number, i: number, ids: Map<Proto, number>): string {
  const a = argA(i), b = argB(i), c = argC(i), k = argk(i);
  const K = (n: number): string => constantText(f.k[n]);
  switch (opcode(i)) {
    case Op.LOADK: return K(argBx(i));
    case Op.LOADKX: return K(extraArg(f, pc));
    case Op.LOADNIL: return `${b + 1} out`;
    case Op.GETUPVAL: case Op.SETUPVAL: return upvalName(f, b);
    case Op.GETTABUP: return `${upvalName(f, b)} ${K(c)}`;
    case Op.GETFIELD: return K(c);
    case Op.SETTABUP: return `${upvalName(f, a)} ${K(b)}${k ? ' ' + K(c) : ''}`;
    case Op.SETTABLE: case Op.SETI: case Op.SELF: return k ? K(c) : '';
    case Op.SETFIELD: return `${K(b)}${k ? ' ' + K(c) : ''}`;
    case Op.NEWTABLE: return String(c + extraArg(f, pc) * (MAXARG_C + 1));
    case Op.ADDK: case Op.SUBK: case Op.MULK: case Op.MODK: case Op.POWK: case Op.DIVK: case Op.IDIVK:
    case Op.BANDK: case Op.BORK: case Op.BXORK:
      return K(c);
    case Op.MMBIN: return EVENT_NAMES[c];
    case Op.MMBINI: return EVENT_NAMES[c] + (k ? ' flip' : '');
    case Op.MMBINK: return `${EVENT_NAMES[c]} ${K(b)}${k ? ' flip' : ''}`;
    case Op.JMP: return `to ${argsJ(i) + pc + 2}`;
    case Op.EQK: return K(b);
    case Op.CALL: return `${b === 0 ? 'all' : b - 1} in ${c === 0 ? 'all' : c - 1} out`;
    case Op.TAILCALL: return `${b - 1} in`;
    case Op.RETURN: return `${b === 0 ? 'all' : b - 1} out`;
    case Op.FORLOOP: case Op.TFORLOOP: return `to ${pc - argBx(i) + 2}`;
    case Op.FORPREP: return `exit to ${pc + argBx(i) + 3}`;
    case Op.TFORPREP: return `to ${pc + argBx(i) + 2}`;
    case Op.SETLIST: return k ? String(c + extraArg(f, pc) * (MAXARG_C + 1)) : '';
    case Op.CLOSURE: return addr(ids, f.p[argBx(i)]);
    case Op.VARARG: return c === 0 ? 'all out' : `${c - 1} out`;
    default: return '';
  }
}

function printDebug(f: Proto, ids: Map<Proto, number>, out: string[]): void {
  const id = addr(ids, f);
  out.push(`constants (${f.k.length}) for ${id}:\n`);
  f.k.forEach((v, i) => out.push(`\t${i}\t${constantType(v)}\t${constantText(v)}\n`));
  out.push(`locals (${f.locvars.length}) for ${id}:\n`);
  f.locvars.forEach((v, i) => out.push(`\t${i}\t${v.name}\t${v.startpc + 1}\t${v.endpc + 1}\n`));
  out.push(`upvalues (${f.upvalues.length}) for ${id}:\n`);
  f.upvalues.forEach((u, i) => out.push(`\t${i}\t${u.name ?? '-'}\t${u.instack ? 1 : 0}\t${u.idx}\n`));
}

function constantType(v: LuaValue): string {
  if (v === undefined) return 'N';
  if (typeof v === 'boolean') return 'B';
  if (typeof v === 'string') return 'S';
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return 'I';
  if (typeof v === 'number' || v instanceof LFloat) return 'F';
  return '?';
}

/** A constant as luac prints it: floats with %.14g (and ".0" when they look integral), quoted strings. */
export function constantText(v: LuaValue): string {
  if (v === undefined) return 'nil';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return quoteString(v);
  if (typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v))) return String(v);
  if (typeof v === 'number' || v instanceof LFloat) return floatToString(typeof v === 'number' ? v : v.n);
  return '?';
}

const ESCAPES: Record<string, string> = {
  '"': '\\"', '\\': '\\\\', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t',
  '\v': '\\v',
};

function quoteString(s: string): string {
  let r = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    const esc = ESCAPES[ch];
    if (esc !== undefined) r += esc;
    else if (c >= 32 && c < 127) r += ch;
    else r += '\\' + String(c).padStart(3, '0');
  }
  return r + '"';
}
