/*
 * The code generator proper: walks the syntax tree in source order and drives the FunctionState the way
 * PUC-Lua's one-pass parser drives its code generator, so that register allocation, constant numbering,
 * jump layout and line attribution match luac5.4.
 *
 * Line attribution: `fs.line` plays the role of the parser's "last token read" (PUC's lastline). It is moved
 * forward as nodes are visited, using the lines the tree records for tokens that are not nodes (closing
 * brackets, method names, block openers, the token before `{`/`...`; see ast.ts); instructions that
 * PUC-Lua explicitly re-attributes (calls, operators, for-loop instructions, function definitions) get
 * their node's line.
 *
 * Deep left-nested expressions (long `a + b + c ...` chains, method chains) are compiled iteratively along
 * their left spine, so the JS stack depth only grows with genuine nesting.
 */
import type {
  Block, Chunk, Expr, Stat, LabelStat, FunctionExpr, TableExpr, CallExpr, MethodCallExpr, LocalStat, AssignStat,
  IfStat, IfClause, NumericForStat, GenericForStat, RepeatStat, WhileStat, ReturnStat, FunctionStat, AssignTarget,
  CommaLines,
  BinaryOp, UnaryOp,
} from '../syntax/ast.js';
import { Op } from './opcodes.js';
import type { Proto } from './proto.js';
import {
  type ExpDesc, NO_JUMP, VOID, mkInfo, mkSimple, mkInt, mkFlt, mkStr, hasMultRet, isIndexed,
} from './expdesc.js';
import { BinOpr, UnOpr, MULTRET, FIELDS_PER_FLUSH, expToConst } from './funcstate.js';
import { Resolver } from './resolver.js';
import { Session, VarKind } from './scope.js';
import { LFloat } from '../runtime/value.js';
import { firstLine, statToken, exprToken } from './lines.js';

const BINOPR: Record<BinaryOp, BinOpr> = {
  '+': BinOpr.ADD, '-': BinOpr.SUB, '*': BinOpr.MUL, '%': BinOpr.MOD, '^': BinOpr.POW, '/': BinOpr.DIV,
  '//': BinOpr.IDIV, '&': BinOpr.BAND, '|': BinOpr.BOR, '~': BinOpr.BXOR, '<<': BinOpr.SHL, '>>': BinOpr.SHR,
  '..': BinOpr.CONCAT, '==': BinOpr.EQ, '<': BinOpr.LT, '<=': BinOpr.LE, '~=': BinOpr.NE, '>': BinOpr.GT,
  '>=': BinOpr.GE, 'and': BinOpr.AND, 'or': BinOpr.OR,
};

const UNOPR: Record<UnaryOp, UnOpr> = { '-': UnOpr.MINUS, '~': UnOpr.BNOT, 'not': UnOpr.NOT, '#': UnOpr.LEN };

/** What follows a block, for error positions: the line and text of its closing token. */
interface BlockEnd {
  line: number;
  token: string;
  /** Closed by `until` (labels before it are not "at the end" of their block). */
  until: boolean;
}

interface ListControl {
  /** Last list item read, not yet stored. */
  v: ExpDesc;
  /** Table register. */
  t: number;
  /** Record (hash) fields. */
  nh: number;
  /** Array items already stored. */
  na: number;
  /** Array items pending. */
  tostore: number;
}

export class CodeGen extends Resolver {
  /**
   * How PUC-Lua would show the token following the expression being compiled: the "near" part of an error
   * raised right after reading a name (too many upvalues). Parents set it before compiling a child.
   */
  private follow = '<eof>';

  constructor(session: Session) {
    super(session);
  }

  /** Compiles a whole chunk: the main function is vararg and has `_ENV` as its only upvalue. */
  compileMain(chunk: Chunk): Proto {
    const fs = this.openFunction(0);
    fs.line = 1;
    fs.f.isVararg = true;
    fs.emitABC(Op.VARARGPREP, 0, 0, 0);
    this.allocUpvalue(fs, { name: '_ENV', instack: true, idx: 0, kind: VarKind.REG });
    const end = { line: chunk.body.endLine, token: '<eof>', until: false };
    this.statList(chunk.body, 0, end);
    this.site = { line: end.line, near: end.token };
    this.closeFunction();
    return fs.f;
  }

  // ================================================================== statements

  private block(b: Block, end: BlockEnd): void {
    this.enterBlock(false);
    this.statList(b, 0, end);
    this.leaveBlock();
  }

  /** The statements of `b` from index `from`; leaves `fs.line` on the block's last token. */
  private statList(b: Block, from: number, end: BlockEnd): void {
    const stats = b.stats;
    for (let i = from; i < stats.length; i++) {
      const s = stats[i];
      if (s.kind === 'Label') {
        i = this.labelRun(stats, i, end) - 1;
        continue;
      }
      this.statement(s, i + 1 < stats.length ? stats[i + 1] : undefined, end);
    }
    this.fs.line = b.tailLine;
  }

  /** Where the token after statement `s` is: the next statement's first token or the block's end. */
  private nextSite(next: Stat | undefined, end: BlockEnd): { line: number; near: string } {
    return next ? { line: next.line, near: statToken(next) } : { line: end.line, near: end.token };
  }

  private statement(s: Stat, next: Stat | undefined, end: BlockEnd): void {
    const fs = this.fs;
    fs.line = s.line;
    this.site = { line: s.line, near: statToken(s) };
    this.follow = next ? statToken(next) : end.token;
    switch (s.kind) {
      case 'Local': this.localStat(s, next, end); break;
      case 'Assign': this.assignStat(s); break;
      case 'CallStat': {
        const e = this.expr(s.call);
        fs.setCallResults((e as { info: number }).info, 1);
        break;
      }
      case 'Do':
        this.block(s.body, { line: s.body.endLine, token: "'end'", until: false });
        break;
      case 'While': this.whileStat(s); break;
      case 'Repeat': this.repeatStat(s); break;
      case 'If': this.ifStat(s); break;
      case 'NumericFor': this.numericFor(s); break;
      case 'GenericFor': this.genericFor(s); break;
      case 'FunctionStat': this.functionStat(s, this.nextSite(next, end)); break;
      case 'LocalFunction': {
        const fvar = fs.nactvar;
        this.site = { line: s.func.line, near: "'('" };
        this.newLocalVar(s.name);
        this.adjustLocalVars(1);
        this.body(s.func, s.func.line, this.nextSite(next, end));
        // debug information only sees the variable after the closure is built
        fs.f.locvars[fs.varDesc(fvar).pidx].startpc = fs.pc;
        break;
      }
      case 'Return': this.returnStat(s); break;
      case 'Break':
        this.newGotoEntry('break', s.line, fs.jump());
        break;
      case 'Goto': this.gotoStat(s.label, s.line); break;
      case 'Label': throw new Error('labels are handled by statList');
    }
    fs.freereg = fs.nvarstack();
  }

  /**
   * A run of consecutive labels starting at stats[i]. PUC-Lua handles the following no-op statements before
   * creating a label, so the labels of a run are created last to first. Returns the index after the run.
   */
  private labelRun(stats: Stat[], i: number, end: BlockEnd): number {
    let j = i;
    while (j < stats.length && stats[j].kind === 'Label') j++;
    const last = j === stats.length && !end.until;
    this.site = this.nextSite(stats[j], end);
    this.fs.line = (stats[i] as LabelStat).endLine;
    for (let n = j - 1; n >= i; n--) {
      const lb = stats[n] as LabelStat;
      this.checkRepeatedLabel(lb.name);
      this.createLabel(lb.name, lb.line, last);
      this.fs.freereg = this.fs.nvarstack();
    }
    return j;
  }

  private gotoStat(name: string, line: number): void {
    const fs = this.fs;
    const lb = this.findLabel(name);
    if (lb === undefined) {
      this.newGotoEntry(name, line, fs.jump());
      return;
    }
    const lblevel = fs.regLevel(lb.nactvar);
    if (fs.nvarstack() > lblevel) fs.emitABC(Op.CLOSE, lblevel, 0, 0);
    fs.patchList(fs.jump(), lb.pc);
  }

  private localStat(s: LocalStat, next: Stat | undefined, end: BlockEnd): void {
    const fs = this.fs;
    let toclose = -1;
    let vidx = 0;
    const names = s.names;
    for (let i = 0; i < names.length; i++) {
      const n = names[i];
      this.site = {
        line: n.line,
        near: n.attrib ? "'<'" : i + 1 < names.length ? "','" : s.exprs.length ? "'='" : this.nextSite(next, end).near,
      };
      vidx = this.newLocalVar(n.name);
      const kind = n.attrib === 'const' ? VarKind.CONST : n.attrib === 'close' ? VarKind.CLOSE : VarKind.REG;
      fs.varDesc(vidx).kind = kind;
      if (kind === VarKind.CLOSE) {
        if (toclose !== -1) this.semError('multiple to-be-closed variables in local list', n.line);
        toclose = fs.nactvar + i;
      }
    }
    const nvars = names.length;
    let e: ExpDesc = VOID;
    let nexps = 0;
    if (s.exprs.length) {
      nexps = s.exprs.length;
      e = this.explist(s.exprs, s.commaLines);
    }
    fs.line = s.endLine;
    this.site = this.nextSite(next, end);
    const vd = fs.varDesc(vidx);
    const k = nvars === nexps && vd.kind === VarKind.CONST
      ? expToConst(e, (i) => this.session.actvar[i].value) : undefined;
    if (k !== undefined) {
      vd.kind = VarKind.CTC;
      vd.value = k.value;
      this.adjustLocalVars(nvars - 1);
      fs.nactvar++;
    } else {
      this.adjustAssign(nvars, nexps, e);
      this.adjustLocalVars(nvars);
    }
    if (toclose !== -1) {
      this.markToBeClosed();
      fs.emitABC(Op.TBC, fs.regLevel(toclose), 0, 0);
    }
  }

  /** Adjusts `nexps` values (the last one being `e`) to `nvars` registers. */
  private adjustAssign(nvars: number, nexps: number, e: ExpDesc): void {
    const fs = this.fs;
    const needed = nvars - nexps;
    if (hasMultRet(e)) {
      fs.setReturns(e, Math.max(needed + 1, 0));
    } else {
      if (e.k !== 'void') fs.exp2nextreg(e);
      if (needed > 0) fs.loadNil(fs.freereg, needed);
    }
    if (needed > 0) fs.reserveRegs(needed);
    else fs.freereg += needed;
  }

  private assignStat(s: AssignStat): void {
    const fs = this.fs;
    const targets = s.targets;
    const lhs: ExpDesc[] = [];
    const follow = this.follow;
    for (let i = 0; i < targets.length; i++) {
      this.follow = i + 1 < targets.length ? "','" : "'='";
      const v = this.target(targets[i]);
      if (i > 0 && !isIndexed(v)) this.checkConflict(lhs, v);
      lhs.push(v);
      this.checkReadonly(v, s.line);
    }
    const nvars = lhs.length;
    const nexps = s.exprs.length;
    this.follow = follow;
    let e = this.explist(s.exprs, s.commaLines);
    if (nexps !== nvars) {
      this.adjustAssign(nvars, nexps, e);
      fs.storeVar(lhs[nvars - 1], mkInfo('nonreloc', fs.freereg - 1));
    } else {
      e = fs.setOneRet(e);
      fs.storeVar(lhs[nvars - 1], e);
    }
    for (let i = nvars - 2; i >= 0; i--) fs.storeVar(lhs[i], mkInfo('nonreloc', fs.freereg - 1));
  }

  private target(t: AssignTarget): ExpDesc {
    return this.expr(t);
  }

  /**
   * In a multiple assignment, a local or upvalue assigned now may be used as table or index by a previous
   * target: those targets then use a copy made before any store.
   */
  private checkConflict(lhs: ExpDesc[], v: ExpDesc): void {
    const fs = this.fs;
    const extra = fs.freereg;
    let conflict = false;
    for (let i = 0; i < lhs.length; i++) {
      const lh = lhs[i];
      if (lh.k === 'indexup') {
        if (v.k === 'upval' && lh.table === v.info) {
          conflict = true;
          lhs[i] = { ...lh, k: 'indexstr', table: extra };
        }
      } else if (lh.k === 'indexed' || lh.k === 'indexi' || lh.k === 'indexstr') {
        let table = lh.table;
        let key = lh.key;
        if (v.k === 'local' && table === v.ridx) {
          conflict = true;
          table = extra;
        }
        if (lh.k === 'indexed' && v.k === 'local' && key === v.ridx) {
          conflict = true;
          key = extra;
        }
        if (table !== lh.table || key !== lh.key) lhs[i] = { ...lh, table, key };
      }
    }
    if (conflict) {
      if (v.k === 'local') fs.emitABC(Op.MOVE, extra, v.ridx, 0);
      else fs.emitABC(Op.GETUPVAL, extra, (v as { info: number }).info, 0);
      fs.reserveRegs(1);
    }
  }

  /** A condition: returns the false-exit jump list. */
  private cond(c: Expr): number {
    let v = this.expr(c);
    if (v.k === 'nil') v = mkSimple('false', v.tj, v.fj);
    return this.fs.goIfTrue(v).fj;
  }

  private whileStat(s: WhileStat): void {
    const fs = this.fs;
    const whileInit = fs.getLabel();
    this.follow = "'do'";
    const condExit = this.cond(s.cond);
    this.enterBlock(true);
    this.block(s.body, { line: s.body.endLine, token: "'end'", until: false });
    fs.jumpTo(whileInit);
    fs.line = s.body.endLine;
    this.site = { line: s.body.endLine, near: "'end'" };
    this.leaveBlock();
    fs.patchToHere(condExit);
  }

  private repeatStat(s: RepeatStat): void {
    const fs = this.fs;
    const repeatInit = fs.getLabel();
    this.enterBlock(true);
    const scope = this.enterBlock(false);
    this.statList(s.body, 0, { line: s.body.endLine, token: "'until'", until: true });
    fs.line = s.body.endLine;
    let condExit = this.cond(s.cond);
    this.leaveBlock();
    if (scope.upval) {
      const exit = fs.jump();
      fs.patchToHere(condExit);
      fs.emitABC(Op.CLOSE, fs.regLevel(scope.nactvar), 0, 0);
      condExit = fs.jump();
      fs.patchToHere(exit);
    }
    fs.patchList(condExit, repeatInit);
    this.leaveBlock();
  }

  private ifStat(s: IfStat): void {
    const fs = this.fs;
    let escape = NO_JUMP;
    const n = s.clauses.length;
    for (let i = 0; i < n; i++) {
      const c = s.clauses[i];
      const followed = i + 1 < n || s.orelse !== undefined;
      const token = i + 1 < n ? "'elseif'" : s.orelse ? "'else'" : "'end'";
      fs.line = c.line;
      escape = this.testThenBlock(c, followed, escape, { line: c.body.endLine, token, until: false });
    }
    if (s.orelse) {
      fs.line = s.orelse.openLine;
      this.block(s.orelse, { line: s.orelse.endLine, token: "'end'", until: false });
    }
    fs.patchToHere(escape);
  }

  private testThenBlock(c: IfClause, followed: boolean, escape: number, end: BlockEnd): number {
    const fs = this.fs;
    const body = c.body;
    this.follow = "'then'";
    let v = this.expr(c.cond);
    fs.line = body.openLine; // the jumps are emitted once 'then' is read
    let jf: number;
    const first = body.stats[0];
    if (c.breakFirst && first !== undefined && first.kind === 'Break') {
      // 'if x then break': jump straight to the loop exit when the condition is true
      v = fs.goIfFalse(v);
      fs.line = first.line;
      this.enterBlock(false);
      this.newGotoEntry('break', first.line, v.tj);
      if (body.stats.length === 1) {
        this.leaveBlock();
        return escape;
      }
      fs.line = first.endLine; // after the `;` that follow 'break'
      jf = fs.jump();
    } else {
      v = fs.goIfTrue(v);
      this.enterBlock(false);
      jf = v.fj;
    }
    this.statList(body, c.breakFirst ? 1 : 0, end);
    this.leaveBlock();
    if (followed) escape = fs.concat(escape, fs.jump());
    fs.patchToHere(jf);
    return escape;
  }

  private numericFor(s: NumericForStat): void {
    const fs = this.fs;
    this.enterBlock(true);
    const base = fs.freereg;
    this.site = { line: s.line, near: "'='" };
    this.newLocalVar('(for state)');
    this.newLocalVar('(for state)');
    this.newLocalVar('(for state)');
    this.newLocalVar(s.var);
    this.follow = "','";
    this.exp1(s.start);
    this.follow = s.step ? "','" : "'do'";
    this.exp1(s.limit);
    this.follow = "'do'";
    if (s.step) this.exp1(s.step);
    else {
      fs.loadInt(fs.freereg, 1);
      fs.reserveRegs(1);
    }
    this.adjustLocalVars(3);
    this.forBody(base, s.line, 1, false, s.body);
    fs.line = s.body.endLine;
    this.leaveBlock();
  }

  private exp1(e: Expr): void {
    this.fs.exp2nextreg(this.expr(e));
  }

  private genericFor(s: GenericForStat): void {
    const fs = this.fs;
    this.enterBlock(true);
    const base = fs.freereg;
    this.site = { line: s.line, near: s.names.length > 1 ? "','" : "'in'" };
    for (let i = 0; i < 4; i++) this.newLocalVar('(for state)');
    for (let i = 0; i < s.names.length; i++) {
      if (i > 0) this.site = { line: s.line, near: i + 1 < s.names.length ? "','" : "'in'" };
      this.newLocalVar(s.names[i]);
    }
    const line = s.loopLine;
    this.follow = "'do'";
    this.adjustAssign(4, s.exprs.length, this.explist(s.exprs, s.commaLines));
    this.adjustLocalVars(4);
    this.markToBeClosed();
    fs.checkStack(3);
    this.forBody(base, line, s.names.length, true, s.body);
    fs.line = s.body.endLine;
    this.leaveBlock();
  }

  private forBody(base: number, line: number, nvars: number, isGen: boolean, body: Block): void {
    const fs = this.fs;
    fs.line = body.openLine; // once 'do' is read
    const prep = fs.emitABx(isGen ? Op.TFORPREP : Op.FORPREP, base, 0);
    this.enterBlock(false);
    this.adjustLocalVars(nvars);
    fs.reserveRegs(nvars);
    this.block(body, { line: body.endLine, token: "'end'", until: false });
    this.leaveBlock();
    fs.fixForJump(prep, fs.getLabel(), false);
    if (isGen) {
      fs.emitABC(Op.TFORCALL, base, 0, nvars);
      fs.fixLine(line);
    }
    const endfor = fs.emitABx(isGen ? Op.TFORLOOP : Op.FORLOOP, base, 0);
    fs.fixForJump(endfor, prep + 1, true);
    fs.fixLine(line);
  }

  private functionStat(s: FunctionStat, after: { line: number; near: string }): void {
    const fs = this.fs;
    const lines = s.nameLines;
    fs.line = lines[0];
    let v = this.singleVar(s.path[0]);
    for (let i = 1; i < s.path.length; i++) v = this.fieldSel(v, s.path[i], lines[i]);
    if (s.method !== undefined) v = this.fieldSel(v, s.method, lines[s.path.length]);
    const b = this.body(s.func, s.line, after);
    this.checkReadonly(v, after.line);
    fs.storeVar(v, b);
    fs.fixLine(s.line);
  }

  /** `v.name`, `name` being read at line `line`: `v` goes to a register, if it must, before the `.`. */
  private fieldSel(v: ExpDesc, name: string, line: number): ExpDesc {
    const fs = this.fs;
    v = fs.exp2anyregup(v);
    fs.line = line;
    return fs.indexed(v, mkStr(name));
  }

  private returnStat(s: ReturnStat): void {
    const fs = this.fs;
    let first = fs.nvarstack();
    let nret = s.exprs.length;
    if (nret > 0) {
      const e = this.explist(s.exprs, s.commaLines);
      if (hasMultRet(e)) {
        fs.setMultRet(e);
        if (e.k === 'call' && nret === 1 && !fs.bl!.insideTbc) fs.makeTailCall(e.info);
        nret = MULTRET;
      } else if (nret === 1) {
        first = fs.exp2anyreg(e).info;
      } else {
        fs.exp2nextreg(e);
      }
    }
    fs.ret(first, nret);
  }

  // ================================================================== functions

  /** Compiles a function body; the closure ends up in the next free register of the enclosing function. */
  private body(func: FunctionExpr, linedefined: number, after: { line: number; near: string }): ExpDesc {
    const parent = this.fs;
    const savedSite = this.site;
    const fs = this.openFunction(linedefined);
    parent.f.p.push(fs.f);
    const params = func.params;
    for (let i = 0; i < params.length; i++) {
      const isSelf = i === 0 && func.isMethod;
      this.site = {
        line: func.line,
        near: isSelf ? "'('" : i + 1 < params.length || func.isVararg ? "','" : "')'",
      };
      this.newLocalVar(params[i]);
      if (isSelf) this.adjustLocalVars(1);
    }
    this.adjustLocalVars(params.length - (func.isMethod ? 1 : 0));
    fs.f.numparams = fs.nactvar;
    if (func.isVararg) {
      fs.f.isVararg = true;
      fs.line = func.varargLine;
      fs.emitABC(Op.VARARGPREP, fs.f.numparams, 0, 0);
    }
    fs.reserveRegs(fs.nactvar);
    this.statList(func.body, 0, { line: func.body.endLine, token: "'end'", until: false });
    fs.f.lastlinedefined = func.lastLine;
    // the CLOSURE instruction is emitted once 'end' is read, before the function is closed
    parent.line = func.lastLine;
    const e = parent.exp2nextreg(mkInfo('reloc', parent.emitABx(Op.CLOSURE, 0, parent.f.p.length - 1)));
    fs.line = func.lastLine;
    this.site = after;
    this.closeFunction();
    this.site = savedSite;
    return e;
  }

  // ================================================================== expressions

  /** Compiles `exprs`, leaving all but the last in consecutive registers; returns the last. */
  private explist(exprs: Expr[], commas: CommaLines): ExpDesc {
    const follow = this.follow;
    const n = exprs.length;
    if (n > 1) this.follow = "','";
    let v = this.expr(exprs[0]);
    for (let i = 1; i < n; i++) {
      this.site = { line: firstLine(exprs[i]), near: exprToken(exprs[i]) };
      if (commas !== undefined && commas[i - 1] !== undefined) this.fs.line = commas[i - 1];
      v = this.fs.exp2nextreg(v);
      if (i === n - 1) this.follow = follow;
      v = this.expr(exprs[i]);
    }
    return v;
  }

  expr(e: Expr): ExpDesc {
    const fs = this.fs;
    switch (e.kind) {
      case 'Nil': fs.line = e.line; return mkSimple('nil');
      case 'True': fs.line = e.line; return mkSimple('true');
      case 'False': fs.line = e.line; return mkSimple('false');
      case 'Number': fs.line = e.line; return numberExp(e.value);
      case 'String': fs.line = e.line; return mkStr(e.value);
      case 'Vararg': {
        // emitted before the '...' token is consumed
        fs.line = e.prevLine;
        const pc = fs.emitABC(Op.VARARG, 0, 0, 1);
        fs.line = e.line;
        return mkInfo('vararg', pc);
      }
      case 'Function': {
        fs.line = e.line;
        return this.body(e, e.line, { line: e.lastLine, near: this.site.near ?? "'end'" });
      }
      case 'Table': return this.constructor_(e);
      case 'Binary': return this.binary(e);
      case 'Unary': {
        fs.line = e.line;
        const v = this.expr(e.operand);
        return fs.prefix(UNOPR[e.op], v, e.line);
      }
      case 'Paren': {
        fs.line = e.line;
        const follow = this.follow;
        this.follow = "')'";
        const v = this.expr(e.expr);
        this.follow = follow;
        fs.line = e.endLine;
        return fs.dischargeVars(v);
      }
      case 'Name':
      case 'Index':
      case 'Call':
      case 'MethodCall':
        return this.suffixedExp(e);
    }
  }

  /** Binary operators, iterating down the left spine of left-associative chains. */
  private binary(e: Expr & { kind: 'Binary' }): ExpDesc {
    const fs = this.fs;
    const spine: (Expr & { kind: 'Binary' })[] = [];
    let n: Expr = e;
    while (n.kind === 'Binary') {
      spine.push(n);
      n = n.left;
    }
    const follow = this.follow;
    this.follow = `'${spine[spine.length - 1].op}'`;
    let v = this.expr(n);
    for (let i = spine.length - 1; i >= 0; i--) {
      const b = spine[i];
      const op = BINOPR[b.op];
      this.follow = i > 0 ? `'${spine[i - 1].op}'` : follow;
      fs.line = b.line;
      this.site = { line: firstLine(b.right), near: exprToken(b.right) };
      v = fs.infix(op, v);
      const v2 = this.expr(b.right);
      v = fs.posfix(op, v, v2, b.line);
    }
    return v;
  }

  /** Names, indexing and calls: `primary { .name | [exp] | :name args | args }`, compiled left to right. */
  private suffixedExp(e: Expr): ExpDesc {
    const fs = this.fs;
    const spine: Expr[] = [];
    let n: Expr = e;
    for (;;) {
      if (n.kind === 'Index') {
        spine.push(n);
        n = n.obj;
      } else if (n.kind === 'Call') {
        spine.push(n);
        n = n.fn;
      } else if (n.kind === 'MethodCall') {
        spine.push(n);
        n = n.obj;
      } else break;
    }
    const line = n.line; // PUC-Lua attributes calls to the line where the suffixed expression starts
    const follow = this.follow;
    let v: ExpDesc;
    if (n.kind === 'Name') {
      fs.line = n.line;
      this.site = { line: n.line, near: spine.length ? suffixToken(spine[spine.length - 1]) : follow };
      v = this.singleVar(n.name);
    } else {
      v = this.expr(n);
      // a primary expression other than a name is parenthesised: its value is final
      if (n.kind !== 'Paren') v = fs.dischargeVars(v);
    }
    for (let i = spine.length - 1; i >= 0; i--) {
      const s = spine[i];
      switch (s.kind) {
        case 'Index': {
          v = fs.exp2anyregup(v);
          fs.line = s.line;
          this.follow = "']'";
          const key = fs.exp2val(this.expr(s.key));
          fs.line = s.endLine; // the key goes to a register, if it must, once ']' is read
          v = fs.indexed(v, key);
          break;
        }
        case 'MethodCall': {
          fs.line = s.nameLine;
          v = fs.self(v, mkStr(s.name));
          v = this.funcArgs(v, s, line);
          break;
        }
        case 'Call': {
          v = fs.exp2nextreg(v);
          v = this.funcArgs(v, s as CallExpr, line);
          break;
        }
        default:
          throw new Error('unexpected suffix');
      }
    }
    return v;
  }

  private funcArgs(f: ExpDesc, call: CallExpr | MethodCallExpr, line: number): ExpDesc {
    const fs = this.fs;
    let args: ExpDesc = VOID;
    if (call.args.length) {
      const follow = this.follow;
      this.follow = "')'";
      args = this.explist(call.args, call.commaLines);
      this.follow = follow;
      if (hasMultRet(args)) fs.setMultRet(args);
    }
    fs.line = call.endLine;
    const base = (f as { info: number }).info;
    let nparams: number;
    if (hasMultRet(args)) nparams = MULTRET;
    else {
      if (args.k !== 'void') fs.exp2nextreg(args);
      nparams = fs.freereg - (base + 1);
    }
    const pc = fs.emitABC(Op.CALL, base, nparams + 1, 2);
    fs.fixLine(line);
    fs.freereg = base + 1;
    return mkInfo('call', pc);
  }

  private constructor_(t: TableExpr): ExpDesc {
    const fs = this.fs;
    // NEWTABLE is emitted before '{' is consumed
    fs.line = t.prevLine;
    const pc = fs.emitABC(Op.NEWTABLE, 0, 0, 0);
    fs.emit(0); // room for EXTRAARG
    const cc: ListControl = { v: VOID, t: fs.freereg, nh: 0, na: 0, tostore: 0 };
    fs.reserveRegs(1);
    fs.line = t.line;
    const fields = t.fields;
    const seps = t.sepLines;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      this.site = { line: field.line, near: field.kind === 'Keyed' ? "'['" : field.kind === 'Named' ? `'${field.name}'` : exprToken(field.value) };
      // the previous item goes to its register once the separator after it is read
      if (seps !== undefined && i > 0 && seps[i - 1] !== undefined) fs.line = seps[i - 1];
      this.closeListField(cc);
      if (field.kind === 'Positional') {
        cc.v = this.expr(field.value);
        cc.tostore++;
        continue;
      }
      const reg = fs.freereg;
      fs.line = field.line;
      let key: ExpDesc;
      if (field.kind === 'Named') key = mkStr(field.name);
      else {
        key = fs.exp2val(this.expr(field.key));
        fs.line = field.eqLine;
      }
      cc.nh++;
      const tab = fs.indexed(mkInfo('nonreloc', cc.t), key);
      const val = this.expr(field.value);
      fs.storeVar(tab, val);
      fs.freereg = reg;
    }
    fs.line = t.endLine;
    this.lastListField(cc);
    fs.setTableSize(pc, cc.t, cc.na, cc.nh);
    return mkInfo('nonreloc', cc.t);
  }

  private closeListField(cc: ListControl): void {
    if (cc.v.k === 'void') return;
    const fs = this.fs;
    fs.exp2nextreg(cc.v);
    cc.v = VOID;
    if (cc.tostore === FIELDS_PER_FLUSH) {
      fs.setList(cc.t, cc.na, cc.tostore);
      cc.na += cc.tostore;
      cc.tostore = 0;
    }
  }

  private lastListField(cc: ListControl): void {
    if (cc.tostore === 0) return;
    const fs = this.fs;
    if (hasMultRet(cc.v)) {
      fs.setMultRet(cc.v);
      fs.setList(cc.t, cc.na, MULTRET);
      cc.na--;
    } else {
      if (cc.v.k !== 'void') fs.exp2nextreg(cc.v);
      fs.setList(cc.t, cc.na, cc.tostore);
    }
    cc.na += cc.tostore;
  }
}

function numberExp(v: number | bigint | LFloat): ExpDesc {
  if (v instanceof LFloat) return mkFlt(v.n);
  if (typeof v === 'bigint') return mkInt(v);
  return Number.isInteger(v) ? mkInt(v) : mkFlt(v);
}


/** The token that starts suffix `s` of a suffixed expression (`a["k"]` is taken for `a.k`). */
function suffixToken(s: Expr): string {
  if (s.kind === 'Index') return s.key.kind === 'String' ? "'.'" : "'['";
  return s.kind === 'MethodCall' ? "':'" : "'('";
}
