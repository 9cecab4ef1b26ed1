/*
 * The instruction set, defined once. Moonrise runs Lua 5.4's own register bytecode (same opcodes, numbering,
 * operand layout and semantics), so that binary chunks from luac5.4 load and run, and `--dump bytecode` reads
 * like `luac -l`. Everything else about instructions is derived from OPCODE_TABLE below: the `Op` enum
 * values, names, operand formats, flags and the disassembler; tests check that they agree.
 *
 * Layout of a 32-bit instruction (bit 0 on the right):
 *   iABC   C(8) | B(8) | k(1) | A(8) | Op(7)
 *   iABx   Bx(17)             | A(8) | Op(7)
 *   iAsBx  sBx(17, excess-K)  | A(8) | Op(7)
 *   iAx    Ax(25)                    | Op(7)
 *   isJ    sJ(25, excess-K)          | Op(7)
 * Instructions live in a Uint32Array; read them with the field helpers, never as objects.
 */

export type OpMode = 'iABC' | 'iABx' | 'iAsBx' | 'iAx' | 'isJ';

/** [name, mode, operands, semantics in Lua notation, flags]. Flags: mm = calls a metamethod (MMBIN*),
 * ot = sets top for the next instruction when C == 0, it = uses top when B == 0, test = next instruction is
 * a jump, setsA = writes register A. Order is the opcode number: never reorder. */
const OPCODE_TABLE: ReadonlyArray<readonly [string, OpMode, string, string, string?]> = [
  ['MOVE', 'iABC', 'A B', 'R[A] := R[B]', 'setsA'],
  ['LOADI', 'iAsBx', 'A sBx', 'R[A] := sBx', 'setsA'],
  ['LOADF', 'iAsBx', 'A sBx', 'R[A] := (lua_Number)sBx', 'setsA'],
  ['LOADK', 'iABx', 'A Bx', 'R[A] := K[Bx]', 'setsA'],
  ['LOADKX', 'iABx', 'A', 'R[A] := K[extra arg]', 'setsA'],
  ['LOADFALSE', 'iABC', 'A', 'R[A] := false', 'setsA'],
  ['LFALSESKIP', 'iABC', 'A', 'R[A] := false; pc++', 'setsA'],
  ['LOADTRUE', 'iABC', 'A', 'R[A] := true', 'setsA'],
  ['LOADNIL', 'iABC', 'A B', 'R[A], R[A+1], ..., R[A+B] := nil', 'setsA'],
  ['GETUPVAL', 'iABC', 'A B', 'R[A] := UpValue[B]', 'setsA'],
  ['SETUPVAL', 'iABC', 'A B', 'UpValue[B] := R[A]'],
  ['GETTABUP', 'iABC', 'A B C', 'R[A] := UpValue[B][K[C]:string]', 'setsA'],
  ['GETTABLE', 'iABC', 'A B C', 'R[A] := R[B][R[C]]', 'setsA'],
  ['GETI', 'iABC', 'A B C', 'R[A] := R[B][C]', 'setsA'],
  ['GETFIELD', 'iABC', 'A B C', 'R[A] := R[B][K[C]:string]', 'setsA'],
  ['SETTABUP', 'iABC', 'A B C', 'UpValue[A][K[B]:string] := RK(C)'],
  ['SETTABLE', 'iABC', 'A B C', 'R[A][R[B]] := RK(C)'],
  ['SETI', 'iABC', 'A B C', 'R[A][B] := RK(C)'],
  ['SETFIELD', 'iABC', 'A B C', 'R[A][K[B]:string] := RK(C)'],
  ['NEWTABLE', 'iABC', 'A B C k', 'R[A] := {}', 'setsA'],
  ['SELF', 'iABC', 'A B C', 'R[A+1] := R[B]; R[A] := R[B][RK(C):string]', 'setsA'],
  ['ADDI', 'iABC', 'A B sC', 'R[A] := R[B] + sC', 'setsA'],
  ['ADDK', 'iABC', 'A B C', 'R[A] := R[B] + K[C]:number', 'setsA'],
  ['SUBK', 'iABC', 'A B C', 'R[A] := R[B] - K[C]:number', 'setsA'],
  ['MULK', 'iABC', 'A B C', 'R[A] := R[B] * K[C]:number', 'setsA'],
  ['MODK', 'iABC', 'A B C', 'R[A] := R[B] % K[C]:number', 'setsA'],
  ['POWK', 'iABC', 'A B C', 'R[A] := R[B] ^ K[C]:number', 'setsA'],
  ['DIVK', 'iABC', 'A B C', 'R[A] := R[B] / K[C]:number', 'setsA'],
  ['IDIVK', 'iABC', 'A B C', 'R[A] := R[B] // K[C]:number', 'setsA'],
  ['BANDK', 'iABC', 'A B C', 'R[A] := R[B] & K[C]:integer', 'setsA'],
  ['BORK', 'iABC', 'A B C', 'R[A] := R[B] | K[C]:integer', 'setsA'],
  ['BXORK', 'iABC', 'A B C', 'R[A] := R[B] ~ K[C]:integer', 'setsA'],
  ['SHRI', 'iABC', 'A B sC', 'R[A] := R[B] >> sC', 'setsA'],
  ['SHLI', 'iABC', 'A B sC', 'R[A] := sC << R[B]', 'setsA'],
  ['ADD', 'iABC', 'A B C', 'R[A] := R[B] + R[C]', 'setsA'],
  ['SUB', 'iABC', 'A B C', 'R[A] := R[B] - R[C]', 'setsA'],
  ['MUL', 'iABC', 'A B C', 'R[A] := R[B] * R[C]', 'setsA'],
  ['MOD', 'iABC', 'A B C', 'R[A] := R[B] % R[C]', 'setsA'],
  ['POW', 'iABC', 'A B C', 'R[A] := R[B] ^ R[C]', 'setsA'],
  ['DIV', 'iABC', 'A B C', 'R[A] := R[B] / R[C]', 'setsA'],
  ['IDIV', 'iABC', 'A B C', 'R[A] := R[B] // R[C]', 'setsA'],
  ['BAND', 'iABC', 'A B C', 'R[A] := R[B] & R[C]', 'setsA'],
  ['BOR', 'iABC', 'A B C', 'R[A] := R[B] | R[C]', 'setsA'],
  ['BXOR', 'iABC', 'A B C', 'R[A] := R[B] ~ R[C]', 'setsA'],
  ['SHL', 'iABC', 'A B C', 'R[A] := R[B] << R[C]', 'setsA'],
  ['SHR', 'iABC', 'A B C', 'R[A] := R[B] >> R[C]', 'setsA'],
  ['MMBIN', 'iABC', 'A B C', 'call C metamethod over R[A] and R[B]', 'mm'],
  ['MMBINI', 'iABC', 'A sB C k', 'call C metamethod over R[A] and sB', 'mm'],
  ['MMBINK', 'iABC', 'A B C k', 'call C metamethod over R[A] and K[B]', 'mm'],
  ['UNM', 'iABC', 'A B', 'R[A] := -R[B]', 'setsA'],
  ['BNOT', 'iABC', 'A B', 'R[A] := ~R[B]', 'setsA'],
  ['NOT', 'iABC', 'A B', 'R[A] := not R[B]', 'setsA'],
  ['LEN', 'iABC', 'A B', 'R[A] := #R[B] (length operator)', 'setsA'],
  ['CONCAT', 'iABC', 'A B', 'R[A] := R[A].. ... ..R[A + B - 1]', 'setsA'],
  ['CLOSE', 'iABC', 'A', 'close all upvalues >= R[A]'],
  ['TBC', 'iABC', 'A', 'mark variable A "to be closed"'],
  ['JMP', 'isJ', 'sJ', 'pc += sJ'],
  ['EQ', 'iABC', 'A B k', 'if ((R[A] == R[B]) ~= k) then pc++', 'test'],
  ['LT', 'iABC', 'A B k', 'if ((R[A] < R[B]) ~= k) then pc++', 'test'],
  ['LE', 'iABC', 'A B k', 'if ((R[A] <= R[B]) ~= k) then pc++', 'test'],
  ['EQK', 'iABC', 'A B k', 'if ((R[A] == K[B]) ~= k) then pc++', 'test'],
  ['EQI', 'iABC', 'A sB k', 'if ((R[A] == sB) ~= k) then pc++', 'test'],
  ['LTI', 'iABC', 'A sB k', 'if ((R[A] < sB) ~= k) then pc++', 'test'],
  ['LEI', 'iABC', 'A sB k', 'if ((R[A] <= sB) ~= k) then pc++', 'test'],
  ['GTI', 'iABC', 'A sB k', 'if ((R[A] > sB) ~= k) then pc++', 'test'],
  ['GEI', 'iABC', 'A sB k', 'if ((R[A] >= sB) ~= k) then pc++', 'test'],
  ['TEST', 'iABC', 'A k', 'if (not R[A] == k) then pc++', 'test'],
  ['TESTSET', 'iABC', 'A B k', 'if (not R[B] == k) then pc++ else R[A] := R[B]', 'test setsA'],
  ['CALL', 'iABC', 'A B C', 'R[A], ... ,R[A+C-2] := R[A](R[A+1], ... ,R[A+B-1])', 'ot it setsA'],
  ['TAILCALL', 'iABC', 'A B C k', 'return R[A](R[A+1], ... ,R[A+B-1])', 'ot it setsA'],
  ['RETURN', 'iABC', 'A B C k', 'return R[A], ... ,R[A+B-2]', 'it'],
  ['RETURN0', 'iABC', '', 'return'],
  ['RETURN1', 'iABC', 'A', 'return R[A]'],
  ['FORLOOP', 'iABx', 'A Bx', 'update counters; if loop continues then pc-=Bx;', 'setsA'],
  ['FORPREP', 'iABx', 'A Bx', '<check values and prepare counters>; if not to run then pc+=Bx+1;', 'setsA'],
  ['TFORPREP', 'iABx', 'A Bx', 'create upvalue for R[A + 3]; pc+=Bx'],
  ['TFORCALL', 'iABC', 'A C', 'R[A+4], ... ,R[A+3+C] := R[A](R[A+1], R[A+2]);'],
  ['TFORLOOP', 'iABx', 'A Bx', 'if R[A+2] ~= nil then { R[A]=R[A+2]; pc -= Bx }', 'setsA'],
  ['SETLIST', 'iABC', 'A B C k', 'R[A][C+i] := R[A+i], 1 <= i <= B', 'it'],
  ['CLOSURE', 'iABx', 'A Bx', 'R[A] := closure(KPROTO[Bx])', 'setsA'],
  ['VARARG', 'iABC', 'A C', 'R[A], R[A+1], ..., R[A+C-2] = vararg', 'ot setsA'],
  ['VARARGPREP', 'iABC', 'A', '(adjust vararg parameters)', 'it setsA'],
  ['EXTRAARG', 'iAx', 'Ax', 'extra (larger) argument for previous opcode'],];

export const NUM_OPCODES = OPCODE_TABLE.length;

export interface OpInfo {
  readonly name: string;
  readonly mode: OpMode;
  readonly operands: readonly string[];
  readonly semantics: string;
  readonly mm: boolean;
  readonly ot: boolean;
  readonly it: boolean;
  readonly test: boolean;
  readonly setsA: boolean;
}

export const OPS: readonly OpInfo[] = OPCODE_TABLE.map(([name, mode, operands, semantics, flags = '']) => {
  const f = flags.split(' ');
  return {
    name, mode, semantics,
    operands: operands ? operands.split(' ') : [],
    mm: f.includes('mm'), ot: f.includes('ot'), it: f.includes('it'), test: f.includes('test'), setsA: f.includes('setsA'),
  };
});

/** Opcode numbers. A const enum so that the interpreter's switch compiles to integer cases. */
export const enum Op {
  MOVE = 0,
  LOADI = 1,
  LOADF = 2,
  LOADK = 3,
  LOADKX = 4,
  LOADFALSE = 5,
  LFALSESKIP = 6,
  LOADTRUE = 7,
  LOADNIL = 8,
  GETUPVAL = 9,
  SETUPVAL = 10,
  GETTABUP = 11,
  GETTABLE = 12,
  GETI = 13,
  GETFIELD = 14,
  SETTABUP = 15,
  SETTABLE = 16,
  SETI = 17,
  SETFIELD = 18,
  NEWTABLE = 19,
  SELF = 20,
  ADDI = 21,
  ADDK = 22,
  SUBK = 23,
  MULK = 24,
  MODK = 25,
  POWK = 26,
  DIVK = 27,
  IDIVK = 28,
  BANDK = 29,
  BORK = 30,
  BXORK = 31,
  SHRI = 32,
  SHLI = 33,
  ADD = 34,
  SUB = 35,
  MUL = 36,
  MOD = 37,
  POW = 38,
  DIV = 39,
  IDIV = 40,
  BAND = 41,
  BOR = 42,
  BXOR = 43,
  SHL = 44,
  SHR = 45,
  MMBIN = 46,
  MMBINI = 47,
  MMBINK = 48,
  UNM = 49,
  BNOT = 50,
  NOT = 51,
  LEN = 52,
  CONCAT = 53,
  CLOSE = 54,
  TBC = 55,
  JMP = 56,
  EQ = 57,
  LT = 58,
  LE = 59,
  EQK = 60,
  EQI = 61,
  LTI = 62,
  LEI = 63,
  GTI = 64,
  GEI = 65,
  TEST = 66,
  TESTSET = 67,
  CALL = 68,
  TAILCALL = 69,
  RETURN = 70,
  RETURN0 = 71,
  RETURN1 = 72,
  FORLOOP = 73,
  FORPREP = 74,
  TFORPREP = 75,
  TFORCALL = 76,
  TFORLOOP = 77,
  SETLIST = 78,
  CLOSURE = 79,
  VARARG = 80,
  VARARGPREP = 81,
  EXTRAARG = 82,
}

/** Opcode name by number (for dumps and errors). */
export const OP_NAMES: readonly string[] = OPS.map((o) => o.name);

// Field sizes and positions.
export const SIZE_OP = 7, SIZE_A = 8, SIZE_B = 8, SIZE_C = 8, SIZE_Bx = 17, SIZE_Ax = 25, SIZE_sJ = 25;
export const POS_A = 7, POS_k = 15, POS_B = 16, POS_C = 24, POS_Bx = 15, POS_Ax = 7, POS_sJ = 7;
export const MAXARG_A = 255, MAXARG_B = 255, MAXARG_C = 255;
export const MAXARG_Bx = (1 << SIZE_Bx) - 1;
export const MAXARG_Ax = (1 << SIZE_Ax) - 1;
export const MAXARG_sJ = (1 << SIZE_sJ) - 1;
export const OFFSET_sBx = MAXARG_Bx >> 1;
export const OFFSET_sJ = MAXARG_sJ >> 1;
export const OFFSET_sC = MAXARG_C >> 1;
/** An invalid register that fits in 8 bits. */
export const NO_REG = MAXARG_A;

// Field readers. `i` is an instruction as read from a Uint32Array (an unsigned 32-bit value).
export const opcode = (i: number): Op => i & 0x7f;
export const argA = (i: number): number => (i >>> POS_A) & 0xff;
export const argB = (i: number): number => (i >>> POS_B) & 0xff;
export const argC = (i: number): number => i >>> POS_C;
export const argk = (i: number): number => (i >>> POS_k) & 1;
export const argsB = (i: number): number => ((i >>> POS_B) & 0xff) - OFFSET_sC;
export const argsC = (i: number): number => (i >>> POS_C) - OFFSET_sC;
export const argBx = (i: number): number => i >>> POS_Bx;
export const argsBx = (i: number): number => (i >>> POS_Bx) - OFFSET_sBx;
export const argAx = (i: number): number => i >>> POS_Ax;
export const argsJ = (i: number): number => (i >>> POS_sJ) - OFFSET_sJ;

// Instruction builders (results are unsigned 32-bit numbers, ready for a Uint32Array).
export const ABCk = (o: Op, a: number, b: number, c: number, k: number): number =>
  (o | (a << POS_A) | (k << POS_k) | (b << POS_B) | (c << POS_C)) >>> 0;
export const ABx = (o: Op, a: number, bx: number): number => (o | (a << POS_A) | (bx << POS_Bx)) >>> 0;
export const AsBx = (o: Op, a: number, sbx: number): number => ABx(o, a, sbx + OFFSET_sBx);
export const Ax = (o: Op, ax: number): number => (o | (ax << POS_Ax)) >>> 0;
export const sJ = (o: Op, j: number, k = 0): number => (o | ((j + OFFSET_sJ) << POS_sJ) | (k << POS_k)) >>> 0;
/** Encodes a signed operand for the sB/sC fields. */
export const int2sC = (v: number): number => v + OFFSET_sC;
/** Whether v fits in an sC/sB field. */
export const fitsC = (v: number): boolean => v >= -OFFSET_sC && v <= MAXARG_C - OFFSET_sC;
/** Whether v fits in an sBx field. */
export const fitsBx = (v: number): boolean => v >= -OFFSET_sBx && v <= MAXARG_Bx - OFFSET_sBx;

// Replacing fields of an existing instruction (jump patching and the like).
export const setA = (i: number, v: number): number => ((i & ~(0xff << POS_A)) | (v << POS_A)) >>> 0;
export const setB = (i: number, v: number): number => ((i & ~(0xff << POS_B)) | (v << POS_B)) >>> 0;
export const setC = (i: number, v: number): number => ((i & ~(0xff << POS_C)) | (v << POS_C)) >>> 0;
export const setk = (i: number, v: number): number => ((i & ~(1 << POS_k)) | (v << POS_k)) >>> 0;
export const setBx = (i: number, v: number): number => ((i & 0x7fff) | (v << POS_Bx)) >>> 0;
export const setsJ = (i: number, j: number): number => ((i & 0x7f) | ((j + OFFSET_sJ) << POS_sJ)) >>> 0;

/** "Out top": the instruction leaves a variable number of values, ending at top. */
export const isOT = (i: number): boolean =>
  (OPS[opcode(i)].ot && argC(i) === 0) || opcode(i) === Op.TAILCALL;
/** "In top": the instruction consumes values up to top set by the previous one. */
export const isIT = (i: number): boolean => OPS[opcode(i)].it && argB(i) === 0;
