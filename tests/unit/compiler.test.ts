// Unit tests of the compiler (src/compiler): bytecode identical to luac5.4's (embedded expectations recorded
// from luac5.4, plus live comparisons when luac5.4/lua5.4 are installed), binary chunks that lua5.4 runs with
// the same results as the source, PUC-exact compile errors (including the resolver's own checks on trees the
// parser would have rejected), constant folding, line attribution and compile speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '../../src/syntax/parser.js';
import { compile, disassemble, dump } from '../../src/compiler/index.js';
import { encodeLines } from '../../src/compiler/dump.js';
import { operands } from '../../src/compiler/disasm.js';
import { Op, OPS, ABCk, opcode } from '../../src/compiler/opcodes.js';
import { Proto } from '../../src/compiler/proto.js';
import type { Chunk, Stat, Expr, Block } from '../../src/syntax/ast.js';
import { LuaError } from '../../src/runtime/errors.js';
import { LFloat } from '../../src/runtime/value.js';

// ---------------------------------------------------------------- helpers

function compileSrc(src: string, name = '@t.lua'): Proto {
  return compile(parse(src, name));
}

function errorOf(src: string, name = '@t.lua'): string {
  try {
    compileSrc(src, name);
  } catch (e) {
    assert.ok(e instanceof LuaError, `not a LuaError: ${e}`);
    return e.value as string;
  }
  return 'OK';
}

function compileErrorOf(chunk: Chunk): string {
  try {
    compile(chunk);
  } catch (e) {
    assert.ok(e instanceof LuaError, `not a LuaError: ${e}`);
    return e.value as string;
  }
  return 'OK';
}

/** Disassembly listing without the debug tables: "OPNAME operands" per instruction, for compact checks. */
function ops(p: Proto): string[] {
  return Array.from(p.code, (i) => `${OPS[opcode(i)].name} ${operands(i)}`.trim());
}

function has(cmd: string): boolean {
  return spawnSync(cmd, ['-v'], { encoding: 'latin1' }).status === 0;
}
const HAVE_LUAC = has('luac5.4');
const HAVE_LUA = has('lua5.4');
const TESTES = '/work/lua-5.4.4/testes';
const tmp = mkdtempSync(join(tmpdir(), 'moonrise-compiler-'));

/** Replaces luac's real addresses by preorder numbers, as our disassembler prints them. */
function normAddresses(s: string): string {
  const ids = new Map<string, string>();
  return s.replace(/0x[0-9a-f]+/g, (m) => {
    if (!ids.has(m)) ids.set(m, '0x' + (ids.size + 1).toString(16).padStart(8, '0'));
    return ids.get(m)!;
  });
}

function luacListing(src: string, file = 'snippet.lua'): string {
  writeFileSync(join(tmp, file), src, 'latin1');
  const r = spawnSync('luac5.4', ['-l', '-l', '-o', '/dev/null', file], { cwd: tmp, encoding: 'latin1' });
  assert.equal(r.status, 0, r.stderr);
  return normAddresses(r.stdout);
}

function runLua(args: string[], cwd = tmp): string {
  const r = spawnSync('lua5.4', args, { cwd, encoding: 'latin1', timeout: 60000 });
  return `${r.stdout}\n--stderr--\n${r.stderr}\n--status ${r.status}`;
}

// ---------------------------------------------------------------- listings recorded from luac5.4

const D1_SRC = `local a, b = ...
local t = {1, 2, x = a, [b] = 3, ...}
if a < 10 and b ~= "s" then t.y = a + 1 elseif not a then t[1] = a // 0.5 else return end
for i = 1, 3 do a = a .. i end
for k, v in pairs(t) do print(k, v) end
local function f(x, ...) return x, ... end
return f(a - 1, 2.5, t:m(b))
`;

const D1_LISTING = `
main <d1.lua:0,0> (56 instructions at 0x00000001)
0+ params, 12 slots, 1 upvalue, 14 locals, 9 constants, 1 function
\t1\t[1]\tVARARGPREP\t0
\t2\t[1]\tVARARG   \t0 3\t; 2 out
\t3\t[2]\tNEWTABLE \t2 2 2\t; 2
\t4\t[2]\tEXTRAARG \t0
\t5\t[2]\tLOADI    \t3 1
\t6\t[2]\tLOADI    \t4 2
\t7\t[2]\tSETFIELD \t2 0 0\t; "x"
\t8\t[2]\tSETTABLE \t2 1 1k\t; 3
\t9\t[2]\tVARARG   \t5 0\t; all out
\t10\t[2]\tSETLIST  \t2 0 0
\t11\t[3]\tLTI      \t0 10 0
\t12\t[3]\tJMP      \t6\t; to 19
\t13\t[3]\tEQK      \t1 2 1\t; "s"
\t14\t[3]\tJMP      \t4\t; to 19
\t15\t[3]\tADDI     \t3 0 1
\t16\t[3]\tMMBINI   \t0 1 6 0\t; __add
\t17\t[3]\tSETFIELD \t2 3 3\t; "y"
\t18\t[3]\tJMP      \t7\t; to 26
\t19\t[3]\tTEST     \t0 1
\t20\t[3]\tJMP      \t4\t; to 25
\t21\t[3]\tIDIVK    \t3 0 4\t; 0.5
\t22\t[3]\tMMBINK   \t0 4 12 0\t; __idiv 0.5
\t23\t[3]\tSETI     \t2 1 3
\t24\t[3]\tJMP      \t1\t; to 26
\t25\t[3]\tRETURN   \t3 1 1k\t; 0 out
\t26\t[4]\tLOADI    \t3 1
\t27\t[4]\tLOADI    \t4 3
\t28\t[4]\tLOADI    \t5 1
\t29\t[4]\tFORPREP  \t3 4\t; exit to 35
\t30\t[4]\tMOVE     \t7 0
\t31\t[4]\tMOVE     \t8 6
\t32\t[4]\tCONCAT   \t7 2
\t33\t[4]\tMOVE     \t0 7
\t34\t[4]\tFORLOOP  \t3 5\t; to 30
\t35\t[5]\tGETTABUP \t3 0 5\t; _ENV "pairs"
\t36\t[5]\tMOVE     \t4 2
\t37\t[5]\tCALL     \t3 2 5\t; 1 in 4 out
\t38\t[5]\tTFORPREP \t3 4\t; to 43
\t39\t[5]\tGETTABUP \t9 0 6\t; _ENV "print"
\t40\t[5]\tMOVE     \t10 7
\t41\t[5]\tMOVE     \t11 8
\t42\t[5]\tCALL     \t9 3 1\t; 2 in 0 out
\t43\t[5]\tTFORCALL \t3 2
\t44\t[5]\tTFORLOOP \t3 6\t; to 39
\t45\t[5]\tCLOSE    \t3
\t46\t[6]\tCLOSURE  \t3 0\t; 0x00000002
\t47\t[7]\tMOVE     \t4 3
\t48\t[7]\tADDI     \t5 0 -1
\t49\t[7]\tMMBINI   \t0 1 7 0\t; __sub
\t50\t[7]\tLOADK    \t6 7\t; 2.5
\t51\t[7]\tSELF     \t7 2 8k\t; "m"
\t52\t[7]\tMOVE     \t9 1
\t53\t[7]\tCALL     \t7 3 0\t; 2 in all out
\t54\t[7]\tTAILCALL \t4 0 1k\t; -1 in
\t55\t[7]\tRETURN   \t4 0 1k\t; all out
\t56\t[7]\tRETURN   \t4 1 1k\t; 0 out
constants (9) for 0x00000001:
\t0\tS\t"x"
\t1\tI\t3
\t2\tS\t"s"
\t3\tS\t"y"
\t4\tF\t0.5
\t5\tS\t"pairs"
\t6\tS\t"print"
\t7\tF\t2.5
\t8\tS\t"m"
locals (14) for 0x00000001:
\t0\ta\t3\t57
\t1\tb\t3\t57
\t2\tt\t11\t57
\t3\t(for state)\t29\t35
\t4\t(for state)\t29\t35
\t5\t(for state)\t29\t35
\t6\ti\t30\t34
\t7\t(for state)\t38\t46
\t8\t(for state)\t38\t46
\t9\t(for state)\t38\t46
\t10\t(for state)\t38\t46
\t11\tk\t39\t43
\t12\tv\t39\t43
\t13\tf\t47\t57
upvalues (1) for 0x00000001:
\t0\t_ENV\t1\t0

function <d1.lua:6,6> (5 instructions at 0x00000002)
1+ param, 3 slots, 0 upvalues, 1 local, 0 constants, 0 functions
\t1\t[6]\tVARARGPREP\t1
\t2\t[6]\tMOVE     \t1 0
\t3\t[6]\tVARARG   \t2 0\t; all out
\t4\t[6]\tRETURN   \t1 0 2\t; all out
\t5\t[6]\tRETURN   \t1 1 2\t; 0 out
constants (0) for 0x00000002:
locals (1) for 0x00000002:
\t0\tx\t1\t6
upvalues (0) for 0x00000002:
`;

test('disassembly equals luac5.4 -l -l (recorded)', () => {
  assert.equal(disassemble(compileSrc(D1_SRC, '@d1.lua')), D1_LISTING);
});

test('recorded listing is still what luac5.4 prints', { skip: !HAVE_LUAC }, () => {
  assert.equal(luacListing(D1_SRC, 'd1.lua'), D1_LISTING);
});

// ---------------------------------------------------------------- code shapes (recorded from luac5.4)

test('main function: VARARGPREP, _ENV upvalue, final RETURN', () => {
  const p = compileSrc('');
  assert.deepEqual(ops(p), ['VARARGPREP 0', 'RETURN 0 1 1']);
  assert.equal(p.isVararg, true);
  assert.deepEqual(p.upvalues, [{ name: '_ENV', instack: true, idx: 0, kind: 0 }]);
  assert.equal(p.source, '@t.lua');
  assert.equal(p.maxstacksize, 2);
});

// [source, instructions as luac5.4 -l lists them] (recorded from luac5.4)
const CODE_SHAPES: [string, string[]][] = [
    ['local x = 1 + 2 * 3', ['VARARGPREP 0', 'LOADI 0 7', 'RETURN 1 1 1']],
    ['local x = 7 // 2', ['VARARGPREP 0', 'LOADI 0 3', 'RETURN 1 1 1']],
    ['local x = -7 // 2', ['VARARGPREP 0', 'LOADI 0 -4', 'RETURN 1 1 1']],
    ['local x = -7 % 3', ['VARARGPREP 0', 'LOADI 0 2', 'RETURN 1 1 1']],
    ['local x = -4 % -5.0', ['VARARGPREP 0', 'LOADF 0 -4', 'RETURN 1 1 1']],
    ['local x = 7 / 2', ['VARARGPREP 0', 'LOADK 0 0', 'RETURN 1 1 1']],
    ['local x = 2^10', ['VARARGPREP 0', 'LOADF 0 1024', 'RETURN 1 1 1']],
    ['local x = 1 << 63', ['VARARGPREP 0', 'LOADK 0 0', 'RETURN 1 1 1']],
    ['local x = 1 << 64', ['VARARGPREP 0', 'LOADI 0 0', 'RETURN 1 1 1']],
    ['local x = 0x7fffffffffffffff + 1', ['VARARGPREP 0', 'LOADK 0 0', 'RETURN 1 1 1']],
    ['local x = 3 & 1.0', ['VARARGPREP 0', 'LOADI 0 1', 'RETURN 1 1 1']],
    ['local x = 1 // 0', ['VARARGPREP 0', 'LOADI 0 1', 'IDIVK 0 0 0', 'MMBINK 0 0 12 0', 'RETURN 1 1 1']],
    ['local x = 3 | 1.5', ['VARARGPREP 0', 'LOADK 0 1', 'BORK 0 0 0', 'MMBINK 0 0 14 1', 'RETURN 1 1 1']],
    ['local x = -0.0', ['VARARGPREP 0', 'LOADF 0 0', 'UNM 0 0', 'RETURN 1 1 1']],
    ['local x = 0.0 * -1', ['VARARGPREP 0', 'LOADI 0 -1', 'MULK 0 0 0', 'MMBINK 0 0 8 1', 'RETURN 1 1 1']],
    ['local a = ...; local x = a + 1', ['VARARGPREP 0', 'VARARG 0 2', 'ADDI 1 0 1', 'MMBINI 0 1 6 0', 'RETURN 2 1 1']],
    ['local a = ...; local x = 1 + a', ['VARARGPREP 0', 'VARARG 0 2', 'ADDI 1 0 1', 'MMBINI 0 1 6 1', 'RETURN 2 1 1']],
    ['local a = ...; local x = a - 1', ['VARARGPREP 0', 'VARARG 0 2', 'ADDI 1 0 -1', 'MMBINI 0 1 7 0', 'RETURN 2 1 1']],
    ['local a = ...; local x = a + 200', ['VARARGPREP 0', 'VARARG 0 2', 'ADDK 1 0 0', 'MMBINK 0 0 6 0', 'RETURN 2 1 1']],
    ['local a = ...; local x = a * 2.5', ['VARARGPREP 0', 'VARARG 0 2', 'MULK 1 0 0', 'MMBINK 0 0 8 0', 'RETURN 2 1 1']],
    ['local a = ...; local x = a >> 3', ['VARARGPREP 0', 'VARARG 0 2', 'SHRI 1 0 3', 'MMBINI 0 3 17 0', 'RETURN 2 1 1']],
    ['local a = ...; local x = a << 3', ['VARARGPREP 0', 'VARARG 0 2', 'SHRI 1 0 -3', 'MMBINI 0 3 16 0', 'RETURN 2 1 1']],
    ['local a = ...; local x = 3 << a', ['VARARGPREP 0', 'VARARG 0 2', 'SHLI 1 0 3', 'MMBINI 0 3 16 1', 'RETURN 2 1 1']],
    ['local a = ...; local x = 5 & a', ['VARARGPREP 0', 'VARARG 0 2', 'BANDK 1 0 0', 'MMBINK 0 0 13 1', 'RETURN 2 1 1']],
    ['local a = ...; local x = a .. "x" .. a', ['VARARGPREP 0', 'VARARG 0 2', 'MOVE 1 0', 'LOADK 2 0', 'MOVE 3 0', 'CONCAT 1 3', 'RETURN 2 1 1']],
    ['local a = ...; local x = a == 1', ['VARARGPREP 0', 'VARARG 0 2', 'EQI 0 1 1', 'JMP 1', 'LFALSESKIP 1', 'LOADTRUE 1', 'RETURN 2 1 1']],
    ['local a = ...; local x = a < 1.0', ['VARARGPREP 0', 'VARARG 0 2', 'LTI 0 1 1', 'JMP 1', 'LFALSESKIP 1', 'LOADTRUE 1', 'RETURN 2 1 1']],
    ['local a = ...; local x = 1 < a', ['VARARGPREP 0', 'VARARG 0 2', 'GTI 0 1 1', 'JMP 1', 'LFALSESKIP 1', 'LOADTRUE 1', 'RETURN 2 1 1']],
    ['local a = ...; local x = a ~= "s"', ['VARARGPREP 0', 'VARARG 0 2', 'EQK 0 0 0', 'JMP 1', 'LFALSESKIP 1', 'LOADTRUE 1', 'RETURN 2 1 1']],
    ['local a = ...; local x = a and 1 or 2', ['VARARGPREP 0', 'VARARG 0 2', 'TEST 0 0', 'JMP 3', 'LOADI 1 1', 'TEST 1 1', 'JMP 1', 'LOADI 1 2', 'RETURN 2 1 1']],
    ['local a = ...; local x = a or a', ['VARARGPREP 0', 'VARARG 0 2', 'TESTSET 1 0 1', 'JMP 1', 'MOVE 1 0', 'RETURN 2 1 1']],
    ['local a = ...; local x = not a', ['VARARGPREP 0', 'VARARG 0 2', 'NOT 1 0', 'RETURN 2 1 1']],
    ['local a = ...; local x = #a + -a + ~a', ['VARARGPREP 0', 'VARARG 0 2', 'LEN 1 0', 'UNM 2 0', 'ADD 1 1 2', 'MMBIN 1 2 6', 'BNOT 2 0', 'ADD 1 1 2', 'MMBIN 1 2 6', 'RETURN 2 1 1']],
    ['local k <const> = 10; local s <const> = "x"; local v = k * 2 .. s', ['VARARGPREP 0', 'LOADI 0 20', 'LOADK 1 0', 'CONCAT 0 2', 'RETURN 1 1 1']],
    ['local a = ...; a.b, a[1], a[a] = a, 1.5, "s"', ['VARARGPREP 0', 'VARARG 0 2', 'MOVE 1 0', 'LOADK 2 1', 'SETTABLE 0 0 2k', 'SETI 0 1 2', 'SETFIELD 0 0 1', 'RETURN 1 1 1']],
    ['local a = ...; if a then return 1 end return a(1, ...)', ['VARARGPREP 0', 'VARARG 0 2', 'TEST 0 0', 'JMP 2', 'LOADI 1 1', 'RETURN 1 2 1', 'MOVE 1 0', 'LOADI 2 1', 'VARARG 3 0', 'TAILCALL 1 0 1', 'RETURN 1 0 1', 'RETURN 1 1 1']],
    ['local a = ...; do local b <close> = a; return a(b) end', ['VARARGPREP 0', 'VARARG 0 2', 'MOVE 1 0', 'TBC 1', 'MOVE 2 0', 'MOVE 3 1', 'CALL 2 2 0', 'RETURN 2 0 1k', 'CLOSE 1', 'RETURN 1 1 1k']],
];

test('code shapes: folding, immediate and K operands, conditions, returns (recorded from luac5.4)', () => {
  for (const [src, expected] of CODE_SHAPES) assert.deepEqual(ops(compileSrc(src)), expected, src);
});

test('constant folding keeps Lua number kinds', () => {
  const k = (src: string) => compileSrc('local x = ' + src).k;
  assert.deepEqual(k('7 / 2'), [3.5]);
  assert.deepEqual(k('1 << 63'), [-9223372036854775808n]);
  assert.deepEqual(k('0x7fffffffffffffff + 1'), [-9223372036854775808n]);
  const big = k('2^63');
  assert.ok(big[0] instanceof LFloat && big[0].n === 2 ** 63);
});

test('table constructors: size hints, SETLIST batches, EXTRAARG', () => {
  const items = Array.from({ length: 120 }, (_, i) => String(i)).join(',');
  const code = ops(compileSrc(`local t = {${items}, x = 1, ...}`));
  assert.equal(code[1], 'NEWTABLE 0 1 120');
  assert.equal(code[2], 'EXTRAARG 0');
  assert.deepEqual(code.filter((s) => s.startsWith('SETLIST')), ['SETLIST 0 50 0', 'SETLIST 0 50 50', 'SETLIST 0 0 100']);
  const many = Array.from({ length: 300 }, () => '1').join(',');
  const c2 = ops(compileSrc(`local t = {${many}}`));
  assert.equal(c2[1], 'NEWTABLE 0 0 44 1'.replace(' 1', '')); // 300 = 1*256 + 44, k flag shown by EXTRAARG
  assert.equal(c2[2], 'EXTRAARG 1');
  assert.deepEqual(c2.filter((s) => s.startsWith('SETLIST')).slice(-1), ['SETLIST 0 50 250']);
});

test('upvalues: instack/idx, kinds of <const> and <close> variables, CLOSE on block exit', () => {
  const p = compileSrc(`
local x <const> = {}
local y <close> = nil
local z = 1
local function f() return function() return x, y, z end end
do local w = 1; g = function() return w end end
`);
  const f = p.p[0];
  assert.deepEqual(f.upvalues.map((u) => [u.name, u.instack, u.idx, u.kind]), [
    ['x', true, 0, 1], ['y', true, 1, 2], ['z', true, 2, 0],
  ]);
  assert.deepEqual(f.p[0].upvalues.map((u) => [u.name, u.instack, u.idx, u.kind]), [
    ['x', false, 0, 1], ['y', false, 1, 2], ['z', false, 2, 0],
  ]);
  assert.ok(ops(p).includes('TBC 1'));
  assert.ok(ops(p).includes('CLOSE 4'));
});

test('compile-time constants take no register and fold', () => {
  const p = compileSrc('local k <const> = 10\nlocal s <const> = "x"\nlocal v = k * 2 .. s');
  assert.deepEqual(ops(p).slice(1, -1), ['LOADI 0 20', 'LOADK 1 0', 'CONCAT 0 2']);
  assert.deepEqual(p.locvars.map((l) => l.name), ['v']);
});

test('constants shared across functions are duplicated exactly as luac does', () => {
  const p = compileSrc('print(1)\nlocal function f() local a = "x"; print(2) end\nprint(3)');
  assert.deepEqual(p.k, ['print', 'print']);
  assert.deepEqual(p.p[0].k, ['x', 'print']);
});

test('lines, locals, linedefined and lastlinedefined', () => {
  const p = compileSrc('local t = {}\nt\n.x\n(\n1)\nlocal y = a\n+\nb\n');
  assert.deepEqual(Array.from(p.lineinfo), [1, 1, 1, 3, 5, 2, 7, 8, 7, 7, 8]);
  const q = compileSrc('local a\n\nfunction g(x,\n y)\n  return x\nend\n');
  assert.equal(q.p[0].linedefined, 3);
  assert.equal(q.p[0].lastlinedefined, 6);
  assert.equal(q.p[0].numparams, 2);
  assert.deepEqual(q.p[0].locvars, [{ name: 'x', startpc: 0, endpc: 2 }, { name: 'y', startpc: 0, endpc: 2 }]);
  assert.deepEqual(q.locvars, [{ name: 'a', startpc: 2, endpc: 5 }]);
});

test('closing-token lines are used when the tree records them (endLine)', () => {
  // `print(\n  t.x.y\n)`: PUC-Lua loads t.x.y's last field once ')' is read, so errors name line 3
  const chunk = parse('local t = {}\nprint(\n  t.x.y\n)\n', '@t.lua');
  const call = (chunk.body.stats[1] as Stat & { kind: 'CallStat' }).call as Expr & { endLine?: number };
  call.endLine = 3;
  const p = compile(chunk);
  const getfield = p.code.findLastIndex((i) => opcode(i) === Op.GETFIELD);
  assert.equal(p.lineinfo[getfield], 3);
});

test('stripped line encoding: relative deltas with absolute entries as lcode.c', () => {
  const p = new Proto();
  p.linedefined = 0;
  p.lineinfo = Int32Array.from([1, 1, 200, 201, ...Array.from({ length: 200 }, () => 201), 10]);
  const { rel, abs } = encodeLines(p);
  assert.equal(rel[0], 1);
  assert.equal(rel[2], -0x80);
  assert.deepEqual(abs[0], { pc: 2, line: 200 });
  assert.equal(rel[3], 1);
  // at most 128 instructions without an absolute entry
  assert.deepEqual(abs[1], { pc: 130, line: 201 });
  assert.equal(abs[abs.length - 1].line, 10);
});

test('binary chunk header and layout', () => {
  const s = dump(compileSrc('return 1'), false);
  const bytes = Array.from(s, (c) => c.charCodeAt(0));
  assert.equal(s.slice(0, 4), '\x1bLua');
  assert.deepEqual(bytes.slice(4, 12), [0x54, 0, 0x19, 0x93, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual(bytes.slice(12, 15), [4, 8, 8]);
  assert.deepEqual(bytes.slice(15, 23), [0x78, 0x56, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(bytes.slice(23, 31), [0, 0, 0, 0, 0, 0x28, 0x77, 0x40]); // 370.5
  assert.equal(bytes[31], 1); // main has one upvalue
  assert.equal(bytes[32], 0x80 + 7); // source "@t.lua": size 6 + 1
  const stripped = dump(compileSrc('return 1'), true);
  assert.ok(stripped.length < s.length);
  assert.equal(stripped.charCodeAt(32), 0x80); // no source
  assert.ok(bytes.every((b) => b >= 0 && b < 256));
});

test('binary chunks load and run in lua5.4 like the source', { skip: !HAVE_LUA }, () => {
  const programs = [
    D1_SRC.replace('return f(', 'print(f(').replace(/\)\)\n$/, ')))\n'),
    'local t = setmetatable({}, {__index = function(t, k) return k * 2 end})\nprint(t[21], #"abc", 7 // 2, 7.0 // 2, 2^53, -0.0, 1e300 * 1e10, math.pi)',
    'local s = 0\nfor i = 1, 100 do if i % 3 == 0 then goto cont end s = s + i ::cont:: end\nprint(s)',
    'local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end\nprint(fib(20))',
    'local acc = {}\nfor i = 1, 3 do acc[i] = function() return i end end\nprint(acc[1](), acc[2](), acc[3]())',
    'do local x <close> = setmetatable({}, {__close = function() print("closed") end}) print("in") end print("out")',
    'print(pcall(function() local a; return a.b end))\nprint(pcall(function() return 1 < "x" end))',
    'local t = {}\nfor i = 1, 300 do t[i] = i end\nprint(#t, select("#", table.unpack(t)))\nlocal u = {table.unpack(t)}\nprint(#u)',
    "print(string.format('%q', 'a\\0b\\200'), 'long string constant that is longer than forty characters', 0x7fffffffffffffff, math.mininteger, 3 % -2, -3 % 2.5)",
    'local a, b, c = (function() return 1, 2, 3 end)()\nlocal x, y = ...\nprint(a, b, c, x, y, select("#", ...))',
  ];
  programs.forEach((src, i) => {
    const file = `run${i}.lua`;
    writeFileSync(join(tmp, file), src, 'latin1');
    writeFileSync(join(tmp, file + 'c'), Buffer.from(dump(compileSrc(src, '@' + file), false), 'latin1'));
    assert.equal(runLua([file + 'c']), runLua([file]), `program ${i}`);
    // stripped chunks: same results (messages lose names and positions, so compare stdout only)
    writeFileSync(join(tmp, file + 's'), Buffer.from(dump(compileSrc(src, '@' + file), true), 'latin1'));
    const stdout = (s: string) => s.slice(0, s.indexOf('\n--stderr--')).replace(/\t[^\n]*(value|index|compare)[^\n]*/g, '');
    assert.equal(stdout(runLua([file + 's'])), stdout(runLua([file])), `stripped ${i}`);
  });
});

test('runtime error positions through binary chunks', { skip: !HAVE_LUA }, () => {
  const src = 'local t = {}\nlocal v = 1 +\n  2 +\n  t.missing.field\n';
  writeFileSync(join(tmp, 'pos.lua'), src);
  writeFileSync(join(tmp, 'pos.luac'), Buffer.from(dump(compileSrc(src, '@pos.lua'), false), 'latin1'));
  assert.equal(runLua(['pos.luac']), runLua(['pos.lua']));
});

// ---------------------------------------------------------------- live comparisons with luac5.4

const SNIPPETS = [
  'local a, b = {}, 1\na, a.x = 1, 2\nb, a[b] = 3, 4',
  'local function up()\n  local c = 1\n  return function()\n    local d = 2\n    return function() c, c.x = 1, 2; d, d[c] = 3, 4; return c + d end\n  end\nend',
  'for i = 1, 3 do\n  for j = 1, 3 do\n    if j == 2 then goto continue end\n    local q = function() return i + j end\n    print(q())\n    ::continue::\n  end\nend',
  'do\n  local x = 1\n  ::top::\n  local y = function() return x end\n  x = x + 1\n  if x < 3 then goto top end\nend',
  'repeat\n  local z = 1\n  local fz = function() return z end\nuntil z > 0 and fz()',
  'local b\nwhile true do\n  if b then break else print("no") end\n  local w = 1\n  if w then break end\n  print(function() return w end)\nend',
  'local a, b\nlocal r1 = a == nil, nil == a, 1 == b, b == 1, "x" == b, b ~= "x", true == b, b < 1.0, 1.0 <= b, b > 2, 2 > b',
  'local b = ...\nlocal r2 = b + 1.0, 1.0 + b, b - 1, b - 1.5, b * 1.0, b + 200, b + 127, b - 128, b - (-127), b << 1, b >> -1',
  'local a, b\nlocal r3 = (a and b) or (a or b) and not (a and not b)\nif (a or b) and (b or a) then print(1) end\nif a and b then elseif not a then end',
  'print(1 + 0x7fffffffffffffff, math.mininteger // -1, 9007199254740993, -9223372036854775808, - - 3, 2^63, -(2^63), 1e300 * 1e10, 3 % math.huge)',
  'local s = "abc" print(s:upper(), s:rep(3, ","), ("x"):len())\nlocal t = {s:byte(1, -1)}',
  'local tc\ndo\n  local x <close> = setmetatable({}, {__close = function() end})\n  tc = function() return print(x) end\n  return tc()\nend',
  'local e <const> = {}\nlocal f <const> = 1 + 2 * 3\nlocal g <const> = "a" .. "b"\nlocal h <const> = f * 2\nprint(e, f, g, h, -f, f // 0, f / 0)',
  'local t = {}\nt.x.y = 1; t[1] = 2; t["long string key that is longer than forty chars"] = 4; t[1.5] = 3; t[-1] = 1; t[256] = 0',
  'local a = {f(), g()}\nlocal b = {f(), (g())}\nlocal c = {...}\nlocal function v(...) local x, y = ...; return select("#", ...), ... end',
  'goto a\n::b:: do return end\n::a:: goto b',
  'local x = 1\nlocal function f() x = x + 1 end\nlocal function g() return f, x end\nx = nil',
  'function a.b.c:m(x, ...) return self.x, ... end\nfunction q(...) local t = {...} return #t end',
  'local a = 2^53 local b = 9.2233720368547748e18 local c = 2^63 local d = 1.0 local e = 0.0 local f = -0.0 local g = 2^53 + 1',
  'if x then elseif y then else end\nwhile x do end\nrepeat until y\nfor i = 1, 0 do end\nfor k in x do end',
];

test('snippets compile exactly as luac5.4', { skip: !HAVE_LUAC }, () => {
  SNIPPETS.forEach((src, i) => {
    const file = `snip${i}.lua`;
    assert.equal(normAddresses(disassemble(compileSrc(src, '@' + file))), luacListing(src, file), `snippet ${i}:\n${src}`);
  });
});

const TESTES_SAME = ['api', 'big', 'bitwise', 'calls', 'closure', 'code', 'events', 'gc', 'goto', 'literals',
  'locals', 'nextvar', 'pm', 'sort', 'strings', 'tpack', 'utf8', 'cstack', 'heavy', 'gengc', 'tracegc'];

test('official test files compile exactly as luac5.4', { skip: !HAVE_LUAC || !existsSync(TESTES) }, () => {
  for (const name of TESTES_SAME) {
    const r = spawnSync('luac5.4', ['-l', '-l', '-o', '/dev/null', name + '.lua'], { cwd: TESTES, encoding: 'latin1', maxBuffer: 1 << 28 });
    const src = spawnSync('cat', [name + '.lua'], { cwd: TESTES, encoding: 'latin1', maxBuffer: 1 << 28 }).stdout;
    const ours = disassemble(compileSrc(src.startsWith('#') ? src.replace(/^[^\n]*/, '') : src, `@${name}.lua`));
    // luac numbers functions in order of appearance, we in preorder: renumber both the same way
    assert.ok(normAddresses(ours) === normAddresses(r.stdout), name);
  }
});

const TESTES_RUN = ['constructs', 'locals', 'goto', 'closure', 'vararg', 'nextvar', 'events', 'calls', 'strings',
  'tpack', 'utf8', 'bitwise', 'pm', 'code', 'attrib', 'api', 'errors', 'db', 'coroutine', 'gc', 'big', 'cstack'];

test('official test files run identically through dump + lua5.4', { skip: !HAVE_LUA || !existsSync(TESTES) }, () => {
  for (const name of TESTES_RUN) {
    const file = name + '.lua';
    const src = spawnSync('cat', [file], { cwd: TESTES, encoding: 'latin1', maxBuffer: 1 << 28 }).stdout;
    const out = join(tmp, name + '.luac');
    writeFileSync(out, Buffer.from(dump(compileSrc(src.startsWith('#') ? src.replace(/^[^\n]*/, '') : src, '@' + file), false), 'latin1'));
    const pre = ['-e', '_port=true _soft=true'];
    let theirs = runLua([...pre, file], TESTES);
    let ours = runLua([...pre, out], TESTES).split(out).join(file);
    if (name === 'constructs') { // prints a random choice
      theirs = theirs.replace(/optimizations \(\d\)/, '');
      ours = ours.replace(/optimizations \(\d\)/, '');
    }
    assert.equal(ours, theirs, name);
  }
});

// ---------------------------------------------------------------- compile errors

test('compile errors as lua5.4 reports them', () => {
  const cases: [string, string][] = [
    ['goto l1', 't.lua:1: no visible label \'l1\' for <goto> at line 1'],
    ['do goto l1; local x; ::l1:: print(x) end', "t.lua:1: <goto l1> at line 1 jumps into the scope of local 'x'"],
    ['break', 't.lua:1: break outside loop at line 1'],
    ['local x <const> = 1; x = 2', "t.lua:1: attempt to assign to const variable 'x'"],
    ['local x <close>, y <close> = 1, 2', 't.lua:1: multiple to-be-closed variables in local list'],
    ['::a:: ::a::', "t.lua:1: label 'a' already defined on line 1"],
    ['local function f()\n goto out\nend\nprint(1)\n', "t.lua:4: no visible label 'out' for <goto> at line 2"],
    ['local a = f(x' + ',x'.repeat(260) + ')', "t.lua:1: function or expression needs too many registers near 'x'"],
    ['local ' + Array.from({ length: 201 }, (_, i) => 'a' + i).join(','), 't.lua:1: too many local variables (limit is 200) in main function near <eof>'],
    ['function f(' + Array.from({ length: 201 }, (_, i) => 'a' + i).join(',') + ') end', "t.lua:1: too many local variables (limit is 200) in function at line 1 near ')'"],
  ];
  const up = 'local function outer()\nlocal ' + Array.from({ length: 150 }, (_, i) => 'a' + i).join(',') +
    '\nlocal function mid()\n local ' + Array.from({ length: 150 }, (_, i) => 'b' + i).join(',') +
    '\nreturn function() return ' + [...Array.from({ length: 150 }, (_, i) => 'a' + i), ...Array.from({ length: 150 }, (_, i) => 'b' + i)].join('+') +
    ' end\nend\nend\n';
  cases.push([up, "t.lua:5: too many upvalues (limit is 255) in function at line 5 near '+'"]);
  for (const [src, msg] of cases) assert.equal(errorOf(src), msg, src.slice(0, 60));
  assert.equal(errorOf('goto x', 'goto x'), '[string "goto x"]:1: no visible label \'x\' for <goto> at line 1');
});

// Trees the parser would reject: the resolver's own checks must still report like PUC-Lua.
function chunkOf(stats: Stat[], endLine = 1): Chunk {
  return { body: { stats, line: 1, endLine }, source: '=input', lastLine: endLine };
}
const blk = (stats: Stat[], line = 1, endLine = 1): Block => ({ stats, line, endLine });
const nm = (name: string, line = 1): Expr => ({ kind: 'Name', name, line });

test('resolver errors on hand-built trees', () => {
  assert.equal(compileErrorOf(chunkOf([{ kind: 'Goto', label: 'x', line: 1 }], 3)),
    "input:3: no visible label 'x' for <goto> at line 1");
  assert.equal(compileErrorOf(chunkOf([{ kind: 'Break', line: 2 }], 2)), 'input:2: break outside loop at line 2');
  assert.equal(compileErrorOf(chunkOf([
    { kind: 'Do', line: 1, body: blk([
      { kind: 'Goto', label: 'l', line: 1 },
      { kind: 'Local', names: [{ name: 'v', attrib: undefined, line: 1 }], exprs: [], line: 1 },
      { kind: 'Label', name: 'l', line: 2 },
      { kind: 'CallStat', call: { kind: 'Call', fn: nm('print', 3), args: [nm('v', 3)], line: 3 }, line: 3 },
    ], 1, 4) },
  ], 4)), "input:3: <goto l> at line 1 jumps into the scope of local 'v'");
  assert.equal(compileErrorOf(chunkOf([
    { kind: 'Label', name: 'a', line: 1 },
    { kind: 'Label', name: 'a', line: 2 },
  ], 2)), "input:2: label 'a' already defined on line 2"); // PUC creates a run of labels last to first
  assert.equal(compileErrorOf(chunkOf([
    { kind: 'Local', names: [{ name: 'k', attrib: 'const', line: 1 }], exprs: [{ kind: 'Number', value: 1, line: 1 }], line: 1 },
    { kind: 'Assign', targets: [{ kind: 'Name', name: 'k', line: 2 }], exprs: [{ kind: 'Number', value: 2, line: 2 }], line: 2 },
  ], 2)), "input:2: attempt to assign to const variable 'k'");
  assert.equal(compileErrorOf(chunkOf([
    { kind: 'Local', names: [{ name: 'a', attrib: 'close', line: 1 }, { name: 'b', attrib: 'close', line: 1 }], exprs: [], line: 1 },
  ])), 'input:1: multiple to-be-closed variables in local list');
  const locals = Array.from({ length: 201 }, (_, i) => ({ name: 'v' + i, attrib: undefined, line: 1 }));
  assert.equal(compileErrorOf(chunkOf([{ kind: 'Local', names: locals, exprs: [], line: 1 }], 1)),
    'input:1: too many local variables (limit is 200) in main function near <eof>');
});

// ---------------------------------------------------------------- complexity

// no absolute time bound (a loaded machine can take any time): 4x the statements must cost about 4x, not 16x
test('compiling is linear', () => {
  const gen = (n: number) => 'local t, x = {}, 0\n' + Array.from({ length: n }, (_, i) =>
    `t[${i}] = x + ${i}.5; if x > ${i} then x = x - 1 elseif t.y then t.y = nil end`).join('\n');
  const time = (src: string) => {
    const ast = parse(src, '=speed');
    const t0 = performance.now();
    compile(ast);
    return performance.now() - t0;
  };
  time(gen(2000)); // warm up
  const small = Math.min(time(gen(5000)), time(gen(5000)));
  const large = Math.min(time(gen(20000)), time(gen(20000)));
  assert.ok(large < small * 4 * 3 + 50, `not linear: ${small} ms for 5000, ${large} ms for 20000`);
});

test('deep left-nested expressions do not exhaust the JS stack', () => {
  const src = 'local x = 1' + ' + x'.repeat(50000) + '\nlocal s = t' + ':m()'.repeat(20000);
  const p = compileSrc(src);
  assert.ok(p.code.length > 100000);
});

test('opcode operand decoding follows the opcode table', () => {
  assert.equal(operands(ABCk(Op.SETFIELD, 1, 2, 3, 1)), '1 2 3k');
  assert.equal(operands(ABCk(Op.NEWTABLE, 1, 2, 3, 1)), '1 2 3');
  assert.equal(operands(ABCk(Op.EQ, 1, 2, 0, 1)), '1 2 1');
  assert.equal(operands(ABCk(Op.RETURN0, 0, 1, 0, 0)), '');
});
