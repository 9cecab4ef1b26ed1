/*
 * Recursive-descent parser for Lua 5.4 producing the tree of ast.ts.
 *
 * It consumes tokens in exactly the order PUC-Lua's lparser.c does and reads the lexer's `line` where
 * lparser reads `ls->linenumber`, so that every syntax error (text, line and the token quoted after "near")
 * and every attributed line is the same as PUC's. The checks PUC makes while parsing are made here at the
 * same moment, including the scope-dependent ones that PUC raises during its single pass: labels defined
 * twice, gotos into a local's scope or to no visible label, `break` outside a loop, assignment to a
 * <const>/<close> variable, more than 200 locals, and nesting deeper than PUC's C-call limit. Upvalue counts
 * and register limits are the compiler's.
 *
 * Line conventions (mirroring lparser.c): a statement's line is where it starts; a call or method call gets
 * the line where its whole suffixed expression starts (PUC fixes the CALL instruction there); an operator
 * its own line; an index the line of its '.' or '['; a function its `linedefined` (for an anonymous or local
 * function, the line of the token after `function`/the name, usually '('); a generic for gets its statement
 * line, and `loopLine` for its TFORCALL/TFORLOOP (the line of the first token after `in`).
 * Any other node gets the line of its first token as PUC's scanner reports it, i.e. where that token ends
 * (a multi-line string is on its last line; inside a table constructor a name's line is that of the token
 * after it, which PUC has already looked ahead to).
 * PUC emits each instruction on the line of the last token read (its `lastline`), so the tree also records
 * the lines of the tokens that are not nodes but decide where instructions go (see ast.ts): closing
 * `)`/`]`/`}` (`endLine`), a method's name and a function statement's names, the `...` of a parameter list,
 * the token before `{` and `...` (`prevLine`, PUC's lastline when it emits NEWTABLE/VARARG), separators not
 * on the line of the item before them (`commaLines`, `sepLines`), the token before and the last token of
 * each block (`openLine`, `tailLine`, which count the `;` that are not in the tree). They are read from the
 * lexer as the parser goes; LineLexer keeps `lastline` at the cost of one store per token.
 */
import type {
  Attrib, AssignTarget, BinaryOp, Block, Chunk, CommaLines, Expr, FunctionExpr, IfClause, LocalStat, Stat,
  TableExpr, TableField, UnaryOp,
} from './ast.js';
import { LuaError } from '../runtime/errors.js';
import { Lexer } from './lexer.js';
import { Tok, tokenKindText } from './tokens.js';

export { tokenize } from './lexer.js';

/** PUC's LUAI_MAXCCALLS: parser nesting shares this budget with the C calls active when `load` runs. */
const MAX_C_CALLS = 200;
/** Those C calls for `load` called from a script's main chunk under lua.c (1 for the script file itself). */
const C_CALLS_AT_LOAD = 2;
const MAX_VARS = 200;
const UNARY_PRIORITY = 12;

// Binary operators by token: index into the tables below, or -1.
const BINOP_INDEX = new Int8Array(Tok.String + 1).fill(-1);
const BINOP_NAME: BinaryOp[] = [];
const LEFT_PRI: number[] = [];
const RIGHT_PRI: number[] = [];
function defBinop(tok: number, name: BinaryOp, left: number, right: number): void {
  BINOP_INDEX[tok] = BINOP_NAME.length;
  BINOP_NAME.push(name);
  LEFT_PRI.push(left);
  RIGHT_PRI.push(right);
}
defBinop(0x2b, '+', 10, 10);
defBinop(0x2d, '-', 10, 10);
defBinop(0x2a, '*', 11, 11);
defBinop(0x25, '%', 11, 11);
defBinop(0x5e, '^', 14, 13); // right associative
defBinop(0x2f, '/', 11, 11);
defBinop(Tok.IDiv, '//', 11, 11);
defBinop(0x26, '&', 6, 6);
defBinop(0x7c, '|', 4, 4);
defBinop(0x7e, '~', 5, 5);
defBinop(Tok.Shl, '<<', 7, 7);
defBinop(Tok.Shr, '>>', 7, 7);
defBinop(Tok.Concat, '..', 9, 8); // right associative
defBinop(Tok.Eq, '==', 3, 3);
defBinop(0x3c, '<', 3, 3);
defBinop(Tok.Le, '<=', 3, 3);
defBinop(Tok.Ne, '~=', 3, 3);
defBinop(0x3e, '>', 3, 3);
defBinop(Tok.Ge, '>=', 3, 3);
defBinop(Tok.And, 'and', 2, 2);
defBinop(Tok.Or, 'or', 1, 1);

function unaryOp(tok: number): UnaryOp | undefined {
  switch (tok) {
    case Tok.Not: return 'not';
    case 0x2d: return '-';
    case 0x7e: return '~';
    case 0x23: return '#';
    default: return undefined;
  }
}

/** Per-function parse state (the scope facts PUC keeps in FuncState). */
interface FuncState {
  prev: FuncState | undefined;
  /** Index in `varNames` of this function's first local. */
  firstLocal: number;
  /** Number of active locals (declared and in scope). */
  nactvar: number;
  /** Index in `labels` of this function's first label. */
  firstLabel: number;
  block: BlockState | undefined;
  isVararg: boolean;
  linedefined: number;
}

interface BlockState {
  prev: BlockState | undefined;
  nactvar: number;
  firstLabel: number;
  firstGoto: number;
  isLoop: boolean;
}

/** A label, or a pending goto (`break` is a goto to the label "break" that each loop defines at its end). */
interface JumpDesc {
  name: string;
  line: number;
  nactvar: number;
}

const BREAK = 'break'; // a reserved word, so no user label can have this name

/** The lexer plus PUC's `lastline`: the line of the last token consumed (after a look-ahead, of that token). */
class LineLexer extends Lexer {
  prevLine = 1;

  override next(): void {
    this.prevLine = this.line;
    super.next();
  }
}

/**
 * Parses a chunk. Throws LuaError with PUC's message on any syntax error. `cCalls` is how many C-level calls
 * PUC would have in progress at this load (see C_CALLS_AT_LOAD; one more per pcall/dofile/require/coroutine
 * level): nesting of syntax levels beyond 200 minus that raises "C stack overflow" exactly where PUC does.
 */
export function parse(source: string, chunkname: string, cCalls: number = C_CALLS_AT_LOAD): Chunk {
  return new Parser(source, chunkname, MAX_C_CALLS - cCalls).mainfunc();
}

class Parser {
  private readonly lex: LineLexer;
  /** Line of the last token of the arguments funcargs just read (its callers' `endLine`). */
  private argsEnd = 0;
  /** The commaLines of the list explist just read. */
  private commas: CommaLines = undefined;
  private fs!: FuncState;
  private depth = 0;
  // declared locals of all open functions (PUC's dyd->actvar), including not-yet-active ones
  private varNames: string[] = [];
  private varAttribs: Attrib[] = [];
  private nvars = 0;
  private labels: JumpDesc[] = [];
  private gotos: JumpDesc[] = [];

  constructor(source: string, chunkname: string, private readonly maxDepth: number) {
    this.lex = new LineLexer(source, chunkname);
  }

  // -------------------------------------------------------------- token helpers

  private testnext(t: number): boolean {
    if (this.lex.tok === t) {
      this.lex.next();
      return true;
    }
    return false;
  }

  private check(t: number): void {
    if (this.lex.tok !== t) this.errorExpected(t);
  }

  private checknext(t: number): void {
    if (this.lex.tok !== t) this.errorExpected(t);
    this.lex.next();
  }

  private errorExpected(t: number): never {
    this.lex.syntaxError(`${tokenKindText(t)} expected`);
  }

  /** Skips `what`, which closes `who` opened at line `where`. */
  private checkMatch(what: number, who: number, where: number): void {
    if (this.lex.tok === what) {
      this.lex.next();
      return;
    }
    if (where === this.lex.line) this.errorExpected(what);
    this.lex.syntaxError(`${tokenKindText(what)} expected (to close ${tokenKindText(who)} at line ${where})`);
  }

  private checkName(): string {
    if (this.lex.tok !== Tok.Name) this.errorExpected(Tok.Name);
    const s = this.lex.sval;
    this.lex.next();
    return s;
  }

  private enterLevel(): void {
    if (++this.depth >= this.maxDepth) throw new LuaError('C stack overflow');
  }

  private blockFollow(withUntil: boolean): boolean {
    switch (this.lex.tok) {
      case Tok.Else: case Tok.Elseif: case Tok.End: case Tok.Eos:
        return true;
      case Tok.Until:
        return withUntil;
      default:
        return false;
    }
  }

  // -------------------------------------------------------------- scopes, labels and gotos

  private newLocalVar(name: string, attrib: Attrib): void {
    const fs = this.fs;
    if (this.nvars + 1 - fs.firstLocal > MAX_VARS) {
      const where = fs.linedefined === 0 ? 'main function' : `function at line ${fs.linedefined}`;
      this.lex.syntaxError(`too many local variables (limit is ${MAX_VARS}) in ${where}`);
    }
    this.varNames[this.nvars] = name;
    this.varAttribs[this.nvars] = attrib;
    this.nvars++;
  }

  private openFunction(isVararg: boolean, linedefined: number): FuncState {
    const fs: FuncState = {
      prev: this.fs,
      firstLocal: this.nvars,
      nactvar: 0,
      firstLabel: this.labels.length,
      block: undefined,
      isVararg,
      linedefined,
    };
    this.fs = fs;
    this.enterBlock(false);
    return fs;
  }

  private closeFunction(): void {
    this.leaveBlock();
    this.fs = this.fs.prev!;
  }

  private enterBlock(isLoop: boolean): void {
    const fs = this.fs;
    fs.block = {
      prev: fs.block,
      nactvar: fs.nactvar,
      firstLabel: this.labels.length,
      firstGoto: this.gotos.length,
      isLoop,
    };
  }

  private leaveBlock(): void {
    const fs = this.fs;
    const bl = fs.block!;
    if (bl.isLoop) this.createLabel(BREAK, 0, false); // resolves the loop's pending breaks
    fs.block = bl.prev;
    this.nvars -= fs.nactvar - bl.nactvar;
    fs.nactvar = bl.nactvar;
    this.labels.length = bl.firstLabel;
    const gotos = this.gotos;
    if (bl.prev !== undefined) {
      for (let i = bl.firstGoto; i < gotos.length; i++) gotos[i].nactvar = bl.nactvar; // now pending outside
    } else if (bl.firstGoto < gotos.length) {
      const gt = gotos[bl.firstGoto];
      if (gt.name === BREAK) this.lex.semanticError(`break outside loop at line ${gt.line}`);
      this.lex.semanticError(`no visible label '${gt.name}' for <goto> at line ${gt.line}`);
    }
  }

  private findLabel(name: string): JumpDesc | undefined {
    const labels = this.labels;
    for (let i = this.fs.firstLabel; i < labels.length; i++) {
      if (labels[i].name === name) return labels[i];
    }
    return undefined;
  }

  /** Defines a label and resolves the pending gotos of the current block that jump to it. */
  private createLabel(name: string, line: number, last: boolean): void {
    const fs = this.fs;
    const bl = fs.block!;
    // a label ending its block is outside the scope of the block's locals
    const label: JumpDesc = { name, line, nactvar: last ? bl.nactvar : fs.nactvar };
    this.labels.push(label);
    const gotos = this.gotos;
    let i = bl.firstGoto;
    while (i < gotos.length) {
      const gt = gotos[i];
      if (gt.name !== name) {
        i++;
        continue;
      }
      if (gt.nactvar < label.nactvar) {
        const local = this.varNames[fs.firstLocal + gt.nactvar];
        this.lex.semanticError(`<goto ${gt.name}> at line ${gt.line} jumps into the scope of local '${local}'`);
      }
      gotos.splice(i, 1);
    }
  }

  private newGoto(name: string, line: number): void {
    this.gotos.push({ name, line, nactvar: this.fs.nactvar });
  }

  /** Raises PUC's error if `target` names a <const> or <close> variable (check_readonly). */
  private checkReadonly(target: Expr): void {
    if (target.kind !== 'Name') return;
    const name = target.name;
    for (let fs: FuncState | undefined = this.fs; fs !== undefined; fs = fs.prev) {
      for (let i = fs.firstLocal + fs.nactvar - 1; i >= fs.firstLocal; i--) {
        if (this.varNames[i] === name) {
          if (this.varAttribs[i] !== undefined) {
            this.lex.semanticError(`attempt to assign to const variable '${name}'`);
          }
          return;
        }
      }
    }
  }

  // -------------------------------------------------------------- functions and blocks

  /** mainfunc -> statlist <eof>  (a vararg function) */
  mainfunc(): Chunk {
    this.openFunction(true, 0);
    this.lex.next();
    const line = this.lex.line;
    const stats: Stat[] = [];
    this.statlist(stats);
    this.check(Tok.Eos);
    const body: Block = { stats, line, openLine: 1, tailLine: this.lex.prevLine, endLine: this.lex.line };
    this.closeFunction();
    return { body, source: this.lex.source, lastLine: this.lex.line };
  }

  /** statlist -> { stat [';'] } */
  private statlist(stats: Stat[]): void {
    while (!this.blockFollow(true)) {
      if (this.lex.tok === Tok.Return) {
        this.statement(stats);
        return; // 'return' must be the last statement
      }
      this.statement(stats);
    }
  }

  /** block -> statlist */
  private block(): Block {
    const line = this.lex.line;
    const openLine = this.lex.prevLine;
    const stats: Stat[] = [];
    this.enterBlock(false);
    this.statlist(stats);
    this.leaveBlock();
    return { stats, line, openLine, tailLine: this.lex.prevLine, endLine: this.lex.line };
  }

  /** body -> '(' parlist ')' block END */
  private body(isMethod: boolean, line: number): FunctionExpr {
    this.openFunction(false, line);
    this.checknext(0x28);
    const params: string[] = [];
    if (isMethod) {
      this.newLocalVar('self', undefined);
      params.push('self');
      this.fs.nactvar++;
    }
    const varargLine = this.parlist(params);
    const isVararg = varargLine !== 0;
    this.fs.isVararg = isVararg;
    this.checknext(0x29);
    const blockLine = this.lex.line;
    const openLine = this.lex.prevLine;
    const stats: Stat[] = [];
    this.statlist(stats);
    const lastLine = this.lex.line;
    const body: Block = { stats, line: blockLine, openLine, tailLine: this.lex.prevLine, endLine: lastLine };
    this.checkMatch(Tok.End, Tok.Function, line);
    this.closeFunction();
    return { kind: 'Function', params, isVararg, varargLine, isMethod, body, line, lastLine };
  }

  /** parlist -> [ {NAME ','} (NAME | '...') ] ; returns the line of '...', or 0 if not vararg */
  private parlist(params: string[]): number {
    let isVararg = false;
    let varargLine = 0;
    let n = 0;
    if (this.lex.tok !== 0x29) {
      do {
        if (this.lex.tok === Tok.Name) {
          const name = this.checkName();
          this.newLocalVar(name, undefined);
          params.push(name);
          n++;
        } else if (this.lex.tok === Tok.Dots) {
          varargLine = this.lex.line;
          this.lex.next();
          isVararg = true;
        } else {
          this.lex.syntaxError("<name> or '...' expected");
        }
      } while (!isVararg && this.testnext(0x2c));
    }
    this.fs.nactvar += n;
    return varargLine;
  }

  // -------------------------------------------------------------- statements

  private statement(stats: Stat[]): void {
    const lex: LineLexer = this.lex;
    const line = lex.line;
    this.enterLevel();
    switch (lex.tok) {
      case 0x3b: // ';' (empty statement)
        lex.next();
        break;
      case Tok.If:
        stats.push(this.ifstat(line));
        break;
      case Tok.While:
        stats.push(this.whilestat(line));
        break;
      case Tok.Do: {
        lex.next();
        const body = this.block();
        this.checkMatch(Tok.End, Tok.Do, line);
        stats.push({ kind: 'Do', body, line });
        break;
      }
      case Tok.For:
        stats.push(this.forstat(line));
        break;
      case Tok.Repeat:
        stats.push(this.repeatstat(line));
        break;
      case Tok.Function:
        stats.push(this.funcstat(line));
        break;
      case Tok.Local:
        lex.next();
        if (this.testnext(Tok.Function)) stats.push(this.localfunc(line));
        else stats.push(this.localstat(line));
        break;
      case Tok.DbColon:
        lex.next();
        this.labelstat(stats, this.checkName(), line);
        break;
      case Tok.Return:
        lex.next();
        stats.push(this.retstat(line));
        break;
      case Tok.Break:
        lex.next();
        this.newGoto(BREAK, line);
        // the `;` after it are no-ops, read here to know where the last one is (see BreakStat)
        while ((lex.tok as number) === 0x3b) lex.next();
        stats.push({ kind: 'Break', line, endLine: lex.prevLine });
        break;
      case Tok.Goto:
        lex.next();
        stats.push(this.gotostat());
        break;
      default:
        stats.push(this.exprstat(line));
        break;
    }
    this.depth--;
  }

  /** ifstat -> IF cond THEN block {ELSEIF cond THEN block} [ELSE block] END */
  private ifstat(line: number): Stat {
    const clauses: IfClause[] = [];
    do {
      // test_then_block -> [IF | ELSEIF] cond THEN block
      const clauseLine = this.lex.line;
      this.lex.next();
      const cond = this.expr();
      this.checknext(Tok.Then);
      const breakFirst = this.lex.tok === Tok.Break;
      clauses.push({ cond, body: this.block(), line: clauseLine, breakFirst });
    } while (this.lex.tok === Tok.Elseif);
    const orelse = this.testnext(Tok.Else) ? this.block() : undefined;
    this.checkMatch(Tok.End, Tok.If, line);
    return { kind: 'If', clauses, orelse, line };
  }

  /** whilestat -> WHILE cond DO block END */
  private whilestat(line: number): Stat {
    this.lex.next();
    const cond = this.expr();
    this.enterBlock(true);
    this.checknext(Tok.Do);
    const body = this.block();
    this.checkMatch(Tok.End, Tok.While, line);
    this.leaveBlock();
    return { kind: 'While', cond, body, line };
  }

  /** repeatstat -> REPEAT block UNTIL cond  (the condition sees the block's locals) */
  private repeatstat(line: number): Stat {
    this.enterBlock(true);
    this.enterBlock(false);
    this.lex.next();
    const blockLine = this.lex.line;
    const stats: Stat[] = [];
    this.statlist(stats);
    const body: Block = { stats, line: blockLine, openLine: line, tailLine: this.lex.prevLine, endLine: this.lex.line };
    this.checkMatch(Tok.Until, Tok.Repeat, line);
    const cond = this.expr();
    this.leaveBlock();
    this.leaveBlock();
    return { kind: 'Repeat', body, cond, line };
  }

  /** forstat -> FOR (fornum | forlist) END */
  private forstat(line: number): Stat {
    this.enterBlock(true);
    this.lex.next();
    const name = this.checkName();
    let stat: Stat;
    switch (this.lex.tok) {
      case 0x3d:
        stat = this.fornum(name, line);
        break;
      case 0x2c:
      case Tok.In:
        stat = this.forlist(name, line);
        break;
      default:
        this.lex.syntaxError("'=' or 'in' expected");
    }
    this.checkMatch(Tok.End, Tok.For, line);
    this.leaveBlock();
    return stat;
  }

  /** fornum -> NAME = exp, exp [, exp] forbody */
  private fornum(name: string, line: number): Stat {
    this.newLocalVar('(for state)', undefined);
    this.newLocalVar('(for state)', undefined);
    this.newLocalVar('(for state)', undefined);
    this.newLocalVar(name, undefined);
    this.checknext(0x3d);
    const start = this.expr();
    this.checknext(0x2c);
    const limit = this.expr();
    const step = this.testnext(0x2c) ? this.expr() : undefined;
    this.fs.nactvar += 3;
    const body = this.forbody(1);
    return { kind: 'NumericFor', var: name, start, limit, step, body, line };
  }

  /** forlist -> NAME {, NAME} IN explist forbody */
  private forlist(first: string, line: number): Stat {
    for (let i = 0; i < 4; i++) this.newLocalVar('(for state)', undefined);
    const names = [first];
    this.newLocalVar(first, undefined);
    while (this.testnext(0x2c)) {
      const name = this.checkName();
      this.newLocalVar(name, undefined);
      names.push(name);
    }
    this.checknext(Tok.In);
    const loopLine = this.lex.line;
    const exprs = this.explist();
    const commaLines = this.commas;
    this.fs.nactvar += 4;
    const body = this.forbody(names.length);
    return { kind: 'GenericFor', names, exprs, commaLines, body, line, loopLine };
  }

  /** forbody -> DO block */
  private forbody(nvars: number): Block {
    this.checknext(Tok.Do);
    this.enterBlock(false);
    this.fs.nactvar += nvars;
    const body = this.block();
    this.leaveBlock();
    return body;
  }

  /** funcstat -> FUNCTION funcname body ;  funcname -> NAME {'.' NAME} [':' NAME] */
  private funcstat(line: number): Stat {
    const lex: LineLexer = this.lex;
    lex.next();
    const nameLines = [lex.line];
    const path = [this.checkName()];
    while (lex.tok === 0x2e) {
      lex.next();
      nameLines.push(lex.line);
      path.push(this.checkName());
    }
    let method: string | undefined;
    if (lex.tok === 0x3a) {
      lex.next();
      nameLines.push(lex.line);
      method = this.checkName();
    }
    const func = this.body(method !== undefined, line);
    if (path.length === 1 && method === undefined) {
      this.checkReadonly({ kind: 'Name', name: path[0], line: nameLines[0] });
    }
    return { kind: 'FunctionStat', path, method, nameLines, func, line };
  }

  /** localfunc -> LOCAL FUNCTION NAME body  (the name is in scope inside the body) */
  private localfunc(line: number): Stat {
    const name = this.checkName();
    this.newLocalVar(name, undefined);
    this.fs.nactvar++;
    const func = this.body(false, this.lex.line);
    return { kind: 'LocalFunction', name, func, line };
  }

  /** localstat -> LOCAL NAME attrib {',' NAME attrib} ['=' explist] ;  attrib -> ['<' NAME '>'] */
  private localstat(line: number): LocalStat {
    const names: LocalStat['names'] = [];
    let hasClose = false;
    do {
      const nameLine = this.lex.line;
      const name = this.checkName();
      this.newLocalVar(name, undefined);
      const attrib = this.attrib();
      this.varAttribs[this.nvars - 1] = attrib;
      if (attrib === 'close') {
        if (hasClose) this.lex.semanticError('multiple to-be-closed variables in local list');
        hasClose = true;
      }
      names.push({ name, attrib, line: nameLine });
    } while (this.testnext(0x2c));
    let exprs: Expr[] = [];
    let commaLines: CommaLines;
    if (this.testnext(0x3d)) {
      exprs = this.explist();
      commaLines = this.commas;
    }
    this.fs.nactvar += names.length;
    return { kind: 'Local', names, exprs, commaLines, line, endLine: this.lex.prevLine };
  }

  private attrib(): Attrib {
    if (!this.testnext(0x3c)) return undefined;
    const name = this.checkName();
    this.checknext(0x3e);
    if (name === 'const' || name === 'close') return name;
    this.lex.semanticError(`unknown attribute '${name}'`);
  }

  /** label -> '::' NAME '::'  (following labels and ';' are processed before this one is defined) */
  private labelstat(stats: Stat[], name: string, line: number): void {
    this.checknext(Tok.DbColon);
    const label: Stat = { kind: 'Label', name, line, endLine: 0 };
    stats.push(label);
    while (this.lex.tok === 0x3b || this.lex.tok === Tok.DbColon) this.statement(stats);
    label.endLine = this.lex.prevLine;
    const prev = this.findLabel(name);
    if (prev !== undefined) this.lex.semanticError(`label '${name}' already defined on line ${prev.line}`);
    this.createLabel(name, line, this.blockFollow(false));
  }

  /** gotostat -> GOTO NAME */
  private gotostat(): Stat {
    const line = this.lex.line;
    const label = this.checkName();
    // a backward jump to a visible label is always valid; a forward one is resolved later
    if (this.findLabel(label) === undefined) this.newGoto(label, line);
    return { kind: 'Goto', label, line };
  }

  /** retstat -> RETURN [explist] [';'] */
  private retstat(line: number): Stat {
    let exprs: Expr[] = [];
    let commaLines: CommaLines;
    if (!this.blockFollow(true) && this.lex.tok !== 0x3b) {
      exprs = this.explist();
      commaLines = this.commas;
    }
    this.testnext(0x3b);
    return { kind: 'Return', exprs, commaLines, line };
  }

  /** exprstat -> func | assignment ;  assignment -> suffixedexp {',' suffixedexp} '=' explist */
  private exprstat(line: number): Stat {
    const lex: LineLexer = this.lex;
    const first = this.suffixedexp();
    if (lex.tok !== 0x3d && lex.tok !== 0x2c) {
      if (first.kind !== 'Call' && first.kind !== 'MethodCall') lex.syntaxError('syntax error');
      return { kind: 'CallStat', call: first, line };
    }
    const targets: AssignTarget[] = [];
    let target = first;
    const depth = this.depth;
    for (;;) {
      if (target.kind !== 'Name' && target.kind !== 'Index') lex.syntaxError('syntax error');
      this.checkReadonly(target);
      targets.push(target);
      if (!this.testnext(0x2c)) break;
      target = this.suffixedexp();
      this.enterLevel(); // each further target is one more level of recursion in PUC
    }
    this.checknext(0x3d);
    const exprs = this.explist();
    this.depth = depth;
    return { kind: 'Assign', targets, exprs, commaLines: this.commas, line };
  }

  // -------------------------------------------------------------- expressions

  /** explist -> expr {',' expr} ;  sets `commas` to the list's CommaLines */
  private explist(): Expr[] {
    const lex: LineLexer = this.lex;
    const list = [this.expr()];
    let commas: CommaLines;
    while (lex.tok === 0x2c) {
      if (lex.line !== lex.prevLine) (commas ??= [])[list.length - 1] = lex.line;
      lex.next();
      list.push(this.expr());
    }
    this.commas = commas;
    return list;
  }

  private expr(): Expr {
    return this.subexpr(0);
  }

  /**
   * subexpr -> (simpleexp | unop subexpr) {binop subexpr}
   * where each binop has a left priority above `limit`.
   */
  private subexpr(limit: number): Expr {
    const lex: LineLexer = this.lex;
    this.enterLevel();
    let left: Expr;
    const uop = unaryOp(lex.tok);
    if (uop !== undefined) {
      const line = lex.line;
      lex.next();
      const operand = this.subexpr(UNARY_PRIORITY);
      left = { kind: 'Unary', op: uop, operand, line };
    } else {
      left = this.simpleexp();
    }
    let op = BINOP_INDEX[lex.tok];
    while (op >= 0 && LEFT_PRI[op] > limit) {
      const line = lex.line;
      lex.next();
      const right = this.subexpr(RIGHT_PRI[op]);
      left = { kind: 'Binary', op: BINOP_NAME[op], left, right, line };
      op = BINOP_INDEX[lex.tok];
    }
    this.depth--;
    return left;
  }

  /** simpleexp -> FLT | INT | STRING | NIL | TRUE | FALSE | ... | constructor | FUNCTION body | suffixedexp */
  private simpleexp(): Expr {
    const lex: LineLexer = this.lex;
    const line = lex.line;
    let e: Expr;
    switch (lex.tok) {
      case Tok.Flt:
      case Tok.Int:
        e = { kind: 'Number', value: lex.nval, line };
        break;
      case Tok.String:
        e = { kind: 'String', value: lex.sval, line };
        break;
      case Tok.Nil:
        e = { kind: 'Nil', line };
        break;
      case Tok.True:
        e = { kind: 'True', line };
        break;
      case Tok.False:
        e = { kind: 'False', line };
        break;
      case Tok.Dots:
        if (!this.fs.isVararg) lex.syntaxError("cannot use '...' outside a vararg function");
        e = { kind: 'Vararg', line, prevLine: lex.prevLine };
        break;
      case 0x7b:
        return this.constructor_();
      case Tok.Function:
        lex.next();
        return this.body(false, lex.line);
      default:
        return this.suffixedexp();
    }
    lex.next();
    return e;
  }

  /** primaryexp -> NAME | '(' expr ')' */
  private primaryexp(): Expr {
    const lex: LineLexer = this.lex;
    const line = lex.line;
    if (lex.tok === Tok.Name) {
      const name = lex.sval;
      lex.next();
      return { kind: 'Name', name, line };
    }
    if (lex.tok === 0x28) {
      lex.next();
      const expr = this.expr();
      const endLine = lex.line;
      this.checkMatch(0x29, 0x28, line);
      return { kind: 'Paren', expr, line, endLine };
    }
    lex.syntaxError('unexpected symbol');
  }

  /** suffixedexp -> primaryexp { '.' NAME | '[' exp ']' | ':' NAME funcargs | funcargs } */
  private suffixedexp(): Expr {
    const lex: LineLexer = this.lex;
    const line = lex.line;
    let e = this.primaryexp();
    for (;;) {
      switch (lex.tok) {
        case 0x2e: { // '.' NAME
          const dotLine = lex.line;
          lex.next();
          const keyLine = lex.line;
          const key = this.checkName();
          const k: Expr = { kind: 'String', value: key, line: keyLine };
          e = { kind: 'Index', obj: e, key: k, line: dotLine, endLine: keyLine };
          break;
        }
        case 0x5b: { // '[' exp ']'
          const bracketLine = lex.line;
          lex.next();
          const key = this.expr();
          const endLine = lex.line;
          this.checknext(0x5d);
          e = { kind: 'Index', obj: e, key, line: bracketLine, endLine };
          break;
        }
        case 0x3a: { // ':' NAME funcargs
          lex.next();
          const nameLine = lex.line;
          const name = this.checkName();
          const args = this.funcargs(line);
          const commaLines = this.commas;
          e = { kind: 'MethodCall', obj: e, name, args, commaLines, line, nameLine, endLine: this.argsEnd };
          break;
        }
        case 0x28:
        case Tok.String:
        case 0x7b: {
          const args = this.funcargs(line);
          e = { kind: 'Call', fn: e, args, commaLines: this.commas, line, endLine: this.argsEnd };
          break;
        }
        default:
          return e;
      }
    }
  }

  /** funcargs -> '(' [explist] ')' | constructor | STRING ;  sets argsEnd (last token's line) and commas */
  private funcargs(line: number): Expr[] {
    const lex: LineLexer = this.lex;
    this.commas = undefined;
    switch (lex.tok) {
      case 0x28: {
        lex.next();
        const args = (lex.tok as number) === 0x29 ? [] : this.explist();
        this.argsEnd = lex.line;
        this.checkMatch(0x29, 0x28, line);
        return args;
      }
      case 0x7b: {
        const t = this.constructor_();
        this.argsEnd = t.endLine;
        this.commas = undefined; // calls inside the table set it
        return [t];
      }
      case Tok.String: {
        const arg: Expr = { kind: 'String', value: lex.sval, line: lex.line };
        this.argsEnd = lex.line;
        lex.next();
        return [arg];
      }
      default:
        lex.syntaxError('function arguments expected');
    }
  }

  /** constructor -> '{' [field {sep field} [sep]] '}' ;  sep -> ',' | ';' */
  private constructor_(): TableExpr {
    const lex: LineLexer = this.lex;
    const line = lex.line;
    const prevLine = lex.prevLine;
    const fields: TableField[] = [];
    let sepLines: CommaLines;
    this.checknext(0x7b);
    while (lex.tok !== 0x7d) {
      fields.push(this.field());
      if (lex.tok !== 0x2c && lex.tok !== 0x3b) break;
      if (lex.line !== lex.prevLine) (sepLines ??= [])[fields.length - 1] = lex.line;
      lex.next();
    }
    const endLine = lex.line;
    this.checkMatch(0x7d, 0x7b, line);
    return { kind: 'Table', fields, sepLines, line, prevLine, endLine };
  }

  /** field -> listfield | recfield ;  recfield -> (NAME | '[' exp ']') '=' exp ;  listfield -> exp */
  private field(): TableField {
    const lex: LineLexer = this.lex;
    if (lex.tok === Tok.Name) {
      if (lex.peek() !== 0x3d) {
        const line = lex.line;
        return { kind: 'Positional', value: this.expr(), line };
      }
      const line = lex.line;
      const name = this.checkName();
      this.checknext(0x3d);
      return { kind: 'Named', name, value: this.expr(), line };
    }
    const line = lex.line;
    if (lex.tok === 0x5b) {
      lex.next();
      const key = this.expr();
      this.checknext(0x5d);
      const eqLine = lex.line;
      this.checknext(0x3d);
      return { kind: 'Keyed', key, value: this.expr(), line, eqLine };
    }
    return { kind: 'Positional', value: this.expr(), line };
  }
}
