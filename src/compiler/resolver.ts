/*
 * Name resolution and scoping: local variables -> registers (and compile-time constants), upvalues across
 * nested functions, `_ENV` globals, blocks (entering/leaving, closing upvalues, to-be-closed variables), and
 * labels/gotos with their scope checks. The code generator (codegen.ts) extends this class.
 *
 * Invariants:
 *  - `session.actvar[0 .. nvars)` is the stack of declared variables of all open functions; function `fs`
 *    owns entries from `fs.firstLocal`. Entries above `nvars` are stale but stay readable, because a goto
 *    leaving a block may still ask for the register level of variables that just went out of scope.
 *  - `session.labels` holds the visible labels, `session.gotos` the pending (forward) gotos; each block
 *    records where its own entries start.
 */
import { Op } from './opcodes.js';
import type { UpvalDesc } from './proto.js';
import { type ExpDesc, mkInfo, mkLocal, mkStr, VOID } from './expdesc.js';
import { FunctionState } from './funcstate.js';
import { BlockScope, type ErrorSite, type LabelDesc, Session, type VarDesc, VarKind } from './scope.js';

const MAXVARS = 200;
const MAXUPVAL = 255;
const ENV = '_ENV';

export class Resolver {
  fs!: FunctionState;
  /** Number of live entries in session.actvar. */
  nvars = 0;
  /** Best knowledge of the current token when an error is detected (see ErrorSite). */
  site: ErrorSite = { line: 1 };

  constructor(readonly session: Session) {}

  error(msg: string, site: ErrorSite = this.site): never {
    this.session.error(msg, site);
  }

  /** A semantic error: PUC-Lua reports it without the "near" part. */
  semError(msg: string, line: number = this.site.line): never {
    this.session.error(msg, { line });
  }

  private errorLimit(fs: FunctionState, limit: number, what: string): never {
    const line = fs.f.linedefined;
    const where = line === 0 ? 'main function' : `function at line ${line}`;
    this.error(`too many ${what} (limit is ${limit}) in ${where}`);
  }

  // ------------------------------------------------------------------ local variables

  /** Declares a variable (not yet active); returns its function-relative index. */
  newLocalVar(name: string): number {
    const fs = this.fs;
    if (this.nvars + 1 - fs.firstLocal > MAXVARS) this.errorLimit(fs, MAXVARS, 'local variables');
    const vd: VarDesc = { name, kind: VarKind.REG, ridx: 0, pidx: 0, value: undefined };
    this.session.actvar[this.nvars++] = vd;
    return this.nvars - 1 - fs.firstLocal;
  }

  /** Activates the last `n` declared variables, giving them registers and debug entries. */
  adjustLocalVars(n: number): void {
    const fs = this.fs;
    let reg = fs.nvarstack();
    for (let i = 0; i < n; i++) {
      const vd = fs.varDesc(fs.nactvar++);
      vd.ridx = reg++;
      vd.pidx = fs.f.locvars.length;
      fs.f.locvars.push({ name: vd.name, startpc: fs.pc, endpc: 0 });
    }
  }

  /** Ends the scope of variables down to `tolevel`, closing their debug ranges. */
  private removeVars(tolevel: number): void {
    const fs = this.fs;
    this.nvars -= fs.nactvar - tolevel;
    while (fs.nactvar > tolevel) {
      const vd = fs.varDesc(--fs.nactvar);
      if (vd.kind !== VarKind.CTC) fs.f.locvars[vd.pidx].endpc = fs.pc;
    }
  }

  /** Error if `e` is a variable that cannot be assigned (<const>, <close>, compile-time constant). */
  checkReadonly(e: ExpDesc, line?: number): void {
    const fs = this.fs;
    let name: string | undefined;
    if (e.k === 'const') name = this.session.actvar[e.info].name;
    else if (e.k === 'local') {
      const vd = fs.varDesc(e.vidx);
      if (vd.kind !== VarKind.REG) name = vd.name;
    } else if (e.k === 'upval') {
      const up = fs.f.upvalues[e.info];
      if (up.kind !== VarKind.REG) name = up.name;
    }
    if (name !== undefined) this.semError(`attempt to assign to const variable '${name}'`, line);
  }

  // ------------------------------------------------------------------ upvalues and name lookup

  private searchUpvalue(fs: FunctionState, name: string): number {
    const ups = fs.f.upvalues;
    for (let i = 0; i < ups.length; i++) if (ups[i].name === name) return i;
    return -1;
  }

  allocUpvalue(fs: FunctionState, up: UpvalDesc): number {
    if (fs.f.upvalues.length + 1 > MAXUPVAL) this.errorLimit(fs, MAXUPVAL, 'upvalues');
    fs.f.upvalues.push(up);
    return fs.f.upvalues.length - 1;
  }

  private newUpvalue(fs: FunctionState, name: string, v: ExpDesc): number {
    const prev = fs.prev!;
    if (v.k === 'local') {
      return this.allocUpvalue(fs, { name, instack: true, idx: v.ridx, kind: prev.varDesc(v.vidx).kind });
    }
    const info = (v as { info: number }).info;
    return this.allocUpvalue(fs, { name, instack: false, idx: info, kind: prev.f.upvalues[info].kind });
  }

  /** An active local of `fs` named `name`: 'local', 'const', or undefined. */
  private searchVar(fs: FunctionState, name: string): ExpDesc | undefined {
    for (let i = fs.nactvar - 1; i >= 0; i--) {
      const vd = fs.varDesc(i);
      if (vd.name === name) {
        return vd.kind === VarKind.CTC ? mkInfo('const', fs.firstLocal + i) : mkLocal(vd.ridx, i);
      }
    }
    return undefined;
  }

  /** Marks the block declaring variable level `level` as having a captured variable. */
  private markUpval(fs: FunctionState, level: number): void {
    let bl = fs.bl!;
    while (bl.nactvar > level) bl = bl.previous!;
    bl.upval = true;
    fs.needClose = true;
  }

  markToBeClosed(): void {
    const bl = this.fs.bl!;
    bl.upval = true;
    bl.insideTbc = true;
    this.fs.needClose = true;
  }

  /** Resolves `name` in `fs` and its enclosing functions; 'void' means global. */
  private singleVarAux(fs: FunctionState | undefined, name: string, base: boolean): ExpDesc {
    if (fs === undefined) return VOID;
    const v = this.searchVar(fs, name);
    if (v !== undefined) {
      if (v.k === 'local' && !base) this.markUpval(fs, v.vidx);
      return v;
    }
    let idx = this.searchUpvalue(fs, name);
    if (idx < 0) {
      const outer = this.singleVarAux(fs.prev, name, false);
      if (outer.k !== 'local' && outer.k !== 'upval') return outer;
      idx = this.newUpvalue(fs, name, outer);
    }
    return mkInfo('upval', idx);
  }

  /** A variable reference: local, upvalue, compile-time constant, or `_ENV.name`. */
  singleVar(name: string): ExpDesc {
    const fs = this.fs;
    const v = this.singleVarAux(fs, name, true);
    if (v.k !== 'void') return v;
    const env = fs.exp2anyregup(this.singleVarAux(fs, ENV, true));
    return fs.indexed(env, mkStr(name));
  }

  // ------------------------------------------------------------------ blocks

  enterBlock(isLoop: boolean): BlockScope {
    const fs = this.fs;
    const s = this.session;
    const bl = new BlockScope(fs.bl, fs.nactvar, s.labels.length, s.gotos.length, isLoop, fs.bl?.insideTbc ?? false);
    fs.bl = bl;
    return bl;
  }

  leaveBlock(): void {
    const fs = this.fs;
    const s = this.session;
    const bl = fs.bl!;
    const stklevel = fs.regLevel(bl.nactvar);
    let hasClose = false;
    if (bl.isLoop) hasClose = this.createLabel('break', 0, false);
    if (!hasClose && bl.previous && bl.upval) fs.emitABC(Op.CLOSE, stklevel, 0, 0);
    fs.bl = bl.previous;
    this.removeVars(bl.nactvar);
    fs.freereg = stklevel;
    s.labels.length = bl.firstLabel;
    if (bl.previous) this.moveGotosOut(bl);
    else if (bl.firstGoto < s.gotos.length) this.undefGoto(s.gotos[bl.firstGoto]);
  }

  // ------------------------------------------------------------------ labels and gotos

  newGotoEntry(name: string, line: number, pc: number): void {
    this.session.gotos.push({ name, line, pc, nactvar: this.fs.nactvar, close: false });
  }

  findLabel(name: string): LabelDesc | undefined {
    const labels = this.session.labels;
    for (let i = this.fs.firstLabel; i < labels.length; i++) if (labels[i].name === name) return labels[i];
    return undefined;
  }

  private solveGoto(g: number, label: LabelDesc): void {
    const gotos = this.session.gotos;
    const gt = gotos[g];
    if (gt.nactvar < label.nactvar) {
      const varname = this.fs.varDesc(gt.nactvar).name;
      this.semError(`<goto ${gt.name}> at line ${gt.line} jumps into the scope of local '${varname}'`);
    }
    this.fs.patchList(gt.pc, label.pc);
    gotos.splice(g, 1);
  }

  /** Resolves pending gotos of the current block to label `lb`; true if some needs to close upvalues. */
  private solveGotos(lb: LabelDesc): boolean {
    const gotos = this.session.gotos;
    let i = this.fs.bl!.firstGoto;
    let needsClose = false;
    while (i < gotos.length) {
      if (gotos[i].name === lb.name) {
        needsClose ||= gotos[i].close;
        this.solveGoto(i, lb);
      } else i++;
    }
    return needsClose;
  }

  /** Creates label `name` here; `last`: no statements follow it in its block. True if it emitted a CLOSE. */
  createLabel(name: string, line: number, last: boolean): boolean {
    const fs = this.fs;
    const lb: LabelDesc = { name, line, pc: fs.getLabel(), nactvar: fs.nactvar, close: false };
    if (last) lb.nactvar = fs.bl!.nactvar; // locals are already out of scope
    this.session.labels.push(lb);
    if (this.solveGotos(lb)) {
      fs.emitABC(Op.CLOSE, fs.nvarstack(), 0, 0);
      return true;
    }
    return false;
  }

  /** Moves the pending gotos of a closing block to its enclosing block. */
  private moveGotosOut(bl: BlockScope): void {
    const fs = this.fs;
    const gotos = this.session.gotos;
    const outer = fs.regLevel(bl.nactvar);
    for (let i = bl.firstGoto; i < gotos.length; i++) {
      const gt = gotos[i];
      if (fs.regLevel(gt.nactvar) > outer) gt.close ||= bl.upval;
      gt.nactvar = bl.nactvar;
    }
  }

  private undefGoto(gt: LabelDesc): never {
    if (gt.name === 'break') this.semError(`break outside loop at line ${gt.line}`);
    this.semError(`no visible label '${gt.name}' for <goto> at line ${gt.line}`);
  }

  checkRepeatedLabel(name: string): void {
    const lb = this.findLabel(name);
    if (lb !== undefined) this.semError(`label '${name}' already defined on line ${lb.line}`);
  }

  // ------------------------------------------------------------------ functions

  /** Opens a new function nested in the current one (or the main function). */
  openFunction(linedefined: number): FunctionState {
    const parent = this.fs as FunctionState | undefined;
    const fs = new FunctionState(this.session, parent, linedefined, this.nvars);
    fs.errorSite = () => this.site;
    this.fs = fs;
    this.enterBlock(false);
    return fs;
  }

  /** Closes the current function: final return, scope end, peephole pass; returns to the parent. */
  closeFunction(): void {
    const fs = this.fs;
    fs.ret(fs.nvarstack(), 0);
    this.leaveBlock();
    fs.finish();
    const f = fs.f;
    f.code = Uint32Array.from(fs.code);
    f.lineinfo = Int32Array.from(fs.lines);
    if (fs.prev) this.fs = fs.prev;
  }
}
