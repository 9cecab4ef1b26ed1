/*
 * FunctionState: the code generator's view of one function being compiled. It owns the growing code and
 * line arrays, the register allocator, the constant table, jump lists, and every transformation of
 * expression descriptors into instructions (discharging, conditional jumps, operators with immediate and
 * constant operands, constant folding). Semantics follow Lua 5.4's code generator so that the emitted
 * bytecode matches luac5.4's.
 *
 * Invariants:
 *  - `freereg` is the first free register; registers below `nvarstack()` hold active local variables.
 *  - `lines[i]` is the absolute source line of `code[i]`; `line` is the line given to the next instruction
 *    (the parser's "last token read").
 *  - Instructions at or before `lastTarget` may be jump targets: peephole merges never look across it.
 *  - A JMP's sJ field links it into a pending jump list until it is patched (NO_JUMP ends a list).
 */
import {
  Op, OPS, ABCk, ABx, AsBx, Ax, sJ, opcode, argA, argB, argk, argsJ, setA, setB, setC, setk, setsJ,
  setBx, int2sC, fitsC, fitsBx, MAXARG_Bx, MAXARG_C, OFFSET_sJ, MAXARG_sJ, NO_REG,
} from './opcodes.js';
import { Proto } from './proto.js';
import { LFloat, mkfloat, type LuaValue } from '../runtime/value.js';
import {
  type ExpDesc, NO_JUMP, mkInfo, mkSimple, mkInt, mkFlt, mkStr, mkIndex, hasJumps, isNumeral, withJumps,
} from './expdesc.js';
import { ArithOp, arith, canFold, floatToInt, type Numeral } from './fold.js';
import { type BlockScope, type ErrorSite, type Session, type VarDesc, VarKind } from './scope.js';

const MAXREGS = 255;
const MAXINDEXRK = 255;
const MAX_SHORT_STRING = 40;
export const FIELDS_PER_FLUSH = 50;
/** Registers argument of setList/setReturns meaning "all values up to top". */
export const MULTRET = -1;

/** Binary operators, in the order the opcode and metamethod tables assume (ORDER OPR). */
export const enum BinOpr {
  ADD = 0, SUB, MUL, MOD, POW, DIV, IDIV, BAND, BOR, BXOR, SHL, SHR, CONCAT,
  EQ, LT, LE, NE, GT, GE, AND, OR,
}

export const enum UnOpr { MINUS = 0, BNOT, NOT, LEN }

/** Metamethod event numbers (TM_*) used in MMBIN operands. */
const TM_ADD = 6, TM_SUB = 7, TM_SHL = 16, TM_SHR = 17;

/** A descriptor whose value is in a register. */
export interface RegDesc {
  readonly k: 'nonreloc';
  readonly info: number;
  readonly tj: number;
  readonly fj: number;
}

export class FunctionState {
  readonly f = new Proto();
  code: number[] = [];
  lines: number[] = [];
  /** Line attributed to the next emitted instruction. */
  line: number;
  lastTarget = 0;
  freereg = 0;
  /** Number of active variables (including compile-time constants). */
  nactvar = 0;
  needClose = false;
  bl: BlockScope | undefined = undefined;
  /** Index of this function's first variable in the session's variable stack. */
  readonly firstLocal: number;
  /** Index of this function's first label in the session's label stack. */
  readonly firstLabel: number;
  /** Where a syntax error detected inside code generation is reported (kept up to date by the parser side). */
  errorSite: () => ErrorSite;

  constructor(
    readonly session: Session, readonly prev: FunctionState | undefined, linedefined: number, firstLocal: number,
  ) {
    this.f.source = session.source;
    this.f.linedefined = linedefined;
    this.line = linedefined;
    this.firstLocal = firstLocal;
    this.firstLabel = session.labels.length;
    this.errorSite = () => ({ line: this.line });
  }

  get pc(): number {
    return this.code.length;
  }

  syntaxError(msg: string): never {
    this.session.error(msg, this.errorSite());
  }

  // ------------------------------------------------------------------ variables (register level)

  /** Variable `vidx` (function-relative index) of this function. */
  varDesc(vidx: number): VarDesc {
    return this.session.actvar[this.firstLocal + vidx];
  }

  /** Register level of the first `nvar` variables (compile-time constants take no register). */
  regLevel(nvar: number): number {
    while (nvar-- > 0) {
      const vd = this.varDesc(nvar);
      if (vd.kind !== VarKind.CTC) return vd.ridx + 1;
    }
    return 0;
  }

  /** Number of registers holding active variables. */
  nvarstack(): number {
    return this.regLevel(this.nactvar);
  }

  // ------------------------------------------------------------------ emitting

  emit(i: number): number {
    this.code.push(i);
    this.lines.push(this.line);
    return this.code.length - 1;
  }

  emitABC(o: Op, a: number, b: number, c: number, k = 0): number {
    return this.emit(ABCk(o, a, b, c, k));
  }

  emitABx(o: Op, a: number, bx: number): number {
    return this.emit(ABx(o, a, bx));
  }

  private emitExtraArg(a: number): number {
    return this.emit(Ax(Op.EXTRAARG, a));
  }

  /** Changes the line of the last instruction emitted. */
  fixLine(line: number): void {
    this.lines[this.lines.length - 1] = line;
  }

  private removeLastInstruction(): void {
    this.code.pop();
    this.lines.pop();
  }

  /** The previous instruction, or -1 (an invalid instruction) when a jump may target the current pc. */
  private previousInstruction(): number {
    return this.pc > this.lastTarget ? this.code[this.pc - 1] : -1;
  }

  /** LOADNIL for `n` registers from `from`, merged with a previous adjacent LOADNIL when possible. */
  loadNil(from: number, n: number): void {
    let l = from + n - 1;
    const prev = this.previousInstruction();
    if (prev !== -1 && opcode(prev) === Op.LOADNIL) {
      const pfrom = argA(prev);
      const pl = pfrom + argB(prev);
      if ((pfrom <= from && from <= pl + 1) || (from <= pfrom && pfrom <= l + 1)) {
        if (pfrom < from) from = pfrom;
        if (pl > l) l = pl;
        let i = setA(prev, from);
        i = setB(i, l - from);
        this.code[this.pc - 1] = i;
        return;
      }
    }
    this.emitABC(Op.LOADNIL, from, n - 1, 0);
  }

  // ------------------------------------------------------------------ jumps

  private getJump(pc: number): number {
    const offset = argsJ(this.code[pc]);
    return offset === NO_JUMP ? NO_JUMP : pc + 1 + offset;
  }

  private fixJump(pc: number, dest: number): void {
    const offset = dest - (pc + 1);
    if (!(-OFFSET_sJ <= offset && offset <= MAXARG_sJ - OFFSET_sJ)) this.syntaxError('control structure too long');
    this.code[pc] = setsJ(this.code[pc], offset);
  }

  /** Appends jump list `l2` to `l1`; returns the head of the combined list. */
  concat(l1: number, l2: number): number {
    if (l2 === NO_JUMP) return l1;
    if (l1 === NO_JUMP) return l2;
    let list = l1;
    let next: number;
    while ((next = this.getJump(list)) !== NO_JUMP) list = next;
    this.fixJump(list, l2);
    return l1;
  }

  jump(): number {
    return this.emit(sJ(Op.JMP, NO_JUMP));
  }

  jumpTo(target: number): void {
    this.patchList(this.jump(), target);
  }

  ret(first: number, nret: number): void {
    const op = nret === 0 ? Op.RETURN0 : nret === 1 ? Op.RETURN1 : Op.RETURN;
    this.emitABC(op, first, nret + 1, 0);
  }

  private condJump(op: Op, a: number, b: number, c: number, k: number): number {
    this.emitABC(op, a, b, c, k);
    return this.jump();
  }

  /** Marks the current pc as a jump target and returns it. */
  getLabel(): number {
    this.lastTarget = this.pc;
    return this.pc;
  }

  /** Index of the instruction controlling the jump at `pc` (its test), or `pc` itself. */
  private jumpControl(pc: number): number {
    return pc >= 1 && OPS[opcode(this.code[pc - 1])].test ? pc - 1 : pc;
  }

  /** Sets the destination register of a TESTSET controlling jump `node` (or turns it into TEST). */
  private patchTestReg(node: number, reg: number): boolean {
    const at = this.jumpControl(node);
    const i = this.code[at];
    if (opcode(i) !== Op.TESTSET) return false;
    if (reg !== NO_REG && reg !== argB(i)) this.code[at] = setA(i, reg);
    else this.code[at] = ABCk(Op.TEST, argB(i), 0, 0, argk(i));
    return true;
  }

  private removeValues(list: number): void {
    for (; list !== NO_JUMP; list = this.getJump(list)) this.patchTestReg(list, NO_REG);
  }

  private patchListAux(list: number, vtarget: number, reg: number, dtarget: number): void {
    while (list !== NO_JUMP) {
      const next = this.getJump(list);
      if (this.patchTestReg(list, reg)) this.fixJump(list, vtarget);
      else this.fixJump(list, dtarget);
      list = next;
    }
  }

  patchList(list: number, target: number): void {
    this.patchListAux(list, target, NO_REG, target);
  }

  patchToHere(list: number): void {
    this.patchList(list, this.getLabel());
  }

  // ------------------------------------------------------------------ registers

  checkStack(n: number): void {
    const newstack = this.freereg + n;
    if (newstack > this.f.maxstacksize) {
      if (newstack >= MAXREGS) this.syntaxError('function or expression needs too many registers');
      this.f.maxstacksize = newstack;
    }
  }

  reserveRegs(n: number): void {
    this.checkStack(n);
    this.freereg += n;
  }

  private freeReg(reg: number): void {
    if (reg >= this.nvarstack()) this.freereg--;
  }

  private freeRegs(r1: number, r2: number): void {
    if (r1 > r2) {
      this.freeReg(r1);
      this.freeReg(r2);
    } else {
      this.freeReg(r2);
      this.freeReg(r1);
    }
  }

  freeExp(e: ExpDesc): void {
    if (e.k === 'nonreloc') this.freeReg(e.info);
  }

  private freeExps(e1: ExpDesc, e2: ExpDesc): void {
    const r1 = e1.k === 'nonreloc' ? e1.info : -1;
    const r2 = e2.k === 'nonreloc' ? e2.info : -1;
    this.freeRegs(r1, r2);
  }

  // ------------------------------------------------------------------ constants

  /**
   * Index of constant `v` in this function's table, reusing an entry through the session cache when the
   * cached index (possibly from another function) holds the same value here.
   */
  private addK(key: unknown, v: LuaValue): number {
    const s = this.session;
    const cache: Map<unknown, number> =
      typeof key === 'string' ? s.kstrings : typeof key === 'number' || typeof key === 'bigint' ? s.knumbers : s.kothers;
    const k = this.f.k;
    const idx = cache.get(key);
    if (idx !== undefined && idx < k.length && sameConstant(k[idx], v)) return idx;
    const n = k.length;
    cache.set(key, n);
    k.push(v);
    return n;
  }

  stringK(s: string): number {
    return this.addK(s, s);
  }

  private intK(i: number | bigint): number {
    return this.addK(i, i);
  }

  /**
   * Floats are cached under a key that cannot collide with an integer of the same value: integral floats
   * in the integer range use the value plus its least significant fraction (as PUC-Lua does, including
   * the collisions this allows for huge values, since a key with an integral value counts as an integer).
   */
  private numberK(r: number): number {
    const ik = floatToInt(r);
    if (ik === undefined) return this.addK(r, mkfloat(r));
    const q = 2 ** -52;
    const key = ik === 0 ? q : r + r * q;
    return this.addK(floatToInt(key) ?? key, new LFloat(r));
  }

  private boolK(b: boolean): number {
    return this.addK(b, b);
  }

  private nilK(): number {
    return this.addK(this.session.nilKey, undefined);
  }

  private loadK(reg: number, k: number): void {
    if (k <= MAXARG_Bx) this.emitABx(Op.LOADK, reg, k);
    else {
      this.emitABx(Op.LOADKX, reg, 0);
      this.emitExtraArg(k);
    }
  }

  loadInt(reg: number, i: number | bigint): void {
    if (typeof i === 'number' && fitsBx(i)) this.emit(AsBx(Op.LOADI, reg, i));
    else this.loadK(reg, this.intK(i));
  }

  private loadFloat(reg: number, n: number): void {
    const fi = floatToInt(n);
    if (typeof fi === 'number' && fitsBx(fi)) this.emit(AsBx(Op.LOADF, reg, fi));
    else this.loadK(reg, this.numberK(n));
  }

  // ------------------------------------------------------------------ discharging expressions

  /** The value of a compile-time constant variable (absolute index in the session's variable stack). */
  private constValue(index: number): LuaValue {
    return this.session.actvar[index].value;
  }

  /** Adjusts a multi-value expression (call or vararg) to produce `nresults` values (MULTRET: all). */
  setReturns(e: ExpDesc, nresults: number): void {
    if (e.k !== 'call' && e.k !== 'vararg') return;
    const pc = e.info;
    let i = setC(this.code[pc], nresults + 1);
    if (e.k === 'vararg') {
      i = setA(i, this.freereg);
      this.code[pc] = i;
      this.reserveRegs(1);
    } else {
      this.code[pc] = i;
    }
  }

  setMultRet(e: ExpDesc): void {
    this.setReturns(e, MULTRET);
  }

  /** Makes a multi-value expression produce exactly one value. */
  setOneRet(e: ExpDesc): ExpDesc {
    if (e.k === 'call') return mkInfo('nonreloc', argA(this.code[e.info]), e.tj, e.fj);
    if (e.k === 'vararg') {
      this.code[e.info] = setC(this.code[e.info], 2);
      return mkInfo('reloc', e.info, e.tj, e.fj);
    }
    return e;
  }

  /** Makes sure `e` is not a variable reference (emitting the load for upvalues and indexed accesses). */
  dischargeVars(e: ExpDesc): ExpDesc {
    switch (e.k) {
      case 'const':
        return withJumps(constToExp(this.constValue(e.info)), e.tj, e.fj);
      case 'local':
        return mkInfo('nonreloc', e.ridx, e.tj, e.fj);
      case 'upval':
        return mkInfo('reloc', this.emitABC(Op.GETUPVAL, 0, e.info, 0), e.tj, e.fj);
      case 'indexup':
        return mkInfo('reloc', this.emitABC(Op.GETTABUP, 0, e.table, e.key), e.tj, e.fj);
      case 'indexi':
        this.freeReg(e.table);
        return mkInfo('reloc', this.emitABC(Op.GETI, 0, e.table, e.key), e.tj, e.fj);
      case 'indexstr':
        this.freeReg(e.table);
        return mkInfo('reloc', this.emitABC(Op.GETFIELD, 0, e.table, e.key), e.tj, e.fj);
      case 'indexed':
        this.freeRegs(e.table, e.key);
        return mkInfo('reloc', this.emitABC(Op.GETTABLE, 0, e.table, e.key), e.tj, e.fj);
      case 'vararg':
      case 'call':
        return this.setOneRet(e);
      default:
        return e;
    }
  }

  /** Puts the value of `e` into register `reg` (jump lists are left alone). */
  private discharge2reg(e: ExpDesc, reg: number): ExpDesc {
    e = this.dischargeVars(e);
    switch (e.k) {
      case 'nil': this.loadNil(reg, 1); break;
      case 'false': this.emitABC(Op.LOADFALSE, reg, 0, 0); break;
      case 'true': this.emitABC(Op.LOADTRUE, reg, 0, 0); break;
      case 'kstr': this.loadK(reg, this.stringK(e.sval)); break;
      case 'k': this.loadK(reg, e.info); break;
      case 'kflt': this.loadFloat(reg, e.nval); break;
      case 'kint': this.loadInt(reg, e.ival); break;
      case 'reloc': this.code[e.info] = setA(this.code[e.info], reg); break;
      case 'nonreloc':
        if (reg !== e.info) this.emitABC(Op.MOVE, reg, e.info, 0);
        break;
      default:
        return e; // a 'jmp': nothing to do yet
    }
    return mkInfo('nonreloc', reg, e.tj, e.fj);
  }

  private discharge2anyreg(e: ExpDesc): ExpDesc {
    if (e.k === 'nonreloc') return e;
    this.reserveRegs(1);
    return this.discharge2reg(e, this.freereg - 1);
  }

  private codeLoadBool(a: number, op: Op): number {
    this.getLabel();
    return this.emitABC(op, a, 0, 0);
  }

  /** Whether some jump in the list does not produce a value (is not controlled by a TESTSET). */
  private needValue(list: number): boolean {
    for (; list !== NO_JUMP; list = this.getJump(list)) {
      if (opcode(this.code[this.jumpControl(list)]) !== Op.TESTSET) return true;
    }
    return false;
  }

  /** Puts the final value of `e`, including the values of its jump lists, into register `reg`. */
  private exp2reg(e: ExpDesc, reg: number): ExpDesc {
    e = this.discharge2reg(e, reg);
    let tj = e.tj;
    if (e.k === 'jmp') tj = this.concat(tj, e.info);
    if (tj !== e.fj) {
      let pf = NO_JUMP;
      let pt = NO_JUMP;
      if (this.needValue(tj) || this.needValue(e.fj)) {
        const fj = e.k === 'jmp' ? NO_JUMP : this.jump();
        pf = this.codeLoadBool(reg, Op.LFALSESKIP);
        pt = this.codeLoadBool(reg, Op.LOADTRUE);
        this.patchToHere(fj);
      }
      const final = this.getLabel();
      this.patchListAux(e.fj, final, reg, pf);
      this.patchListAux(tj, final, reg, pt);
    }
    return mkInfo('nonreloc', reg);
  }

  /** Puts the value of `e` into the next free register. */
  exp2nextreg(e: ExpDesc): ExpDesc {
    e = this.dischargeVars(e);
    this.freeExp(e);
    this.reserveRegs(1);
    return this.exp2reg(e, this.freereg - 1);
  }

  /** Puts the value of `e` into some register; the result is 'nonreloc' with that register. */
  exp2anyreg(e: ExpDesc): RegDesc {
    e = this.dischargeVars(e);
    if (e.k === 'nonreloc') {
      if (!hasJumps(e)) return e as RegDesc;
      if (e.info >= this.nvarstack()) return this.exp2reg(e, e.info) as RegDesc;
      // a local with jumps cannot receive the jump values: fall through to a new register
    }
    return this.exp2nextreg(e) as RegDesc;
  }

  /** Puts `e` into a register, unless it is an upvalue (which instructions can use directly). */
  exp2anyregup(e: ExpDesc): ExpDesc {
    if (e.k !== 'upval' || hasJumps(e)) return this.exp2anyreg(e);
    return e;
  }

  /** Makes `e` a value: in a register or a constant. */
  exp2val(e: ExpDesc): ExpDesc {
    return hasJumps(e) ? this.exp2anyreg(e) : this.dischargeVars(e);
  }

  /** Tries to turn `e` into a 'k' with an index usable as an RK operand. */
  private exp2K(e: ExpDesc): ExpDesc | undefined {
    if (hasJumps(e)) return undefined;
    let info: number;
    switch (e.k) {
      case 'true': info = this.boolK(true); break;
      case 'false': info = this.boolK(false); break;
      case 'nil': info = this.nilK(); break;
      case 'kint': info = this.intK(e.ival); break;
      case 'kflt': info = this.numberK(e.nval); break;
      case 'kstr': info = this.stringK(e.sval); break;
      case 'k': info = e.info; break;
      default: return undefined;
    }
    return info <= MAXINDEXRK ? mkInfo('k', info) : undefined;
  }

  /** `e` as an RK operand: 'k' (constant index) or 'nonreloc' (register). */
  exp2RK(e: ExpDesc): ExpDesc {
    return this.exp2K(e) ?? this.exp2anyreg(e);
  }

  private codeABRK(o: Op, a: number, b: number, ec: ExpDesc): ExpDesc {
    const e = this.exp2RK(ec);
    this.emitABC(o, a, b, (e as { info: number }).info, e.k === 'k' ? 1 : 0);
    return e;
  }

  /** Stores `ex` into variable `v`. */
  storeVar(v: ExpDesc, ex: ExpDesc): void {
    switch (v.k) {
      case 'local':
        this.freeExp(ex);
        this.exp2reg(ex, v.ridx);
        return;
      case 'upval': {
        const r = this.exp2anyreg(ex);
        this.emitABC(Op.SETUPVAL, r.info, v.info, 0);
        ex = r;
        break;
      }
      case 'indexup': ex = this.codeABRK(Op.SETTABUP, v.table, v.key, ex); break;
      case 'indexi': ex = this.codeABRK(Op.SETI, v.table, v.key, ex); break;
      case 'indexstr': ex = this.codeABRK(Op.SETFIELD, v.table, v.key, ex); break;
      case 'indexed': ex = this.codeABRK(Op.SETTABLE, v.table, v.key, ex); break;
      default: throw new Error('invalid variable kind to store: ' + v.k);
    }
    this.freeExp(ex);
  }

  /** `e:key(` — SELF puts the method and `e` in two consecutive registers; returns the call base. */
  self(e: ExpDesc, key: ExpDesc): ExpDesc {
    const ee = this.exp2anyreg(e);
    const ereg = ee.info;
    this.freeExp(ee);
    const base = this.freereg;
    this.reserveRegs(2);
    const k = this.codeABRK(Op.SELF, base, ereg, key);
    this.freeExp(k);
    return mkInfo('nonreloc', base);
  }

  // ------------------------------------------------------------------ conditions

  private negateCondition(e: ExpDesc & { info: number }): void {
    const at = this.jumpControl(e.info);
    this.code[at] = setk(this.code[at], argk(this.code[at]) ^ 1);
  }

  /** Emits a test of `e` and a jump taken when `e` is `cond`; returns the jump's pc. */
  private jumpOnCond(e: ExpDesc, cond: number): number {
    if (e.k === 'reloc') {
      const ie = this.code[e.info];
      if (opcode(ie) === Op.NOT) {
        this.removeLastInstruction();
        return this.condJump(Op.TEST, argB(ie), 0, 0, cond ^ 1);
      }
    }
    const r = this.discharge2anyreg(e) as ExpDesc & { info: number };
    this.freeExp(r);
    return this.condJump(Op.TESTSET, NO_REG, r.info, 0, cond);
  }

  /** Code that falls through when `e` is true and jumps (false list) otherwise. */
  goIfTrue(e: ExpDesc): ExpDesc {
    e = this.dischargeVars(e);
    let pc: number;
    switch (e.k) {
      case 'jmp':
        this.negateCondition(e);
        pc = e.info;
        break;
      case 'k': case 'kflt': case 'kint': case 'kstr': case 'true':
        pc = NO_JUMP;
        break;
      default:
        pc = this.jumpOnCond(e, 0);
        break;
    }
    const fj = this.concat(e.fj, pc);
    this.patchToHere(e.tj);
    return { ...e, tj: NO_JUMP, fj };
  }

  /** Code that falls through when `e` is false and jumps (true list) otherwise. */
  goIfFalse(e: ExpDesc): ExpDesc {
    e = this.dischargeVars(e);
    let pc: number;
    switch (e.k) {
      case 'jmp': pc = e.info; break;
      case 'nil': case 'false': pc = NO_JUMP; break;
      default: pc = this.jumpOnCond(e, 1); break;
    }
    const tj = this.concat(e.tj, pc);
    this.patchToHere(e.fj);
    return { ...e, tj, fj: NO_JUMP };
  }

  private codeNot(e: ExpDesc): ExpDesc {
    let r: ExpDesc;
    switch (e.k) {
      case 'nil': case 'false':
        r = mkSimple('true');
        break;
      case 'k': case 'kflt': case 'kint': case 'kstr': case 'true':
        r = mkSimple('false');
        break;
      case 'jmp':
        this.negateCondition(e);
        r = e;
        break;
      case 'reloc': case 'nonreloc': {
        const d = this.discharge2anyreg(e) as ExpDesc & { info: number };
        this.freeExp(d);
        r = mkInfo('reloc', this.emitABC(Op.NOT, 0, d.info, 0));
        break;
      }
      default: throw new Error('cannot negate ' + e.k);
    }
    // swap the jump lists: values are useless when negated
    this.removeValues(e.tj);
    this.removeValues(e.fj);
    return { ...r, tj: e.fj, fj: e.tj };
  }

  // ------------------------------------------------------------------ operand classification

  /** A short string constant usable as a K operand in B/C. */
  private isKstr(e: ExpDesc): boolean {
    if (e.k !== 'k' || hasJumps(e) || e.info > MAXARG_C) return false;
    const v = this.f.k[e.info];
    return typeof v === 'string' && v.length <= MAX_SHORT_STRING;
  }

  /** An integer literal fitting in the unsigned C field. */
  private isCint(e: ExpDesc): boolean {
    return e.k === 'kint' && !hasJumps(e) && typeof e.ival === 'number' && e.ival >= 0 && e.ival <= MAXARG_C;
  }

  /** An integer literal fitting in a signed sC field. */
  private isSCint(e: ExpDesc): boolean {
    return e.k === 'kint' && !hasJumps(e) && typeof e.ival === 'number' && fitsC(e.ival);
  }

  /** A number literal (integer or integral float) fitting in sB/sC: the encoded immediate, or undefined. */
  private scNumber(e: ExpDesc): { imm: number; isFloat: number } | undefined {
    let i: number | bigint | undefined;
    let isFloat = 0;
    if (e.k === 'kint') i = e.ival;
    else if (e.k === 'kflt') {
      i = floatToInt(e.nval);
      if (i === undefined) return undefined;
      isFloat = 1;
    } else return undefined;
    if (!hasJumps(e) && typeof i === 'number' && fitsC(i)) return { imm: int2sC(i), isFloat };
    return undefined;
  }

  /** The indexed expression `t[k]`; `t` is already in a register or an upvalue. */
  indexed(t: ExpDesc, k: ExpDesc): ExpDesc {
    if (k.k === 'kstr') k = mkInfo('k', this.stringK(k.sval));
    if (t.k === 'upval' && !this.isKstr(k)) t = this.exp2anyreg(t);
    if (t.k === 'upval') return mkIndex('indexup', t.info, (k as { info: number }).info);
    const treg = t.k === 'local' ? t.ridx : (t as { info: number }).info;
    if (this.isKstr(k)) return mkIndex('indexstr', treg, (k as { info: number }).info);
    if (this.isCint(k)) return mkIndex('indexi', treg, (k as { ival: number }).ival);
    return mkIndex('indexed', treg, this.exp2anyreg(k).info);
  }

  // ------------------------------------------------------------------ operators

  /** Folds `op` over two numerals; undefined when not foldable. */
  private constFolding(op: ArithOp, e1: ExpDesc, e2: ExpDesc): ExpDesc | undefined {
    const v1 = numeral(e1);
    const v2 = numeral(e2);
    if (!v1 || !v2 || !canFold(op, v1, v2)) return undefined;
    const r = arith(op, v1, v2);
    if (!r.isFloat) return mkInt(r.v);
    const n = r.v as number;
    if (Number.isNaN(n) || n === 0) return undefined;
    return mkFlt(n);
  }

  private codeUnExpVal(op: Op, e: ExpDesc, line: number): ExpDesc {
    const r = this.exp2anyreg(e);
    this.freeExp(r);
    const pc = this.emitABC(op, 0, r.info, 0);
    this.fixLine(line);
    return mkInfo('reloc', pc);
  }

  private finishBinExpVal(
    e1: ExpDesc, e2: ExpDesc, op: Op, v2: number, flip: number, line: number, mmop: Op, event: number,
  ): ExpDesc {
    const r1 = this.exp2anyreg(e1);
    const v1 = r1.info;
    const pc = this.emitABC(op, 0, v1, v2);
    this.freeExps(r1, e2);
    this.fixLine(line);
    this.emitABC(mmop, v1, v2, event, flip);
    this.fixLine(line);
    return mkInfo('reloc', pc);
  }

  private codeBinExpVal(op: Op, e1: ExpDesc, e2: ExpDesc, line: number): ExpDesc {
    const r2 = this.exp2anyreg(e2);
    return this.finishBinExpVal(e1, r2, op, r2.info, 0, line, Op.MMBIN, op - Op.ADD + TM_ADD);
  }

  private codeBinI(op: Op, e1: ExpDesc, e2: ExpDesc, flip: number, line: number, event: number): ExpDesc {
    const v2 = int2sC((e2 as { ival: number }).ival);
    return this.finishBinExpVal(e1, e2, op, v2, flip, line, Op.MMBINI, event);
  }

  /** `e1 op -I` for a small integer constant I (keeping I for the metamethod); undefined if not possible. */
  private finishBinExpNeg(e1: ExpDesc, e2: ExpDesc, op: Op, line: number, event: number): ExpDesc | undefined {
    if (e2.k !== 'kint' || hasJumps(e2) || typeof e2.ival !== 'number') return undefined;
    const i2 = e2.ival;
    if (!(fitsC(i2) && fitsC(-i2))) return undefined;
    const r = this.finishBinExpVal(e1, e2, op, int2sC(-i2), 0, line, Op.MMBINI, event);
    this.code[this.pc - 1] = setB(this.code[this.pc - 1], int2sC(i2));
    return r;
  }

  private codeArith(opr: BinOpr, e1: ExpDesc, e2: ExpDesc, flip: number, line: number): ExpDesc {
    const event = opr + TM_ADD;
    const k2 = isNumeral(e2) ? this.exp2K(e2) : undefined;
    if (k2) {
      return this.finishBinExpVal(e1, k2, Op.ADDK + opr, (k2 as { info: number }).info, flip, line, Op.MMBINK, event);
    }
    if (flip) [e1, e2] = [e2, e1];
    return this.codeBinExpVal(Op.ADD + opr, e1, e2, line);
  }

  private codeCommutative(opr: BinOpr, e1: ExpDesc, e2: ExpDesc, line: number): ExpDesc {
    let flip = 0;
    if (isNumeral(e1)) {
      [e1, e2] = [e2, e1];
      flip = 1;
    }
    if (opr === BinOpr.ADD && this.isSCint(e2)) return this.codeBinI(Op.ADDI, e1, e2, flip, line, TM_ADD);
    return this.codeArith(opr, e1, e2, flip, line);
  }

  /** Bitwise operators are commutative enough to take an integer constant as either operand (K form). */
  private codeBitwise(opr: BinOpr, e1: ExpDesc, e2: ExpDesc, line: number): ExpDesc {
    const event = opr + TM_ADD;
    if (e1.k === 'kint') {
      const k = this.exp2K(e1);
      if (k) return this.finishBinExpVal(e2, k, Op.ADDK + opr, (k as { info: number }).info, 1, line, Op.MMBINK, event);
      e1 = this.exp2anyreg(e1); // constant table too big for an RK operand
    }
    if (e2.k === 'kint') {
      const k = this.exp2K(e2);
      if (k) return this.finishBinExpVal(e1, k, Op.ADDK + opr, (k as { info: number }).info, 0, line, Op.MMBINK, event);
      e2 = this.exp2anyreg(e2);
    }
    return this.codeBinExpVal(Op.ADD + opr, e1, e2, line);
  }

  private codeOrder(op: Op, e1: ExpDesc, e2: ExpDesc): ExpDesc {
    let r1: number, r2: number;
    let isFloat = 0;
    let im: { imm: number; isFloat: number } | undefined;
    if ((im = this.scNumber(e2)) !== undefined) {
      e1 = this.exp2anyreg(e1);
      r1 = (e1 as { info: number }).info;
      r2 = im.imm;
      isFloat = im.isFloat;
      op = op - Op.LT + Op.LTI;
    } else if ((im = this.scNumber(e1)) !== undefined) {
      e2 = this.exp2anyreg(e2);
      r1 = (e2 as { info: number }).info;
      r2 = im.imm;
      isFloat = im.isFloat;
      op = op === Op.LT ? Op.GTI : Op.GEI;
    } else {
      e1 = this.exp2anyreg(e1);
      e2 = this.exp2anyreg(e2);
      r1 = (e1 as { info: number }).info;
      r2 = (e2 as { info: number }).info;
    }
    this.freeExps(e1, e2);
    return mkInfo('jmp', this.condJump(op, r1, r2, isFloat, 1));
  }

  private codeEq(opr: BinOpr, e1: ExpDesc, e2: ExpDesc): ExpDesc {
    if (e1.k !== 'nonreloc') [e1, e2] = [e2, e1];
    const a = this.exp2anyreg(e1);
    const r1 = a.info;
    let op: Op;
    let r2: number;
    let isFloat = 0;
    const im = this.scNumber(e2);
    if (im !== undefined) {
      op = Op.EQI;
      r2 = im.imm;
      isFloat = im.isFloat;
    } else {
      e2 = this.exp2RK(e2);
      if (e2.k === 'k') {
        op = Op.EQK;
        r2 = e2.info;
      } else {
        op = Op.EQ;
        r2 = (e2 as { info: number }).info;
      }
    }
    this.freeExps(a, e2);
    return mkInfo('jmp', this.condJump(op, r1, r2, isFloat, opr === BinOpr.EQ ? 1 : 0));
  }

  /** Applies unary operator `op` to `e`. */
  prefix(op: UnOpr, e: ExpDesc, line: number): ExpDesc {
    e = this.dischargeVars(e);
    switch (op) {
      case UnOpr.MINUS: case UnOpr.BNOT: {
        const folded = this.constFolding(op === UnOpr.MINUS ? ArithOp.UNM : ArithOp.BNOT, e, mkInt(0));
        if (folded) return folded;
        return this.codeUnExpVal(op === UnOpr.MINUS ? Op.UNM : Op.BNOT, e, line);
      }
      case UnOpr.LEN:
        return this.codeUnExpVal(Op.LEN, e, line);
      case UnOpr.NOT:
        return this.codeNot(e);
    }
  }

  /** Processes the first operand of a binary operator before the second one is compiled. */
  infix(op: BinOpr, v: ExpDesc): ExpDesc {
    v = this.dischargeVars(v);
    switch (op) {
      case BinOpr.AND: return this.goIfTrue(v);
      case BinOpr.OR: return this.goIfFalse(v);
      case BinOpr.CONCAT: return this.exp2nextreg(v);
      case BinOpr.EQ: case BinOpr.NE:
        return isNumeral(v) ? v : this.exp2RK(v);
      case BinOpr.LT: case BinOpr.LE: case BinOpr.GT: case BinOpr.GE:
        return this.scNumber(v) !== undefined ? v : this.exp2anyreg(v);
      default: // arithmetic and bitwise: keep numerals, which may be folded
        return isNumeral(v) ? v : this.exp2anyreg(v);
    }
  }

  private codeConcat(e1: ExpDesc, e2: ExpDesc, line: number): ExpDesc {
    const prev = this.previousInstruction();
    const base = (e1 as { info: number }).info;
    if (prev !== -1 && opcode(prev) === Op.CONCAT) {
      const n = argB(prev);
      this.freeExp(e2);
      this.code[this.pc - 1] = setB(setA(prev, base), n + 1);
    } else {
      this.emitABC(Op.CONCAT, base, 2, 0);
      this.freeExp(e2);
      this.fixLine(line);
    }
    return e1;
  }

  /** Finishes a binary operation once both operands are compiled. */
  posfix(opr: BinOpr, e1: ExpDesc, e2: ExpDesc, line: number): ExpDesc {
    e2 = this.dischargeVars(e2);
    if (opr <= BinOpr.SHR) {
      const folded = this.constFolding(opr as number as ArithOp, e1, e2);
      if (folded) return folded;
    }
    switch (opr) {
      case BinOpr.AND:
        return { ...e2, fj: this.concat(e2.fj, e1.fj) };
      case BinOpr.OR:
        return { ...e2, tj: this.concat(e2.tj, e1.tj) };
      case BinOpr.CONCAT:
        e2 = this.exp2nextreg(e2);
        return this.codeConcat(e1, e2, line);
      case BinOpr.ADD: case BinOpr.MUL:
        return this.codeCommutative(opr, e1, e2, line);
      case BinOpr.SUB:
        return this.finishBinExpNeg(e1, e2, Op.ADDI, line, TM_SUB) ?? this.codeArith(opr, e1, e2, 0, line);
      case BinOpr.DIV: case BinOpr.IDIV: case BinOpr.MOD: case BinOpr.POW:
        return this.codeArith(opr, e1, e2, 0, line);
      case BinOpr.BAND: case BinOpr.BOR: case BinOpr.BXOR:
        return this.codeBitwise(opr, e1, e2, line);
      case BinOpr.SHL:
        if (this.isSCint(e1)) return this.codeBinI(Op.SHLI, e2, e1, 1, line, TM_SHL);
        return this.finishBinExpNeg(e1, e2, Op.SHRI, line, TM_SHL) ?? this.codeBinExpVal(Op.SHL, e1, e2, line);
      case BinOpr.SHR:
        if (this.isSCint(e2)) return this.codeBinI(Op.SHRI, e1, e2, 0, line, TM_SHR);
        return this.codeBinExpVal(Op.SHR, e1, e2, line);
      case BinOpr.EQ: case BinOpr.NE:
        return this.codeEq(opr, e1, e2);
      case BinOpr.LT: case BinOpr.LE:
        return this.codeOrder(opr - BinOpr.EQ + Op.EQ, e1, e2);
      case BinOpr.GT: case BinOpr.GE:
        return this.codeOrder(opr - BinOpr.NE + Op.EQ, e2, e1);
    }
  }

  // ------------------------------------------------------------------ tables and finishing

  /** Fills in the NEWTABLE at `pc` (and its EXTRAARG) with the final size hints. */
  setTableSize(pc: number, ra: number, asize: number, hsize: number): void {
    const rb = hsize !== 0 ? ceilLog2(hsize) + 1 : 0;
    const extra = Math.floor(asize / (MAXARG_C + 1));
    const rc = asize % (MAXARG_C + 1);
    this.code[pc] = ABCk(Op.NEWTABLE, ra, rb, rc, extra > 0 ? 1 : 0);
    this.code[pc + 1] = Ax(Op.EXTRAARG, extra);
  }

  /** SETLIST storing `tostore` values (MULTRET: up to top) after `nelems` already in the table. */
  setList(base: number, nelems: number, tostore: number): void {
    if (tostore === MULTRET) tostore = 0;
    if (nelems <= MAXARG_C) this.emitABC(Op.SETLIST, base, tostore, nelems);
    else {
      const extra = Math.floor(nelems / (MAXARG_C + 1));
      this.emitABC(Op.SETLIST, base, tostore, nelems % (MAXARG_C + 1), 1);
      this.emitExtraArg(extra);
    }
    this.freereg = base + 1;
  }

  /** Final pass: RETURN flags for vararg/closing functions, jumps to jumps shortcut. */
  finish(): void {
    const code = this.code;
    const p = this.f;
    for (let i = 0; i < code.length; i++) {
      const ins = code[i];
      switch (opcode(ins)) {
        case Op.RETURN0: case Op.RETURN1:
          if (!(this.needClose || p.isVararg)) break;
          code[i] = ((ins & ~0x7f) | Op.RETURN) >>> 0;
          this.flagReturn(i);
          break;
        case Op.RETURN: case Op.TAILCALL:
          this.flagReturn(i);
          break;
        case Op.JMP:
          this.fixJump(i, finalTarget(code, i));
          break;
        default:
          break;
      }
    }
  }

  /** Marks a return/tail call that must close upvalues (k) or restore a vararg frame (C). */
  private flagReturn(i: number): void {
    if (this.needClose) this.code[i] = setk(this.code[i], 1);
    if (this.f.isVararg) this.code[i] = setC(this.code[i], this.f.numparams + 1);
  }

  /** Sets a FORPREP/TFORPREP/FORLOOP/TFORLOOP offset. */
  fixForJump(pc: number, dest: number, back: boolean): void {
    let offset = dest - (pc + 1);
    if (back) offset = -offset;
    if (offset > MAXARG_Bx) this.syntaxError('control structure too long');
    this.code[pc] = setBx(this.code[pc], offset);
  }

  /** Patches the C operand of the instruction at `pc` (call statements use no results). */
  setCallResults(pc: number, c: number): void {
    this.code[pc] = setC(this.code[pc], c);
  }

  /** Turns the CALL at `pc` into a TAILCALL. */
  makeTailCall(pc: number): void {
    this.code[pc] = ((this.code[pc] & ~0x7f) | Op.TAILCALL) >>> 0;
  }
}

// ------------------------------------------------------------------ helpers

function numeral(e: ExpDesc): Numeral | undefined {
  if (hasJumps(e)) return undefined;
  if (e.k === 'kint') return { isFloat: false, v: e.ival };
  if (e.k === 'kflt') return { isFloat: true, v: e.nval };
  return undefined;
}

/** Descriptor of a constant value (compile-time constant variables). */
export function constToExp(v: LuaValue): ExpDesc {
  if (v === undefined) return mkSimple('nil');
  if (v === true) return mkSimple('true');
  if (v === false) return mkSimple('false');
  if (typeof v === 'string') return mkStr(v);
  if (typeof v === 'bigint') return mkInt(v);
  if (typeof v === 'number') return Number.isInteger(v) ? mkInt(v) : mkFlt(v);
  if (v instanceof LFloat) return mkFlt(v.n);
  throw new Error('not a constant');
}

/** The constant value of `e` if it is one (for `<const>` variables), else undefined; `found` tells which. */
export function expToConst(e: ExpDesc, constOf: (i: number) => LuaValue): { value: LuaValue } | undefined {
  if (hasJumps(e)) return undefined;
  switch (e.k) {
    case 'false': return { value: false };
    case 'true': return { value: true };
    case 'nil': return { value: undefined };
    case 'kstr': return { value: e.sval };
    case 'const': return { value: constOf(e.info) };
    case 'kint': return { value: e.ival };
    case 'kflt': return { value: Number.isInteger(e.nval) ? new LFloat(e.nval) : e.nval };
    default: return undefined;
  }
}

/** Same type (integer vs float matters) and raw-equal. */
function sameConstant(a: LuaValue, b: LuaValue): boolean {
  if (a === b) return true;
  if (a instanceof LFloat && b instanceof LFloat) return a.n === b.n;
  return typeof a === 'bigint' && typeof b === 'bigint' && a === b;
}

function ceilLog2(x: number): number {
  let l = 0;
  x--;
  while (x >= 1) {
    l++;
    x = Math.floor(x / 2);
  }
  return l;
}

/** Final target of a jump, skipping chains of jumps (bounded, to survive cycles). */
function finalTarget(code: number[], i: number): number {
  for (let count = 0; count < 100; count++) {
    const ins = code[i];
    if (opcode(ins) !== Op.JMP) break;
    i += argsJ(ins) + 1;
  }
  return i;
}

