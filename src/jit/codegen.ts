/*
 * Proto -> JavaScript source -> `new Function`. One compiled JS function per Lua prototype, with the
 * structured control flow of cfg.ts, registers as `let` locals (captured and to-be-closed ones in their
 * stack slot), inline fast paths for numbers and plain tables, and everything else through runtime.ts:
 * slow paths that finish without metamethod calls, calls through the interpreter, and deoptimisation
 * (`dpc = pc; break D`: spill registers, continue the frame in the interpreter at pc).
 *
 * Invariants of generated code:
 *  - `ci.savedpc = pc + 1` before anything that can raise, call out or inspect the frame;
 *  - a deopt point comes before any visible effect of its instruction, so the interpreter redoes it whole;
 *  - while the frame runs (outside calls) th.top === ci.top (the reserved register window);
 *  - the prologue charges the frame's JS stack size to `rt.su` (SU is the value before) and every exit
 *    restores it, after its last call: JS locals cost stack depth, so the function declares only those it uses;
 *  - integers stay JS numbers within +-(2^53-1), as the interpreter keeps them (runtime/number.ts beyond);
 *  - a proto may get further versions (float-speculated table loads, see floatLoads): an older version's
 *    prologue forwards its calls to the newer one (`SP.fn`), so call sites caching any version stay right;
 *  - a *resume variant* (compileResume, `resume` = a CALL's pc) continues an interpreter frame after that call:
 *    the units before it are guarded by `RES` (regions wholly before it skipped, those around it entered), the
 *    call site takes the results from the stack once, registers come from their slots (wrapResume);
 *  - the loops of a main chunk (outermost ones, and nested ones with enough code around them) are *loop
 *    functions* `lua_0_L<pc>` of their own, beside the chunk's function (endOutline): a main chunk runs once,
 *    so V8 optimises its loops only by on-stack replacement, and a small unit whose exit returns is compiled
 *    soon and is not thrown away when the chunk goes on into code that never ran. Registers go in and out
 *    through the arrays O and OF; the frame (record, savedpc, stack units) stays the chunk's.
 */
import type { Proto } from '../compiler/proto.js';
import { Op, OPS, OP_NAMES, argA, argB, argC, argk, argsB, argsC, argBx, argsBx, argAx } from '../compiler/opcodes.js';
import { LFloat, LuaFunction, type LuaValue } from '../runtime/value.js';
import { LuaTable } from '../runtime/table.js';
import { LuaClosure } from '../interp/closure.js';
import { newTbc } from '../interp/metamethods.js';
import { gcStep, TABLE_COST, CLOSURE_COST, UPVAL_COST, STRING_COST } from '../runtime/gc.js';
import { structure, edgesOf, type Structure, type Region } from './cfg.js';
import { DEOPT, genericArray, namesLocals, setDirect, type Compiled, type JitRuntime, type Resumed } from './runtime.js';
import { Types, FLT, INT, ANY, I64, arithKind, constType, operands, readsOf, writesOf, Ar, Liveness, type State, type Operand } from './types.js';
import { edgeKey, keyIn, type Peel } from './types.js';
import { bitKind, bitOperands, constShift, Bw } from './types.js';
import { I64 as I64H, words } from './int64.js';
import { cpow, fmod } from '../runtime/number.js';
import { LuaError } from '../runtime/errors.js';
import { FAST_MAX_ARGS, FastNative, ITERATORS, NOFAST, SECOND } from '../runtime/fastnative.js';
import { isLeaf } from './generator.js';

const MAX = '9007199254740991';
/** A saved pc before a runtime slow path that cannot raise (see wrap()). */
const PURE_SLOW = /ci\.savedpc = \d+; (if \(\(v = rt\.arith\((?:0|1|2|4|5|7|8|9|10|11|12|13), |if \(\(n = rt\.order\()/g;
/** Names in a body that keep the function's frame (see Gen.frameless; `ci` aside: its saved pcs may go). */
const FRAME_NAMES = /\b(th|S|B|T|GC|L|G|P|M1|mv|f|SP|FB|I)\b/;
/** Temporaries declared when a body uses them (wrap()), tested one by one: most bodies use them early. */
const COMMON_TEMPS = ['t', 'x', 'y', 'v', 'n', 'f', 'mv'].map((id) => new RegExp(`\\b${id}\\b`));
/** The other names whose use wrap() looks for, found in one pass. */
const USES = /\b(?:dpc|dx|dy|dz|xh|xl|yh|yl|qh|ql|qd|xd|yd|zd|wd|TN|T|NOFAST|SEC|NXF|M1|SP)\b|\b(?:U\[|FB\[|I\.|BX\(|LT\(|LE\(|SL\()/g;
/** String literals, comments, labelled jumps (1: keyword, 2: label) and label definitions (3) of generated JS. */
const JS_TOKENS = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\/|\b(break|continue) ([A-Za-z_$][\w$]*);|\b([A-Za-z_$][\w$]*): (?=for \(|\{)/g;
/** Constants of a compiled function's frame (wrap()) that a loop function takes as arguments. */
const FRAME_CONSTS = ['cl', 'th', 'SU', 'S', 'B', 'ci', 'U', 'T', 'TN', 'F0', 'F', 'NA', 'NX'];
/** Instructions of an enclosing loop besides a nested loop that make the nested one a function (outlines()). */
const OUTLINE_REST = 32;
/** Assignments to a register (r, f, h, l locals) in generated JS. */
const ASSIGNED = /\b([rfhl]\d+) ?(?:[-+*\/%&|^]|<<|>>>?|\*\*)?=(?!=)|\b([rfhl]\d+)(?:\+\+|--)|(?:\+\+|--)([rfhl]\d+)\b/g;
/** Where a loop function's deopt exit is put in (endOutline). */
const DEOPT_EXIT = '/*deopt-exit*/';
/** Temporaries a loop function declares when its body names them (numeric ones start as doubles). */
const LOOP_TEMPS = ['t', 'x', 'y', 'v', 'n', 'f', 'mv', 'dpc', 'dx', 'dy', 'dz', 'xh', 'xl', 'yh', 'yl', 'qh', 'ql', 'qd', 'xd', 'yd', 'zd', 'wd'];
/** Where a return pops the frame (replaced in wrap()). */
const LEAVE = '/*leave*/';

/** Instructions that branch (a float-speculated load's next use is looked for before any). */
const BRANCHES: ReadonlySet<number> = new Set([Op.JMP, Op.EQ, Op.LT, Op.LE, Op.EQK, Op.EQI, Op.LTI, Op.LEI, Op.GTI,
  Op.GEI, Op.TEST, Op.TESTSET, Op.LFALSESKIP, Op.FORPREP, Op.FORLOOP, Op.TFORPREP, Op.TFORCALL, Op.TFORLOOP,
  Op.RETURN, Op.RETURN0, Op.RETURN1, Op.TAILCALL]);

/** Opcodes the generator handles (checked against the opcode table in tests). */
export const HANDLED: ReadonlySet<number> = new Set(OPS.map((_, i) => i));

/** Arithmetic selectors of JitRuntime.arith. */
const AR: Record<number, number> = {
  [Op.ADD]: 0, [Op.ADDK]: 0, [Op.ADDI]: 0, [Op.SUB]: 1, [Op.SUBK]: 1, [Op.MUL]: 2, [Op.MULK]: 2,
  [Op.MOD]: 3, [Op.MODK]: 3, [Op.POW]: 4, [Op.POWK]: 4, [Op.DIV]: 5, [Op.DIVK]: 5, [Op.IDIV]: 6, [Op.IDIVK]: 6,
  [Op.BAND]: 7, [Op.BANDK]: 7, [Op.BOR]: 8, [Op.BORK]: 8, [Op.BXOR]: 9, [Op.BXORK]: 9, [Op.SHL]: 10,
  [Op.SHR]: 11,
};

class Gen {
  private out: string[] = [];
  private sites = 0;
  /** `__index` lookup caches (getStr): `ic0`, `ic1`, ... */
  private ics = 0;
  private captured = new Set<number>();
  /** Register where pending multiple values start (after an open-result instruction), else -1. */
  private mvBase = -1;
  private hasTbc = false;
  private st!: Structure;
  /** Types of registers (types.ts), null when not specialising; the in-state of the unit being emitted, and
   * the state on the edges that jump() and fallthrough fixups leave from. */
  private ty: Types | null = null;
  private cur: State | null = null;
  private edge: State | null = null;
  private curPc = 0;
  /** Position of the unit being emitted, and the peeled loop whose first-iteration copy it is in (else null):
   * type states are looked up by key (types.ts Peel), `pc + peel.off` there. */
  private curPos = 0;
  private peel: Peel | null = null;
  /** Parameters the entry guard checks to be integers (types.ts starts from INT for them). */
  private specParams: number[] = [];

  /** Predecessor counts of units (markFreshFields), computed on first use. */
  private preds: Map<number, number> | null = null;
  /** SETFIELDs storing a field of a table constructor that no other code can have seen yet (markFreshFields). */
  private readonly freshFields = new Set<number>();
  /** The ADDI, MMBINI and SETTABLE of appends (`t[#t + 1] = v`) emitted as one operation at their LEN (keys). */
  private readonly appended = new Set<number>();
  /** Table loads (pcs) whose result is speculated to be a float (floatLoads). */
  private fltLoads: ReadonlySet<number> = new Set<number>();
  /** Candidate loads of a first version, whose value types are recorded (FB[k] for fbPcs[k]). */
  readonly fbPcs: number[] = [];

  /** A self tail call continues the body as a loop (selfTail): the body is labelled SELF. */
  private selfLoop = false;
  /** The prologue's exit to the interpreter is run at compile time (see warmExit). */
  warm = false;

  /** Largest argument count of a call emitted (V8 needs that many consecutive temporary registers). */
  private maxArgs = 0;

  /** Resume variant (`resume` >= 0, see runtime.ts resumeFrames): the pc of the CALL whose continuation the
   * function enters at; `resumeLoad` reloads the registers live across it (typed: checked, DEOPT when not). */
  private resumeLoad: string | null = null;
  private resumeRN = '0';

  /** Outermost loops of a main chunk are compiled as JS functions of their own (loop functions, see
   * endOutline): their source lines (declared at the top of the body), the loop being collected, and the
   * largest JS frame of one (charged to the frame's stack units). */
  private readonly loopFns: string[] = [];
  private outl: { region: Region; saved: string[] }[] = [];
  private canOutline = false;
  private loopCost = 0;
  private loopFloats = 0;
  private liveAt: Map<number, Uint8Array> | null = null;

  /** `gen`: the generator variant, for coroutines (generator.ts): calls `yield*` into callees' generator
   * variants or yield requests to the driver (G), deopts hand the frame to the run loop. */
  constructor(private readonly p: Proto, private readonly suLimit: number, private readonly budget = false, private readonly gen = false,
    private readonly typed = false, private readonly spec?: ReadonlySet<number>, private readonly resume = -1) {}

  generate(): string | null {
    const p = this.p;
    const code = p.code;
    const st = structure(code);
    if (st === null) return null;
    this.st = st;
    this.scanCaptured();
    if (this.typed) {
      if (!this.gen && p.tierData.jitNoFltLoad !== true) {
        // first version: feedback at the candidate loads; a later one (FX.check) speculates on those that
        // gave only floats
        if (this.spec !== undefined) this.fltLoads = this.spec;
        else for (const q of this.floatLoads()) this.fbPcs.push(q);
      }
      const spec = this.intParams();
      const noInt = p.tierData.jitNoInt === true;
      let ty: Types | null = new Types(p, st, this.captured, noInt, this.fltLoads, spec);
      if (!ty.run()) ty = null;
      // loops whose registers come round as floats: analysed again with their first iteration apart (not in
      // generator and resume variants)
      const peels = ty === null || this.gen || this.resume >= 0 ? [] : ty.peelCandidates();
      if (peels.length > 0) {
        const tp = new Types(p, st, this.captured, noInt, this.fltLoads, spec, peels);
        if (tp.run()) ty = tp;
      }
      this.ty = ty;
      if (this.ty !== null) this.specParams = spec;
    }
    const body: string[] = [];
    this.out = body;
    // a resume variant enters the body at its CALL's continuation: every unit before it runs only once RES is
    // cleared (by that call site), regions wholly before it are skipped whole, the ones around it entered
    const rpos = this.resume >= 0 ? st.pos.get(this.resume) ?? -1 : -1;
    if (this.resume >= 0 && (rpos < 0 || this.gen || p.isVararg || this.hasTbc || this.budget)) return null;
    this.canOutline = p.linedefined === 0 && !this.gen && this.resume < 0;
    if (!this.emitRange(0, st.order.length, null, rpos)) return null;
    if (this.resume >= 0 && this.resumeLoad === null) return null;
    return this.wrap(body);
  }

  /** Emits the units at positions [from, to) with the regions opening there (those before position rpos under
   * `if (!RES)`, see generate()); in the first-iteration copy of peeled loop `ctx` (types.ts Peel) when given:
   * `X<h>: { P<h>: { copy } L<h>: for (;;) { loop } }`, where the copy's back edges leave P (into the loop) and
   * its fall off the end leaves X. */
  private emitRange(from: number, to: number, ctx: Peel | null, rpos = -1): boolean {
    const st = this.st;
    const code = this.p.code;
    const peels = this.ty?.peels ?? [];
    const stack: Region[] = [];
    const skipped = new Set<Region>();
    for (let pos = from; pos < to; pos++) {
      while (stack.length > 0 && stack[stack.length - 1].end === pos) {
        const r = stack.pop()!;
        this.close(r);
        if (skipped.has(r)) this.emit('}');
        if (this.outl.length > 0 && this.outl[this.outl.length - 1].region === r) this.endOutline();
      }
      let opens = st.opens[pos];
      // the copy opens only the regions inside the loop (those opening with it come after it, inner ones)
      if (ctx !== null && pos === ctx.start) opens = opens.slice(opens.indexOf(ctx.region) + 1);
      for (const r of opens) {
        // a loop of a main chunk (its peeled copy included) is collected for its own function (outlines())
        if (r.kind === 'loop' && this.canOutline && this.outlines(r, stack, ctx)) {
          this.outl.push({ region: r, saved: this.out });
          this.out = [];
        }
        const q = ctx === null ? peels.find((x) => x.region === r) : undefined;
        if (q !== undefined) {
          this.emit(`X${q.h}: { P${q.h}: {`);
          this.peel = q;
          const ok = this.emitRange(q.start, q.end, q);
          this.peel = null;
          if (!ok) return false;
          this.emit(`break X${q.h}; }`);
        }
        stack.push(r);
        if (pos < rpos && r.end <= rpos) {
          skipped.add(r);
          this.emit('if (!RES) {');
        }
        this.emit(r.kind === 'loop' ? `L${r.pc}: for (;;) {` : `B${r.pc}: {`);
      }
      const u = st.order[pos];
      this.curPos = pos;
      this.enterUnit(u.pc);
      if (pos < rpos) this.emit('if (!RES) {');
      const ok = this.unit(u.pc, pos);
      if (!ok) return false;
      const op = code[u.pc] & 0x7f;
      this.edge = this.ty?.outs.get(this.key(u.pc)) ?? null;
      if (u.next !== -1 && st.pos.get(u.next) !== pos + 1) this.emit(this.jump(u.next, pos));
      else if (u.next !== -1) this.fixups(u.next);
      else if ((op === Op.JMP || op === Op.TFORPREP) && u.jumps.length === 1 && st.pos.get(u.jumps[0]) === pos + 1) {
        this.edge = this.ty?.jumpOuts.get(this.key(u.pc)) ?? null;
        this.fixups(u.jumps[0]);
      }
      if (pos < rpos) this.emit('}');
      void edgesOf;
    }
    while (stack.length > 0) {
      const r = stack.pop()!;
      this.close(r);
      if (skipped.has(r)) this.emit('}');
      if (this.outl.length > 0 && this.outl[this.outl.length - 1].region === r) this.endOutline();
    }
    return true;
  }

  /** The key of the type states of the unit at pc of the copy being emitted. */
  private key(pc: number): number {
    return this.peel === null ? pc : pc + this.peel.off;
  }

  /** Parameters speculated to be integers (checked at entry, see wrap()): the non-captured ones the body uses
   * as a number (arithmetic operand, comparison with a number), unless a previous compilation of the proto
   * saw the guard fail (jitNoParam) or integers overflowed (jitNoInt). Not in the generator variant. */
  private intParams(): number[] {
    const p = this.p;
    if (this.gen || p.isVararg || p.tierData.jitNoParam === true || p.tierData.jitNoInt === true) return [];
    const used = new Set<number>();
    for (const i of p.code) {
      const op = i & 0x7f;
      if (arithKind(op) !== undefined) for (const o of operands(p, i)) used.add(o.reg);
      else if (op === Op.EQI || op === Op.LTI || op === Op.LEI || op === Op.GTI || op === Op.GEI) used.add(argA(i));
      else if (op === Op.EQK && typeof p.k[argB(i)] === 'number') used.add(argA(i));
    }
    const out: number[] = [];
    for (let r = 0; r < p.numparams; r++) if (used.has(r) && !this.captured.has(r)) out.push(r);
    return out;
  }

  /** Whether the function runs without a frame record ("frameless"): a leaf whose body (`text`, the returns'
   * frame pops left out) calls nothing, cannot raise, allocates nothing the collector counts and never
   * inspects its frame or the stack; so no debug function, error, hook or collection can observe the frame
   * while it runs, and the only way out other than a return is a deopt, which builds the frame first.
   * 64-bit integer code (its `I` helpers) and function versions (SP, FB) keep their frame. */
  private frameless(text: string): boolean {
    if (this.gen || this.budget || this.p.isVararg || this.captured.size > 0 || this.hasTbc) return false;
    const t = text.split(LEAVE).join('');
    if (/\b(ci|th|S|B|T|GC|L|G|P|M1|mv|f|SP|FB|I)\b/.test(t)) return false;
    if (/\brt\.(?!n\b|v\[|arith\(|order\()/.test(t) || /\bFX\.(?!ovf\(cl\)|k\[|fmod\()/.test(t)) return false;
    return true;
  }

  private close(r: Region): void {
    if (r.kind === 'loop') this.emit(`break L${r.pc}; }`);
    else this.emit('}');
    // a peeled loop's enclosing X block (emitRange)
    if (this.peel === null && this.ty !== null && this.ty.peels.some((x) => x.region === r)) this.emit('}');
  }

  /** Whether loop r of a main chunk gets its own function: an outermost loop always; a nested one when its
   * nearest enclosing loop has at least OUTLINE_REST instructions besides it. Such code around the inner loop
   * would be compiled with the inner loop's OSR and deoptimise it at its exit while it has not run yet (sort's
   * repetition loop: filling tables, then sorting them); while a small enclosing body runs whole at its first
   * iteration, and entering a loop function costs a call and the registers' hand-over on each of its
   * iterations (mandelbrot's pixel loop around the iteration loop: 1.5x slower outlined). */
  private outlines(r: Region, stack: Region[], ctx: Peel | null): boolean {
    let enc: Region | undefined = ctx?.region;
    for (const x of stack) if (x.kind === 'loop') enc = x;
    if (enc === undefined) return true;
    const order = this.st.order;
    let rest = 0;
    for (let k = enc.start; k < enc.end; k++) if (k < r.start || k >= r.end) rest += order[k].size;
    return rest >= OUTLINE_REST;
  }

  /** Ends the collection of a loop of a main chunk (emitRange): the loop becomes a JS function of
   * its own, `lua_<line>_L<pc>`, so that V8 optimises it by on-stack replacement as a small unit, soon, and
   * its exit returns instead of running (and deoptimising) code of the chunk that never ran. It declares the
   * registers it names (r, and typed f, h, l) as its parameters and its own temporaries, and leaves through
   * one exit: every jump to a label outside it (a block after the loop, `D` for a deopt) sets the exit's
   * number, the registers go back through the chunk's array O and the call site restores them and takes the
   * same jump. A Lua return inside it returns the results itself (the frame popped), the call site passes
   * them on: any value other than O. Errors and debug functions see the same frame record (ci, savedpc). */
  private endOutline(): void {
    const o = this.outl.pop()!;
    const inner = this.out;
    this.out = o.saved;
    let text = inner.join('\n');
    const labels = new Set<string>();
    for (const m of text.matchAll(JS_TOKENS)) if (m[3] !== undefined) labels.add(m[3]);
    if (/\barguments\b/.test(text)) {
      for (const l of inner) this.emit(l);
      return;
    }
    const exits: string[] = [];
    text = text.replace(JS_TOKENS, (m: string, kw?: string, label?: string) => {
      if (kw === undefined || labels.has(label!)) return m;
      const jmp = `${kw} ${label};`;
      let k = exits.indexOf(jmp);
      if (k < 0) k = exits.push(jmp) - 1;
      // a deopt hands the registers over where it happens (DEOPT_EXIT, replaced below): a common exit for
      // them would keep every register's value alive to it, boxed (mandelbrot 1.4x slower)
      return label === 'D' ? DEOPT_EXIT : `{ oc = ${k + 1}; break OUT; }`;
    });
    // the registers it names, declared in the chunk's function (names in string constants aside)
    const p = this.p;
    const regs: string[] = [];
    const named = new Set(text.match(/\b[rfhl]\d+\b/g) ?? []);
    for (let r = 0; r < p.maxstacksize; r++) if (!this.captured.has(r) && named.has(`r${r}`)) regs.push(`r${r}`);
    if (this.ty !== null) {
      for (const r of this.ty.fregs) if (named.has(`f${r}`)) regs.push(`f${r}`);
      for (const r of this.ty.iregs) if (named.has(`h${r}`) || named.has(`l${r}`)) regs.push(`h${r}`, `l${r}`);
    }
    const temps: string[] = [];
    for (const t of LOOP_TEMPS) if (new RegExp(`\\b${t}\\b`).test(text)) temps.push(LOOP_TEMPS.indexOf(t) < 7 ? t : `${t} = 0`);
    let name = `lua_${p.linedefined}_L${o.region.pc}`;
    // (a loop inside a peeled loop is emitted twice: in the first-iteration copy and in the loop)
    while (this.loopFns.some((l) => l.startsWith(`function ${name}(`))) name += '_';
    // the registers it may assign, restored after the call
    const set = new Set<string>();
    for (const m of text.matchAll(ASSIGNED)) set.add(m[1] ?? m[2] ?? m[3]);
    const outs = regs.filter((r) => set.has(r) || (r[0] === 'h' && set.has('l' + r.slice(1))) || (r[0] === 'l' && set.has('h' + r.slice(1))));
    // each way out hands back the registers it may have assigned that are live at its target (all of them
    // for a deopt: the frame is spilled whole)
    // (a deopt has boxed its float and 64-bit registers into their `r` locals, all the spill reads: their raw
    // forms stay behind, so that V8 never needs them boxed on the way, which cost mandelbrot 1.3x)
    const sets = [o.region, ...exits].map((x) => x === 'break D;' ? outs.filter((r) => r[0] === 'r') : this.liveOuts(x, outs));
    // unboxed floats go both ways through the Float64Array OF (a double argument or array element would be
    // boxed on each entry and exit), the others as arguments and through O
    const fl = regs.filter((r) => r[0] === 'f');
    const args = regs.filter((r) => r[0] !== 'f');
    const fouts = outs.filter((r) => r[0] === 'f');
    const routs = outs.filter((r) => r[0] !== 'f');
    this.loopFloats = Math.max(this.loopFloats, fl.length);
    // the frame's constants it names come as arguments too (locals of its own, not context slots)
    const probe = text.split(LEAVE).join('th F0 B SU');
    const consts = FRAME_CONSTS.filter((c) => new RegExp(`\\b${c}\\b`).test(probe));
    const fn: string[] = [`function ${name}(${consts.join(', ')}) {`];
    fn.push(`let oc = 0${args.map((r, j) => `, ${r} = O[${j}]`).join('')}${fl.map((r) => `, ${r} = 0`).join('')}${temps.map((t) => ', ' + t).join('')};`);
    if (fl.length > 0) fn.push(fl.map((r, j) => `${r} = OF[${j}];`).join(' '));
    const hand = (f: (r: string, slot: string) => string): string[] => sets.map((set) => set.map((r) => r[0] === 'f' ? f(r, `OF[${fouts.indexOf(r)}]`) : f(r, `O[${routs.indexOf(r) + 2}]`)).join(' '));
    const stores = hand((r, slot) => `${slot} = ${r};`);
    fn.push('OUT: {');
    const dk = exits.indexOf('break D;') + 1;
    fn.push(dk === 0 ? text : text.split(DEOPT_EXIT).join(`{ O[0] = ${dk}; O[1] = dpc; ${stores[dk]} return O; }`));
    fn.push('}');
    fn.push('O[0] = oc;');
    fn.push(stores.map((st, k) => k === dk && dk > 0 ? '' : `${k === 0 ? '' : 'else '}if (oc === ${k}) { ${st} }`).join(' '));
    fn.push('return O; }');
    this.loopFns.push(...fn);
    // (nested loop functions stack their frames: each is charged)
    this.loopCost += 64 + 8 * (regs.length + temps.length + 2 + Math.max(12, this.maxArgs + 8));
    // the call site: a Lua return inside passed on, else the registers back and the loop's exit taken
    this.emit(`${args.map((r, j) => `O[${j}] = ${r}; `).join('')}${fl.map((r, j) => `OF[${j}] = ${r}; `).join('')}if ((v = ${name}(${consts.join(', ')})) !== O) return v;`);
    // (O keeps its values until the next exit overwrites them: it is no root of the Lua collector)
    const loads = hand((r, slot) => `${r} = ${slot};`);
    this.emit(`x = O[0]; if (x === 0) { ${loads[0]} }`);
    for (let k = 0; k < exits.length; k++) this.emit(`else if (x === ${k + 1}) { ${exits[k] === 'break D;' ? 'dpc = O[1]; ' : ''}${loads[k + 1]} ${exits[k]} }`);
  }

  /** Registers live on entry to each unit (by pc), for loop functions' exits: an open call or return reads
   * the registers from its base up, not all (types.ts's liveness, for boxing, takes all). */
  private exitLive(): Map<number, Uint8Array> {
    if (this.liveAt !== null) return this.liveAt;
    const n = this.p.maxstacksize;
    const code = this.p.code;
    const order = this.st.order;
    const index = new Map<number, number>();
    for (let k = 0; k < order.length; k++) index.set(order[k].pc, k);
    const lv = new Liveness(n, order.length);
    const to = (k: number, t: number): void => {
      const j = index.get(t);
      if (j === undefined) lv.exitAll(k); else lv.edge(k, j);
    };
    for (let k = 0; k < order.length; k++) {
      const u = order[k];
      if (u.next !== -1) to(k, u.next);
      for (const t of u.jumps) to(k, t);
      const i = code[u.pc];
      const op = i & 0x7f;
      const a = argA(i);
      // certain writes only (a conditional move or a for step may leave a register); an open call or vararg
      // leaves its results pending for the next instruction: every register from its base is dead before it
      const w = (op === Op.CALL || op === Op.VARARG) && argC(i) === 0 ? [a, n] : u.size === 1 && op !== Op.TESTSET &&
        op !== Op.FORPREP && op !== Op.FORLOOP && op !== Op.TFORLOOP && op !== Op.TFORPREP ? writesOf(i) : null;
      if (w !== null && w[1] >= 0) lv.kill(k, w[0], w[1]);
      if ((op === Op.CALL || op === Op.TAILCALL || op === Op.RETURN) && argB(i) === 0) lv.readsFrom(k, a);
      else lv.reads(k, readsOf(i));
    }
    const sets = lv.solve();
    const live = new Map<number, Uint8Array>();
    for (let k = 0; k < order.length; k++) live.set(order[k].pc, sets[k]);
    this.liveAt = live;
    return live;
  }

  /** The registers of `outs` (those a loop function may assign) live after its exit `x`: its own region's end
   * or a jump statement (`break B12;`, `continue L5;`); all of them when unknown (a deopt, a peeled copy). */
  private liveOuts(x: Region | string, outs: string[]): string[] {
    if (this.peel !== null) return outs;
    let pc = -1;
    const st = this.st;
    const after = (r: Region): number => st.order[r.end]?.pc ?? -1;
    if (typeof x !== 'string') pc = after(x);
    else {
      const m = /^(break|continue) ([BL])(\d+);$/.exec(x);
      if (m === null) return outs;
      const t = Number(m[3]);
      if (m[2] === 'B' || m[1] === 'continue') pc = t;
      else {
        for (const rs of st.opens) for (const r of rs) if (r.kind === 'loop' && r.pc === t) pc = after(r);
      }
    }
    const live = pc < 0 ? undefined : this.exitLive().get(pc);
    if (live === undefined) return outs;
    // the registers of the local variables active there too, dead or not: debug.getlocal reads them and the
    // collector marks their values (the k-th active local lives in register k - 1)
    let nactive = 0;
    for (const lv of this.p.locvars) if (lv.startpc <= pc && pc < lv.endpc) nactive++;
    return outs.filter((r) => live[Number(r.slice(1))] === 1 || Number(r.slice(1)) < nactive);
  }

  private emit(s: string): void {
    this.out.push(s);
  }

  private scanCaptured(): void {
    const p = this.p;
    const code = p.code;
    for (let pc = 0; pc < code.length; pc++) {
      const i = code[pc];
      const op = i & 0x7f;
      if (op === Op.CLOSURE) {
        for (const d of p.p[argBx(i)].upvalues) if (d.instack) this.captured.add(d.idx);
      } else if (op === Op.TBC) {
        this.captured.add(argA(i));
        this.hasTbc = true;
      } else if (op === Op.TFORPREP) {
        this.captured.add(argA(i) + 3);
        this.hasTbc = true;
      }
    }
  }

  // ------------------------------------------------------------------------------------ operands

  private R(r: number): string {
    return this.captured.has(r) ? `S[B + ${r}]` : `r${r}`;
  }

  private K(i: number): string {
    const v = this.p.k[i];
    if (typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number') return Object.is(v, -0) ? 'K[' + i + ']' : String(v);
    if (typeof v === 'boolean') return String(v);
    if (v === undefined) return 'undefined';
    return `K[${i}]`;
  }

  /** A constant key as a property name of `t.hash`. */
  private hashKey(i: number): string {
    return `[${JSON.stringify(this.p.k[i] as string)}]`;
  }

  private jump(t: number, pos: number): string {
    const tp = this.st.pos.get(t)!;
    // a back edge of a peeled loop's first-iteration copy enters the loop, right after the copy's block
    const j = this.peel !== null && t === this.peel.h ? `break P${t};` : tp > pos ? `break B${t};` : `continue L${t};`;
    const fx = this.fixCode(t);
    return fx === '' ? j : `{ ${fx}${j} }`;
  }

  /** Pops the compiled frame: its record, the stack top (the function slot: B - 1 unless varargs sit below
   * it) and its JS stack units (`SU`, see runtime.ts). */
  private leave(): string {
    if (this.gen) return `th.ciIdx--; th.top = ${this.p.isVararg ? 'F0' : 'B - 1'};`;
    // a placeholder: wrap() decides whether the function keeps a frame (see frameless())
    return LEAVE;
  }

  private deopt(pc: number): string {
    return `{ ${this.boxAll(this.cur, undefined, true)}dpc = ${pc}; break D; }`;
  }

  private save(pc: number): string {
    return `ci.savedpc = ${pc + 1};`;
  }

  /** One execution-budget step at pc (src/interp/budget.ts), only when the state has a budget. */
  private step(pc: number): string {
    return this.budget ? `if (--L.fuel < 0) { ${this.save(pc)} L.budget.refuel(); } ` : '';
  }

  /** Allocation debt after creating R[a]: registers up to a are live (PUC's checkGC(L, ra + 1)). */
  private gc(cost: string, pc: number, a: number): void {
    const st = this.ty?.outs.get(this.key(pc)) ?? null;
    this.emit(`if ((GC.debt += ${cost}) > 0) { ${this.save(pc)} ${this.spill(a + 1, st)} gcStep(L, B + ${a + 1}); }`);
  }

  /** Stores registers [0, to) in their stack slots (for the collector and the interpreter). */
  private spill(to: number, st: State | null = this.cur): string {
    let s = '';
    for (let r = 0; r < to && r < this.p.maxstacksize; r++) {
      if (this.captured.has(r)) continue;
      s += st !== null && st[r] === FLT ? `S[B + ${r}] = ${this.boxExpr(r)}; ` : st !== null && st[r] === I64 ? `S[B + ${r}] = I.box(h${r}, l${r}); ` : `S[B + ${r}] = r${r}; `;
    }
    return s;
  }

  private spillAll(): string {
    return this.spill(this.p.maxstacksize);
  }

  /** Values of registers [from, to) followed by the pending multiple values when `open`. */
  private valueList(from: number, to: number, open: boolean): string {
    const parts: string[] = [];
    for (let r = from; r < to; r++) parts.push(this.R(r));
    if (open) parts.push('...mv');
    return `[${parts.join(', ')}]`;
  }

  // ------------------------------------------------------------------------------------ instructions

  private unit(pc: number, pos: number): boolean {
    const p = this.p;
    const code = p.code;
    const i = code[pc];
    const op = i & 0x7f;
    const a = argA(i);
    // a load speculated to give a float leaves its value in v, then afterLoad unboxes it into its `f` local
    const spec = this.ty !== null && this.fltLoads.has(pc);
    const RA = spec ? 'v' : this.R(a);
    const pendingMv = this.mvBase;
    this.mvBase = -1;
    const e = (s: string): void => this.emit(s);
    if (OPS[op].it && argB(i) === 0 && op !== Op.VARARGPREP && pendingMv < 0) {
      // the RETURN after a TAILCALL is never reached
      if (op === Op.RETURN && pc > 0 && (code[pc - 1] & 0x7f) === Op.TAILCALL) return true;
      return false;
    }
    if (this.appended.has(this.key(pc))) return true; // emitted by the append at its LEN
    if (op === Op.LEN && (this.append(pc, pos) || this.lenAdd(pc, pos))) return true;
    if (this.ty !== null) {
      if (this.typedUnit(pc, pos, op, i)) return true;
      this.materialise(i);
    }
    switch (op) {
      case Op.MOVE: e(`${RA} = ${this.R(argB(i))};`); return true;
      case Op.LOADI: e(`${RA} = ${argsBx(i)};`); return true;
      case Op.LOADF: e(`${RA} = new LFloat(${argsBx(i)});`); return true;
      case Op.LOADK: e(`${RA} = ${this.K(argBx(i))};`); return true;
      case Op.LOADKX: e(`${RA} = ${this.K(argAx(code[pc + 1]))};`); return true;
      case Op.LOADFALSE: e(`${RA} = false;`); return true;
      case Op.LFALSESKIP: e(`${RA} = false;`); e(this.jump(pc + 2, pos)); return true;
      case Op.LOADTRUE: e(`${RA} = true;`); return true;
      case Op.LOADNIL: for (let r = a; r <= a + argB(i); r++) e(`${this.R(r)} = undefined;`); return true;
      case Op.GETUPVAL: e(`${RA} = (t = U[${argB(i)}]).arr[t.idx];`); return true;
      case Op.SETUPVAL: e(`(t = U[${argB(i)}]).arr[t.idx] = ${RA};`); return true;
      case Op.GETTABUP:
        e(`x = (t = U[${argB(i)}]).arr[t.idx];`);
        // (globals: a function `__index` on _ENV is rare, and each site's call path is code)
        this.getStr(pc, RA, 'x', argC(i), [], false);
        return true;
      case Op.GETFIELD:
        e(`x = ${this.R(argB(i))};`);
        this.getStr(pc, RA, 'x', argC(i));
        this.afterLoad(pc, a, spec);
        return true;
      case Op.GETTABLE:
        e(`x = ${this.R(argB(i))}; y = ${this.R(argC(i))};`);
        e(`if (x instanceof LuaTable && (${this.arrayRead(argC(i))} !== undefined || x.metatable === undefined)) ${RA} = v;`);
        e(`else { ${this.save(pc)} if ((v = rt.index(x, y)) === DEOPT) ${this.mmDeopt(pc, '(v = rt.indexCall(x, y)) === DEOPT', RA)} ${RA} = v; }`);
        this.afterLoad(pc, a, spec);
        return true;
      case Op.GETI: {
        const c = argC(i);
        e(`x = ${this.R(argB(i))};`);
        const rd = c === 0 ? 'x.getInt(0)' : `(${c} <= x.alimit ? x.arr[${c - 1}] : x.getInt(${c}))`;
        e(`if (x instanceof LuaTable && ((v = ${rd}) !== undefined || x.metatable === undefined)) ${RA} = v;`);
        e(`else { ${this.save(pc)} if ((v = rt.index(x, ${c})) === DEOPT) ${this.mmDeopt(pc, `(v = rt.indexCall(x, ${c})) === DEOPT`, RA)} ${RA} = v; }`);
        this.afterLoad(pc, a, spec);
        return true;
      }
      case Op.SETTABUP:
        e(`x = (t = U[${a}]).arr[t.idx]; v = ${argk(i) ? this.K(argC(i)) : this.R(argC(i))};`);
        this.setStr(pc, 'x', argB(i), false);
        return true;
      case Op.SETFIELD:
        e(`x = ${RA}; v = ${argk(i) ? this.K(argC(i)) : this.R(argC(i))};`);
        if (this.freshFields.has(pc)) {
          // a field of a constructor (freshFields): no metatable, no such key yet; nil adds no key
          const ks = JSON.stringify(this.p.k[argB(i)] as string);
          e(`if (v !== undefined) { if (x.roomForStr()) { x.hash${this.hashKey(argB(i))} = v; x.addedStr(${ks}); } else x.setStr(${ks}, v); }`);
        } else this.setStr(pc, 'x', argB(i));
        return true;
      case Op.SETTABLE:
        e(`x = ${RA}; y = ${this.R(argB(i))}; v = ${argk(i) ? this.K(argC(i)) : this.R(argC(i))};`);
        // a raw store unless the metatable has a __newindex (read afresh: it may change at any time)
        e(`s${pc}: { if (x instanceof LuaTable && ((t = x.metatable) === undefined || ${this.newindexAbsent('t')})) {`);
        if (this.cur !== null && this.cur[argB(i)] === INT) {
          // a known integer key: the array slot inside [1, alimit], else setInt
          e(`if ((n = y - 1) >>> 0 === n && n < x.alimit) x.arr[n] = v; else x.setInt(y, v); break s${pc}; }`);
        } else {
          e(`if (typeof y === 'number') { if ((n = y - 1) >>> 0 === n && n < x.alimit) { x.arr[n] = v; break s${pc}; } if (Math.floor(y) === y) { x.setInt(y, v); break s${pc}; } }`);
          e(`if (typeof y === 'string') { x.setStrDyn(y, v); break s${pc}; } }`);
        }
        e(`${this.save(pc)} if (rt.setIndex(x, y, v) === DEOPT) ${this.mmDeopt(pc, 'rt.newindexCall(x, y, v) === DEOPT')} }`);
        return true;
      case Op.SETI:
        e(`x = ${RA}; v = ${argk(i) ? this.K(argC(i)) : this.R(argC(i))};`);
        e(`if (x instanceof LuaTable && ((t = x.metatable) === undefined || ${this.newindexAbsent('t')})) { ${argB(i) === 0 ? '' : `if (${argB(i)} <= x.alimit) x.arr[${argB(i) - 1}] = v; else `}x.setInt(${argB(i)}, v); }`);
        e(`else { ${this.save(pc)} if (rt.setIndex(x, ${argB(i)}, v) === DEOPT) ${this.mmDeopt(pc, `rt.newindexCall(x, ${argB(i)}, v) === DEOPT`)} }`);
        return true;
      case Op.NEWTABLE:
        {
          // sizes as PUC's (they decide #t): B is log2(hash size) + 1, C (+ EXTRAARG * 256) the array size
          const b = argB(i);
          let c = argC(i);
          if (argk(i)) c += argAx(code[pc + 1]) * 256;
          // a constructor whose items all go through one open SETLIST ({f()}, {x, g(y)}): its array part is
          // rebuilt there at the final size, so the presized array would be garbage at once. The table is not
          // reachable in between (only debug.getlocal could see it: `typed` is off when the program names it)
          if (c > 0 && this.typed && this.openSetlistOnly(pc, a)) c = 0;
          if (this.typed) this.markFreshFields(pc, a);
          e(`${RA} = new LuaTable(${c}, ${b > 0 ? 1 << (b - 1) : 0});`);
        }
        this.gc(String(TABLE_COST), pc, a);
        return true;
      case Op.SELF: {
        e(`x = ${this.R(argB(i))};`);
        if (argk(i)) {
          e(`${this.R(a + 1)} = x;`);
          this.getStr(pc, RA, 'x', argC(i), [a + 1], true, true);
        } else {
          e(`y = ${this.R(argC(i))}; ${this.R(a + 1)} = x;`);
          // (a register key of SELF is a string constant that did not fit an operand; getStr tests strDict first)
          e(`if (x instanceof LuaTable && ((v = x.getStr(y)) !== undefined || x.metatable === undefined)) ${RA} = v;`);
          e(`else { ${this.save(pc)} if ((v = rt.index(x, y)) === DEOPT) ${this.mmDeopt(pc, '(v = rt.indexCall(x, y)) === DEOPT', RA, [a + 1])} ${RA} = v; }`);
        }
        return true;
      }
      case Op.ADDI: this.arith(pc, op, RA, this.R(argB(i)), String(argsC(i)), true); return true;
      case Op.ADDK: case Op.SUBK: case Op.MULK: case Op.MODK: case Op.POWK: case Op.DIVK: case Op.IDIVK:
      case Op.BANDK: case Op.BORK: case Op.BXORK: {
        const kv = p.k[argC(i)];
        const sel = AR[op];
        if (kv instanceof LFloat && (sel <= 2 || sel === 5) && Number.isFinite(kv.n) && !Object.is(kv.n, -0)) {
          // an integral-valued float constant (2.0): any number operand gives a float, boxed when integral
          const X = this.R(argB(i));
          const sym = sel === 0 ? '+' : sel === 1 ? '-' : sel === 2 ? '*' : '/';
          e(`x = ${X}; if (typeof x === 'number') { v = x ${sym} ${kv.n}; if (Math.floor(v) === v) ${RA} = new LFloat(v); else ${RA} = v; }`);
          e(`else { ${this.save(pc)} if ((v = rt.arith(${sel}, x, K[${argC(i)}])) === DEOPT) ${this.deopt(pc)} ${RA} = v; }`);
          return true;
        }
        this.arith(pc, op, RA, this.R(argB(i)), this.K(argC(i)), typeof kv === 'number');
        return true;
      }
      case Op.ADD: case Op.SUB: case Op.MUL: case Op.MOD: case Op.POW: case Op.DIV: case Op.IDIV:
      case Op.BAND: case Op.BOR: case Op.BXOR: case Op.SHL: case Op.SHR:
        this.arith(pc, op, RA, this.R(argB(i)), this.R(argC(i)), false);
        return true;
      case Op.SHRI: case Op.SHLI: {
        const [x, y] = op === Op.SHRI ? [this.R(argB(i)), String(argsC(i))] : [String(argsC(i)), this.R(argB(i))];
        e(`${this.save(pc)} if ((v = rt.arith(${op === Op.SHRI ? 11 : 10}, ${x}, ${y})) === DEOPT) ${this.deopt(pc)} ${RA} = v;`);
        return true;
      }
      case Op.MMBIN: case Op.MMBINI: case Op.MMBINK:
        return true; // reached only in the interpreter, after a deopt at the arithmetic instruction
      case Op.UNM:
        e(`x = ${this.R(argB(i))};`);
        e(`if (typeof x === 'number') ${RA} = Math.floor(x) === x ? 0 - x : -x;`);
        e(`else { ${this.save(pc)} if ((v = rt.arith(13, x, x)) === DEOPT) ${this.deopt(pc)} ${RA} = v; }`);
        return true;
      case Op.BNOT:
        e(`x = ${this.R(argB(i))};`);
        e(`if (typeof x === 'number' && (x | 0) === x) ${RA} = ~x;`);
        e(`else { ${this.save(pc)} if ((v = rt.arith(12, x, x)) === DEOPT) ${this.deopt(pc)} ${RA} = v; }`);
        return true;
      case Op.NOT: e(`x = ${this.R(argB(i))}; ${RA} = x === undefined || x === false;`); return true;
      case Op.LEN:
        e(`x = ${this.R(argB(i))};`);
        e(`if (typeof x === 'string') ${RA} = SL(x);`);
        e(`else if (x instanceof LuaTable && x.metatable === undefined) ${RA} = x.length();`);
        e(`else { ${this.save(pc)} if ((v = rt.len(x)) === DEOPT) ${this.deopt(pc)} ${RA} = v; }`);
        return true;
      case Op.CONCAT: {
        const n = argB(i);
        // strings only (most concatenations): joined inline, no call and no operand array; else strings and
        // numbers pairwise from the left (the same text: no array, so no double array that loses NaN signs),
        // anything else (metamethods, errors) in the interpreter, which redoes the instruction from the start
        const ops = Array.from({ length: n }, (_, j) => this.R(a + j));
        let pairs = `(v = rt.concat2(${ops[0]}, ${ops[1]})) === DEOPT`;
        for (let j = 2; j < n; j++) pairs += ` || (v = rt.concat2(v, ${ops[j]})) === DEOPT`;
        const slow = `${this.save(pc)} if (${pairs}) ${this.deopt(pc)}`;
        e(`if (${ops.map((x) => `typeof ${x} === 'string'`).join(' && ')}) v = ${ops.join(' + ')}; else { ${slow} }`);
        e(`${RA} = v;`);
        this.gc(`${STRING_COST} + v.length`, pc, a);
        return true;
      }
      case Op.CLOSE:
        e(`if (th.openUps.length !== 0) th.closeUpvals(B + ${a});`);
        if (this.hasTbc) e(`if (th.tbc.length !== 0) { ${this.save(pc)} ${this.gen ? 'yield* G.' : 'rt.'}closeTbc(th, B + ${a}); }`);
        return true;
      case Op.TBC: e(`${this.save(pc)} newTbc(L, th, ci, B + ${a});`); return true;
      case Op.JMP: {
        const t = pc + 1 + ((i >>> 7) - 0xffffff);
        if (t <= pc) e(this.step(pc));
        if (this.st.pos.get(t) !== pos + 1) e(this.jump(t, pos));
        return true;
      }
      case Op.EQ: case Op.LT: case Op.LE: case Op.EQK: case Op.EQI: case Op.LTI: case Op.LEI: case Op.GTI: case Op.GEI:
      case Op.TEST: case Op.TESTSET:
        this.test(pc, pos, op, i);
        return true;
      case Op.CALL: {
        const b = argB(i), c = argC(i);
        e(this.step(pc));
        const args = b === 0 ? null : Array.from({ length: b - 1 }, (_, j) => this.R(a + 1 + j));
        this.call(pc, a, args, pendingMv, a, c === 1 || c === 2 ? 1 : c === 3 ? 3 : 2);
        // the argument it passed through M1 (results) is consumed: M1 must not keep it alive (in `f(g(x))`
        // in a loop, the value g built would otherwise survive the next g call, and V8 promote it)
        if (b === 0 && !this.hasTbc) e('M1[0] = undefined;');
        this.afterWrite(pc);
        this.results(a, c, pc);
        return true;
      }
      case Op.TAILCALL: this.tailcall(pc, i, pendingMv); return true;
      case Op.RETURN: {
        const b = argB(i);
        this.closeOnReturn(pc, b === 0 ? pendingMv : -1);
        if (b === 0) {
          const nfix = pendingMv - a;
          let st = '';
          for (let j = 1; j < nfix; j++) st += `rt.v[${j}] = ${this.R(a + j)}; `;
          e(`${st}v = rt.retMv(${nfix}, mv, ${nfix > 0 ? RA : 'undefined'}); ${this.leave()} return v;`);
        }
        else if (b === 1) e(`${this.leave()} rt.n = 0; return undefined;`);
        else if (b === 2) e(`${this.leave()} rt.n = 1; return ${RA};`);
        else {
          let s = '';
          for (let j = 1; j < b - 1; j++) s += `rt.v[${j}] = ${this.R(a + j)}; `;
          e(`${this.leave()} ${s}rt.n = ${b - 1}; return ${RA};`);
        }
        return true;
      }
      case Op.RETURN0: this.closeOnReturn(pc); e(`${this.leave()} rt.n = 0; return undefined;`); return true;
      case Op.RETURN1: this.closeOnReturn(pc); e(`${this.leave()} rt.n = 1; return ${RA};`); return true;
      case Op.FORPREP: this.forprep(pc, pos, a, argBx(i)); return true;
      case Op.FORLOOP: {
        e(this.step(pc));
        const r0 = this.R(a), r1 = this.R(a + 1), r2 = this.R(a + 2), r3 = this.R(a + 3);
        e(`if (${r1} > 0) { ${r1}--; ${r0} += ${r2}; ${r3} = ${r0}; ${this.jump(pc + 1 - argBx(i), pos)} }`);
        return true;
      }
      case Op.TFORPREP:
        e(`x = ${this.R(a + 3)}; if (x !== undefined && x !== false) { ${this.save(pc)} newTbc(L, th, ci, B + ${a + 3}); }`);
        return true;
      case Op.TFORCALL:
        this.inlineIter(a, argC(i));
        this.call(pc, a, [this.R(a + 1), this.R(a + 2)], -1, a + 4, argC(i) <= 1 ? 1 : argC(i) === 2 ? 3 : 2);
        this.afterWrite(pc);
        this.results(a + 4, argC(i) + 1, pc, a);
        this.emit('}');
        return true;
      case Op.TFORLOOP:
        e(this.step(pc));
        e(`if (${this.R(a + 4)} === undefined) ${this.jump(pc + 1, pos)}`);
        e(`${this.R(a + 2)} = ${this.R(a + 4)};`);
        return true;
      case Op.SETLIST: {
        const b = argB(i);
        let last = argC(i);
        if (argk(i)) last += argAx(code[pc + 1]) * 256;
        // the trailing null (not counted) keeps the literal's elements generic: V8 would otherwise make it a
        // double array when the values are floats, and optimised code storing a NaN there drops its sign
        if (b === 0) e(`${RA}.setListMv(${last + 1}, [${this.valueList(a + 1, pendingMv, false).slice(1, -1)}${pendingMv > a + 1 ? ', ' : ''}null], mv, ${pendingMv - a - 1});`);
        else e(`${RA}.setList(${last + 1}, [${this.valueList(a + 1, a + 1 + b, false).slice(1, -1)}, null], ${b});`);
        return true;
      }
      case Op.CLOSURE: {
        const np = p.p[argBx(i)];
        const ups = np.upvalues.map((d) => (d.instack ? `th.findUpval(B + ${d.idx})` : `U[${d.idx}]`));
        e(`${RA} = new LuaClosure(P[${argBx(i)}], [${ups.join(', ')}]);`);
        this.gc(String(32 + 8 * ups.length), pc, a);
        void CLOSURE_COST; void UPVAL_COST;
        return true;
      }
      case Op.VARARG: {
        const c = argC(i);
        if (c === 0) {
          e('mv = GA(); for (n = 0; n < NX; n++) mv.push(S[F - NX + n]);');
          this.mvBase = a;
        } else {
          for (let j = 0; j < c - 1; j++) e(`${this.R(a + j)} = ${j} < NX ? S[F - NX + ${j}] : undefined;`);
        }
        return true;
      }
      case Op.VARARGPREP: return true; // done by the prologue
      case Op.EXTRAARG: return true;
      default:
        return false;
    }
  }

  /** Candidate table loads (GETTABLE, GETI, GETFIELD) for float speculation: those whose value is next read
   * as an operand of float-capable arithmetic (+ - * / ^ unary -) whose other operand is not an integer
   * constant, with no branch in between but the entry of a numeric loop (`bj.x - bix`, `x[j] * A(i, j)`).
   * A first version records what they give (afterLoad, FB); a later one (FX.check) speculates on those that
   * gave only floats: the value is unboxed into the register's `f` local, anything else (an integer, a
   * non-number) deoptimises at the load, which is pure when it gives a value (rt.index deoptimises before
   * calling an __index function), and makes every later call run a version without speculation (FX.respec).
   * Measured (user s, min of 5): nbody 0.60 -> 0.55, spectral-norm unchanged (0.70 / 0.71). */
  private floatLoads(): Set<number> {
    const code = this.p.code;
    const out = new Set<number>();
    for (let pc = 0; pc < code.length; pc++) {
      const op = code[pc] & 0x7f;
      if (op !== Op.GETTABLE && op !== Op.GETI && op !== Op.GETFIELD) continue;
      const a = argA(code[pc]);
      if (this.captured.has(a)) continue;
      for (let q = pc + 1; q < code.length; q++) {
        const j = code[q];
        const oq = j & 0x7f;
        const kind = arithKind(oq);
        const rd = readsOf(j);
        if (rd === 'all') break;
        if (rd.includes(a)) {
          if (kind === undefined || kind === Ar.MOD || kind === Ar.IDIV) break;
          const [ox, oy] = operands(this.p, j);
          const other = ox.reg === a ? oy : ox;
          if (kind === Ar.UNM || other.reg >= 0 || constType(other.k) === FLT) out.add(pc);
          break;
        }
        const w = writesOf(j);
        if (w !== null && a >= w[0] && (w[1] < 0 || a < w[1])) break;
        // into a numeric loop's body too (`local bx = b.x; for j = ... do ... bx - ... end`)
        if (BRANCHES.has(oq) && oq !== Op.FORPREP) break;
      }
    }
    return out;
  }

  /** After a table load: a float-speculated one (value in v) leaves the unboxed double in f<a>, else
   * deoptimises (see floatLoads); a candidate of a first version records 1 (float) or 2 (other) in FB. */
  private afterLoad(pc: number, a: number, spec: boolean): void {
    if (spec) {
      this.emit(`if (typeof v === 'number' && Math.floor(v) !== v) f${a} = v; else if (v instanceof LFloat) f${a} = v.n; else { FX.respec(SP); ${this.deopt(pc)} }`);
      return;
    }
    const k = this.ty === null ? -1 : this.fbPcs.indexOf(pc);
    if (k >= 0) this.emit(`x = ${this.R(a)}; FB[${k}] |= typeof x === 'number' ? (Math.floor(x) !== x ? 1 : 2) : x instanceof LFloat ? 1 : 2;`);
  }

  /**
   * `t[#t + 1] = v`: LEN A B; ADDI A A 1; MMBINI; SETTABLE B A C (C not A), nothing jumping into it, as one
   * operation: for a table without metatable LuaTable.append inline (one call instead of a length, an
   * overflow-checked addition and a store, and much less code for V8 to run cold and to compile), other tables
   * through rt.append; whatever needs a metamethod call or raises deoptimises at the LEN (nothing done yet),
   * where the interpreter runs the instructions one by one. Register A gets the key as ADDI would give it.
   * Not in a version compiled to call `__newindex` functions itself (jitMM: the SETTABLE's own path does).
   */
  private append(pc: number, pos: number): boolean {
    const code = this.p.code;
    if (pc + 3 >= code.length || this.p.tierData.jitMM === true) return false;
    const i = code[pc], add = code[pc + 1], set = code[pc + 3];
    const a = argA(i), b = argB(i);
    if ((add & 0x7f) !== Op.ADDI || argA(add) !== a || argB(add) !== a || argsC(add) !== 1) return false;
    if ((code[pc + 2] & 0x7f) !== Op.MMBINI || (set & 0x7f) !== Op.SETTABLE || argA(set) !== b || argB(set) !== a) return false;
    if (a === b || (!argk(set) && argC(set) === a)) return false;
    if (!this.straight(pc, pos, 3)) return false;
    if (this.ty !== null) {
      // the key is a plain number in its `r` local (LEN gives ANY, ANY + 1 is NUM)
      const out = this.ty.outs.get(this.key(pc + 1));
      if (out === undefined || out[a] === FLT || out[a] === I64) return false;
      this.materialise(i);
      if (!argk(set)) {
        const s = this.boxAll(this.cur, [argC(set)]);
        if (s !== '') this.emit(s);
      }
    }
    const RA = this.R(a);
    this.emit(`x = ${this.R(b)}; v = ${argk(set) ? this.K(argC(set)) : this.R(argC(set))};`);
    this.emit(`if (x instanceof LuaTable && x.metatable === undefined) ${RA} = x.append(v);`);
    this.emit(`else { if ((v = rt.append(x, v)) === DEOPT) ${this.deopt(pc)} ${RA} = v; }`);
    for (let k = 1; k <= 3; k++) this.appended.add(this.key(pc + k));
    return true;
  }

  /** Whether the `n` units after the one at pc follow it in emission order with nothing else jumping to them. */
  private straight(pc: number, pos: number, n: number): boolean {
    if (this.preds === null) {
      const preds = this.preds = new Map<number, number>();
      for (const u of this.st.order) for (const t of [u.next, ...u.jumps]) if (t >= 0) preds.set(t, (preds.get(t) ?? 0) + 1);
    }
    for (let k = 1; k <= n; k++) {
      if (this.st.pos.get(pc + k) !== pos + k || this.st.opens[pos + k].length !== 0 || this.preds.get(pc + k) !== 1) return false;
    }
    return true;
  }

  /**
   * `#x + c` (LEN A B; ADDI A A c, nothing jumping to the ADDI) as one operation: strings and tables without
   * metatable inline, other tables without `__len` through rt.lenAdd; `__len` calls, errors and arithmetic
   * metamethods deoptimise at the LEN (nothing done yet). Register A gets the sum as ADDI gives it.
   */
  private lenAdd(pc: number, pos: number): boolean {
    const code = this.p.code;
    if (pc + 1 >= code.length) return false;
    const i = code[pc], add = code[pc + 1];
    const a = argA(i), c = argsC(add);
    if ((add & 0x7f) !== Op.ADDI || argA(add) !== a || argB(add) !== a || !this.straight(pc, pos, 1)) return false;
    if (this.ty !== null) {
      const out = this.ty.outs.get(this.key(pc + 1));
      if (out === undefined || out[a] === FLT || out[a] === I64) return false;
      this.materialise(i);
    }
    const RA = this.R(a);
    this.emit(`x = ${this.R(argB(i))};`);
    this.emit(`if (typeof x === 'string') ${RA} = SL(x) + ${c};`);
    this.emit(`else if (x instanceof LuaTable && x.metatable === undefined && (n = x.length()) + ${c} <= ${MAX}) ${RA} = n + ${c};`);
    this.emit(`else { if ((v = rt.lenAdd(x, ${c})) === DEOPT) ${this.deopt(pc)} ${RA} = v; }`);
    this.appended.add(this.key(pc + 1));
    return true;
  }

  /** The SETFIELDs after the NEWTABLE at pc (register a) that store distinct constant keys into the new table
   * before anything else reads or writes register a or branches: the table has no metatable and no such key
   * then, and is unreachable from other code (only debug.getlocal could see it: not when `typed`). */
  private markFreshFields(pc: number, a: number): void {
    const code = this.p.code;
    const keys = new Set<unknown>();
    if (this.preds === null) {
      // predecessors of each unit: a join point may bring another value of register a
      const preds = this.preds = new Map<number, number>();
      for (const u of this.st.order) for (const t of [u.next, ...u.jumps]) if (t >= 0) preds.set(t, (preds.get(t) ?? 0) + 1);
    }
    for (let q = pc + (argk(code[pc]) ? 2 : 1); q < code.length; q++) {
      if ((this.preds.get(q) ?? 0) > 1) return;
      const j = code[q];
      const op = j & 0x7f;
      if (op === Op.SETFIELD && argA(j) === a) {
        const key = this.p.k[argB(j)];
        if (typeof key !== 'string' || keys.has(key) || (!argk(j) && argC(j) === a)) return;
        keys.add(key);
        this.freshFields.add(q);
        continue;
      }
      const rd = readsOf(j);
      if (rd === 'all' || rd.includes(a) || BRANCHES.has(op)) return;
      const w = writesOf(j);
      if (w !== null && a >= w[0] && (w[1] < 0 || a < w[1])) return;
    }
  }

  /** Whether the first SETLIST of the table built by the NEWTABLE at pc (register a) stores every item from
   * index 1 with an open count (B = 0), in the same function without another write to register a between. */
  private openSetlistOnly(pc: number, a: number): boolean {
    const code = this.p.code;
    for (let q = pc + (argk(code[pc]) ? 2 : 1); q < code.length; q++) {
      const j = code[q];
      const op = j & 0x7f;
      if (op === Op.SETLIST && argA(j) === a) return argB(j) === 0 && argC(j) === 0 && !argk(j);
      if ((op === Op.SETTABLE || op === Op.SETI || op === Op.SETFIELD) && argA(j) === a) return false;
      if (op === Op.CLOSURE || op === Op.RETURN || op === Op.RETURN0 || op === Op.RETURN1 || op === Op.TAILCALL) return false;
      const w = writesOf(j);
      if (op !== Op.CALL && op !== Op.VARARG && w !== null && a >= w[0] && (w[1] < 0 || a < w[1])) return false;
      if ((op === Op.CALL || op === Op.VARARG) && argA(j) <= a) return false;
    }
    return false;
  }

  /** `(v = x[y])` as a raw read for GETTABLE (x a LuaTable, key in y): keys 1..alimit straight from the array
   * part (as the interpreter and PUC's fast path: beyond alimit getInt moves it, which `#` observes); a key
   * register known to be an integer (types.ts) skips the type test. */
  private arrayRead(c: number): string {
    if (this.cur !== null && this.cur[c] === INT) return '((n = y - 1) >>> 0 === n && n < x.alimit ? (v = x.arr[n]) : (v = x.getInt(y)))';
    return `(typeof y === 'number' && (n = y - 1) >>> 0 === n && n < x.alimit ? (v = x.arr[n]) : (v = x.get(y)))`;
  }

  /** R[A] = x[k] for a constant string key: the own field by its constant name inline (V8's inline cache on
   * the table's hidden class), everything else in rt.field (shared by all sites: less code for V8 to parse,
   * compile and optimise): a dictionary-mode table's (strDict) own key through the Map-part slot the site last
   * found it in (`icN.s`); when there is none and the table (or a string) has a metatable, the result of the
   * `__index` chain, which depends only on that metatable and the tables along the chain: the site's cache
   * `icN` holds it for four metatables (and more in rt.lookupMiss), valid while `LuaTable.epoch` is unchanged
   * (every change to a table such a lookup read bumps it: runtime/table.ts, "Watched tables"); else the
   * generic lookup, rt.index (pure). Its DEOPT (a function `__index`, or an error) deoptimises, or, in a
   * function recompiled for such calls, calls it (mmDeopt). */
  private getStr(pc: number, RA: string, x: string, kc: number, done: number[] = [], calls = true, method = false): void {
    const key = this.hashKey(kc);
    const ks = JSON.stringify(this.p.k[kc] as string);
    const ic = `ic${this.ics++}`;
    // (and the first metatable of the site's cache: a method or class field of a monomorphic site, inline;
    // a dictionary-mode table, strDict, may hold the key in its Map part: rt.field)
    this.emit(`if (${x} instanceof LuaTable && ((v = ${x}.hash${key}) !== undefined || (${x}.metatable === ${ic}.m0 && ${ic}.e === LuaTable.epoch && !${x}.strDict && ((v = ${ic}.v0), true)))) ${RA} = v;`);
    // a method of a string (s:sub(...)) from the same entry, keyed by the string metatable (rt.field caches it
    // only while its `__index` is a table, and any change to that metatable moves the epoch)
    if (method) this.emit(`else if (typeof ${x} === 'string' && L.mtString === ${ic}.m0 && ${ic}.e === LuaTable.epoch) ${RA} = ${ic}.v0;`);
    // a function `__index` is called from here (rt.indexCall), not by deoptimising the frame
    const mm = calls ? this.mmDeopt(pc, `(v = rt.indexCall(${x}, ${ks})) === DEOPT`, RA, done) : this.deopt(pc);
    this.emit(`else if ((v = rt.field(${ic}, ${x}, ${ks})) !== DEOPT) ${RA} = v;`);
    this.emit(mm.includes('rt.indexCall') ? `else { ${this.save(pc)} ${mm} ${RA} = v; }` : `else ${mm}`);
  }

  /** A metamethod call made by a runtime helper (`test` calls it and is true when it could not: then deopt at
   * pc, nothing done): registers are stored where the collector and debug.getlocal look, read back afterwards
   * (debug.setlocal), and hooks set meanwhile continue the frame interpreted after the instruction, whose result
   * (`v`, into RA when given) is in place then. `done` lists registers the instruction wrote before the call. */
  private mmDeopt(pc: number, test: string, RA = '', done: number[] = []): string {
    // only in functions that deoptimised for such calls (runtime.ts calledMM); never for a float-speculated
    // load, whose failing type check deoptimises at the load and would call the metamethod again
    if (this.gen || this.p.tierData.jitMM !== true || this.fltLoads.has(pc)) return this.deopt(pc);
    const n = this.p.maxstacksize;
    const dbg = !this.typed;
    let sp = '', dld = '';
    for (let r = 0; r < n; r++) {
      if (this.captured.has(r)) continue;
      sp += done.includes(r) ? `S[B + ${r}] = r${r}; ` : this.slotStore(r);
      if (dbg && `r${r}` !== RA) dld += done.includes(r) ? `r${r} = S[B + ${r}]; ` : this.reload(r);
    }
    const keep: number[] = [];
    for (let r = 0; r < n; r++) if (!done.includes(r) && `r${r}` !== RA) keep.push(r);
    const hooked = `{ ${RA === '' ? '' : `${RA} = v; `}${this.boxAll(this.cur, keep, true)}dpc = ${pc + 1}; break D; }`;
    // compiled without debug.getlocal in sight (see call()): the interpreter makes the call once it is
    if (!dbg) return `{ ${sp ? `if (GC.armed) { ${sp}} ` : ''}if (rt.dbg || ${test}) ${this.deopt(pc)} if (th.hookMask !== 0) ${hooked} }`;
    return `{ ${sp ? `if (GC.armed || rt.dbg) { ${sp}} ` : ''}if (${test}) ${this.deopt(pc)} ${dld ? `if (rt.dbg) { ${dld}} ` : ''}if (th.hookMask !== 0) ${hooked} }`;
  }

  /** A test that metatable `mt` has no `__newindex` (a record-mode metatable is read by constant name). */
  private newindexAbsent(mt: string): string {
    return `(${mt}.strDict ? ${mt}.getStr("__newindex") : ${mt}.hash.__newindex) === undefined`;
  }

  /** x[k] = v for a constant string key: an existing field in place; else a raw set unless the metatable
   * has a `__newindex` (read afresh each time); else rt.setIndex. */
  private setStr(pc: number, x: string, kb: number, calls = true): void {
    const key = this.hashKey(kb);
    const ks = JSON.stringify(this.p.k[kb] as string);
    // (a table that cached `__index` lookups read, watch === WATCHED (1), takes its stores through setStr: runtime/table.ts)
    this.emit(`if (${x} instanceof LuaTable && ${x}.hash${key} !== undefined && ${x}.watch !== 1) { ${x}.hash${key} = v; if (v === undefined) ${x}.sHasDead = true; }`);
    // a raw nil: __newindex decides; without one, a dead key is revived in place and a new key goes to setStr
    this.emit(`else if (${x} instanceof LuaTable && ((t = ${x}.metatable) === undefined || ${this.newindexAbsent('t')})) { if (${x}.watch === 1) ${x}.setStr(${ks}, v); else if (${ks} in ${x}.hash) ${x}.hash${key} = v; else if (v !== undefined && ${x}.roomForStr()) { ${x}.hash${key} = v; ${x}.addedStr(${ks}); } else ${x}.setStr(${ks}, v); }`);
    const mm = calls ? this.mmDeopt(pc, `rt.newindexCall(${x}, ${ks}, v) === DEOPT`) : this.deopt(pc);
    this.emit(`else { ${this.save(pc)} if (rt.setIndex(${x}, ${ks}, v) === DEOPT) ${mm} }`);
  }

  /** Arithmetic: inline number paths, then number.ts through rt.arith, else deopt (metamethods, coercions). */
  private arith(pc: number, op: number, RA: string, X: string, Y: string, yNum: boolean): void {
    const sel = AR[op];
    const e = (s: string): void => this.emit(s);
    const both = yNum ? `typeof ${X} === 'number'` : `typeof ${X} === 'number' && typeof ${Y} === 'number'`;
    const slow = `${this.save(pc)} if ((v = rt.arith(${sel}, ${X}, ${Y})) === DEOPT) ${this.deopt(pc)} ${RA} = v;`;
    const yInt = yNum && Number.isInteger(Number(Y)) ? 'true' : `Math.floor(${Y}) === ${Y}`;
    // an integral-valued float operand (a boxed LFloat, such as the result of `n / 2`) with a number or
    // another box: float arithmetic on the doubles, the result boxed when integral (as number.ts does)
    const boxed = yNum ? `(x = ${X}) instanceof LFloat`
      : `((x = ${X}) instanceof LFloat ? ((y = ${Y}) instanceof LFloat || typeof y === 'number') : (typeof x === 'number' && (y = ${Y}) instanceof LFloat))`;
    const open = `x = x instanceof LFloat ? x.n : x, y = ${yNum ? Y : '(y instanceof LFloat ? y.n : y)'}`;
    const put = `if (Math.floor(v) === v) ${RA} = new LFloat(v); else ${RA} = v;`;
    switch (sel) {
      case 0: case 1: case 2: {
        const sym = sel === 0 ? '+' : sel === 1 ? '-' : '*';
        // int32 operands first (an integer sum or difference of two is safe, a product when it is int32 too):
        // V8 folds these tests away for small integers, which Math.floor and the bounds cost in doubles
        const y32 = yNum && Number.isInteger(Number(Y)) && (Number(Y) | 0) === Number(Y) ? '' : ` && (${Y} | 0) === ${Y}`;
        const i32 = `(${X} | 0) === ${X}${y32}${sel === 2 ? ' && (v | 0) === v' : ''}`;
        e(`a${pc}: { if (${both}) { v = ${X} ${sym} ${Y}; if (${i32} || Math.floor(v) !== v || (Math.floor(${X}) === ${X} && ${yInt} && v <= ${MAX} && v >= -${MAX})) { ${RA} = v${sel === 2 ? ' + 0' : ''}; break a${pc}; } }`);
        e(`if (${boxed}) { ${open}; v = x ${sym} y; ${put} } else { ${slow} } }`);
        return;
      }
      case 3:
        e(`if (${both} && Math.floor(${X}) === ${X} && ${yInt} && ${Y} > 0) { v = ${intRem(X, Y)}; ${RA} = v < 0 ? v + ${Y} : v + 0; }`);
        // float modulo: inline when fmod's result needs no sign adjustment and is not NaN (number.ts decides
        // those, and the NaN's sign)
        e(`else if (${boxed} && (${open}, v = FX.fmod(x, y), v === 0 || (v > 0 && y > 0) || (v < 0 && y < 0))) { ${put} }`);
        e(`else { ${slow} }`);
        return;
      case 5:
        e(`if (${both}) { v = ${X} / ${Y}; ${RA} = Math.floor(v) === v ? new LFloat(v) : v; }`);
        e(`else if (${boxed}) { ${open}; v = x / y; ${put} }`);
        e(`else { ${slow} }`);
        return;
      case 7: case 8: case 9: {
        const sym = sel === 7 ? '&' : sel === 8 ? '|' : '^';
        e(`if (${both} && (${X} | 0) === ${X} && (${Y} | 0) === ${Y}) ${RA} = ${X} ${sym} ${Y};`);
        e(`else { ${slow} }`);
        return;
      }
      default:
        e(slow);
    }
  }

  /** A test and its jump: jumps when the condition equals k (TEST/TESTSET: when truthiness equals k). */
  private test(pc: number, pos: number, op: number, i: number): void {
    const code = this.p.code;
    const target = pc + 2 + ((code[pc + 1] >>> 7) - 0xffffff);
    const k = argk(i);
    const a = argA(i);
    const X = this.R(a);
    const e = (s: string): void => this.emit(s);
    // a taken backward jump is a budget step (charged at the JMP, as the interpreter does)
    const jmp = target <= pc + 1 ? `{ ${this.step(pc + 1)}${this.jump(target, pos)} }` : this.jump(target, pos);
    switch (op) {
      case Op.TEST:
        e(`x = ${X}; if (${k ? 'x !== undefined && x !== false' : 'x === undefined || x === false'}) ${jmp}`);
        return;
      case Op.TESTSET:
        e(`x = ${this.R(argB(i))}; if (${k ? 'x !== undefined && x !== false' : 'x === undefined || x === false'}) { ${X} = x; ${jmp} }`);
        return;
      case Op.EQ: {
        const Y = this.R(argB(i));
        e(`x = ${X}; y = ${Y};`);
        e(`if (x === y) n = 1; else if (typeof x !== 'object' && typeof y !== 'object' && typeof x !== 'bigint' && typeof y !== 'bigint') n = 0;`);
        e(`else { ${this.save(pc)} if ((n = rt.eq(x, y)) === 2) ${this.deopt(pc)} }`);
        e(`if (n === ${k}) ${jmp}`);
        return;
      }
      case Op.EQK: {
        const Y = this.K(argB(i));
        const kv = this.p.k[argB(i)];
        // nil, booleans and strings are equal exactly when identical (only numbers compare across representations)
        if (kv === undefined || typeof kv === 'boolean' || typeof kv === 'string') e(`if ((${X} === ${Y}) === ${k ? 'true' : 'false'}) ${jmp}`);
        else e(`x = ${X}; if ((x === ${Y} || rt.rawEq(x, ${Y})) === ${k ? 'true' : 'false'}) ${jmp}`);
        return;
      }
      case Op.EQI: {
        const im = argsB(i);
        e(`x = ${X}; if ((x === ${im} || (x instanceof LFloat && x.n === ${im})) === ${k ? 'true' : 'false'}) ${jmp}`);
        return;
      }
      case Op.LT: case Op.LE: {
        const Y = this.R(argB(i));
        const sym = op === Op.LT ? '<' : '<=';
        e(`x = ${X}; y = ${Y};`);
        e(`if (typeof x === 'number' && typeof y === 'number') n = x ${sym} y ? 1 : 0;`);
        // two strings: JS compares code units, which are the bytes (strcmp in the C locale, as l_strcmp there).
        // Everything else (boxed floats, bigints, metamethods) shares one call: each branch that first runs
        // after V8 optimised the function deoptimises it, so rare operand kinds are not split into more.
        e(`else if (typeof x === 'string' && typeof y === 'string') n = x ${sym} y ? 1 : 0;`);
        e(`else { ${this.save(pc)} if ((n = rt.order(x, y, ${op === Op.LE})) === 2) ${this.deopt(pc)} }`);
        e(`if (n === ${k}) ${jmp}`);
        return;
      }
      default: {
        // LTI LEI GTI GEI: immediate operand; non-numbers go to the interpreter (metamethods, errors)
        const im = argsB(i);
        const sym = op === Op.LTI ? '<' : op === Op.LEI ? '<=' : op === Op.GTI ? '>' : '>=';
        const isF = argC(i) !== 0;
        const imv = isF ? `new LFloat(${im})` : String(im);
        const le = op === Op.LEI || op === Op.GEI;
        const args = op === Op.LTI || op === Op.LEI ? `x, ${imv}` : `${imv}, x`;
        // an integral float against a small integer: its double compares exactly (nan: false)
        e(`x = ${X}; if (typeof x === 'number') n = x ${sym} ${im} ? 1 : 0;`);
        e(`else if (x instanceof LFloat) n = x.n ${sym} ${im} ? 1 : 0;`);
        e(`else if (typeof x === 'bigint') n = rt.order(${args}, ${le});`);
        e(`else ${this.deopt(pc)}`);
        e(`if (n === ${k}) ${jmp}`);
      }
    }
  }

  /** Calls R[a] with `args` (null: registers a+1.. plus the pending multiple values); result in `v`.
   * The callee's frame starts at register `base` as in the interpreter (registers from there on are dead);
   * while a collection can observe anything, the registers below it are stored where the collector looks. */
  private call(pc: number, a: number, args: string[] | null, mvBase: number, base = a, fast = 0): void {
    const site = `cs${this.sites++}`;
    const sp = this.spill(base);
    // debug.getlocal/setlocal may inspect this frame during the call: the function, its arguments and the
    // registers below are where the interpreter keeps them, and are read back afterwards (setlocal). Only in
    // code compiled once the program has named them (rt.dbg, set when a proto naming them compiles, never
    // reset; `typed` is off then): code compiled before leaves the frame to the interpreter at its calls
    // from then on (the deopt in emitCall, which also drops the proto's compiled code once, runtime.ts
    // stale(), so that its next call compiles it again with the spills), which inspects them exactly. A frame
    // already inside a call when rt.dbg is set keeps its registers in JS locals until that call returns
    // (getlocal sees the values of the slots, setlocal is not seen; nothing is read back from the slots).
    const nfix = args === null ? (mvBase < 0 ? 0 : mvBase - a - 1) : args.length;
    if (nfix + 1 > this.maxArgs) this.maxArgs = nfix + 1;
    let dsp = '', dld = '';
    for (let r = 0; r < base + 1 + nfix && r < this.p.maxstacksize && !this.typed; r++) {
      if (r >= base) {
        dsp += `S[B + ${r}] = ${this.R(a + (r - base))}; `;
        continue;
      }
      if (this.captured.has(r)) continue;
      dsp += this.slotStore(r);
      dld += this.reload(r);
    }
    const resumed = pc === this.resume && !this.gen && base === a && (this.p.code[pc] & 0x7f) === Op.CALL;
    if (resumed) {
      // the resume variant's entry: the registers below the call come from the frame's slots (wrap()), the
      // results from where the interpreter's return left them (RN of them from R[a] on)
      let ld = '';
      for (let r = 0; r < base && r < this.p.maxstacksize; r++) if (!this.captured.has(r)) ld += this.reload(r);
      this.resumeLoad = ld.split('FX.badLocal()').join('return DEOPT');
      const c = argC(this.p.code[pc]);
      this.resumeRN = c === 0 ? `th.top - (B + ${a})` : String(c - 1);
      const n0 = this.out.length;
      this.emitCall(pc, a, args, mvBase, base, fast, site, sp, dsp);
      const callText = this.out.splice(n0).join('\n');
      this.emit(`if (RES) { RES = false; v = S[B + ${a}]; rt.n = RN; for (n = 1; n < RN; n++) rt.v[n] = S[B + ${a} + n]; }`);
      this.emit(`else { ${callText} }`);
    } else this.emitCall(pc, a, args, mvBase, base, fast, site, sp, dsp);
    // the callee's prologue found the JS stack budget used up and unwinds this segment (runtime.ts
    // viaInterp): this frame leaves its registers in the stack and returns at once, its record staying, to
    // become an interpreter frame at this call
    // (a partial unwind stops at one compiled frame, `rt.cut`: it continues the frames above it from its own
    // JS depth, runtime.ts resumeCut, which returns its callee's results; FCOST is the frame's stack units)
    const unw = this.gen ? '' : ` if (rt.unw) { if (rt.cut !== ci) { ${this.spill(base)}return; } v = rt.resumeCut(SU + FCOST${this.p.isVararg ? ' + 8 * (NA + 1)' : ''}); th.top = B + ${this.p.maxstacksize}; }`;
    this.emit(`th.top = B + ${this.p.maxstacksize};${unw}${dld ? ` if (rt.dbg) { ${dld}}` : ''}`);
  }

  /** The call itself (see call()): stores of the saved pc and top, then the call leaving its result in `v`. */
  private emitCall(pc: number, a: number, args: string[] | null, mvBase: number, base: number, fast: number, site: string, sp: string, dsp: string): void {
    const dx = this.typed ? ` if (rt.dbg) { rt.stale(cl.p); ${args === null ? this.mvDeopt(pc, mvBase) : this.deopt(pc)} }` : '';
    this.emit(`${this.save(pc)}${dx} f = ${this.R(a)}; th.top = B + ${base};${sp ? ` if (GC.armed) { ${sp}}` : ''}${dsp ? ` if (rt.dbg) { ${dsp}}` : ''}`);
    if (args === null && this.gen) {
      let put = `S[B + ${base}] = f; `;
      for (let r = a + 1; r < mvBase; r++) put += `S[B + ${base + r - a}] = ${this.R(r)}; `;
      // (generator variant: no generator level of its own, `at` answers as at the other sites)
      this.emit(`${put}v = G.atMv(th, ${site}, B + ${base}, ${mvBase - a - 1}, mv); if (v === G.REQ) v = yield G.req; else if (v === G.SUB) v = yield* G.sub;`);
    } else if (args === null) {
      // the last argument is a call (`f(x, g(y))`): one pending value (the common case) calls a compiled
      // closure directly, and a native seen here goes to its fast entry with the pending values as arguments
      const fixed = Array.from({ length: mvBase - a - 1 }, (_, j) => this.R(a + 1 + j));
      let put = `S[B + ${base}] = f, `;
      fixed.forEach((x, j) => { put += `S[B + ${base + 1 + j}] = ${x}, `; });
      const fl = fixed.map((x) => ', ' + x).join('');
      const room = FAST_MAX_ARGS - fixed.length;
      const nf = room <= 0 ? '' : this.fastEntry(site, fast, `${fixed.length} + mv.length`,
        fl + Array.from({ length: room }, (_, j) => `, mv[${j}]`).join(''), `mv.length <= ${room} && `);
      this.emit(`v = ${nf}(${this.oneMv()} && f instanceof LuaClosure && (t = f.p.jf) !== undefined) ? t(f${fl}, ${this.mv0()}) : (${put}rt.callMv(${site}, B + ${base}, ${fixed.length}, mv));`);
    } else if (this.gen) {
      const al = args.length > 0 ? ', ' + args.join(', ') : '';
      let put = `S[B + ${base}] = f; `;
      args.forEach((x, j) => { if (x !== `S[B + ${base + 1 + j}]`) put += `S[B + ${base + 1 + j}] = ${x}; `; });
      // `f !== site.n` first: a native seen here before (G.at caches it) skips the instanceof test, whose
      // failing prototype walk was a tenth of a yield/resume switch. Registers from `base` on are dead after
      // the call: cleared once the call is over, so that they are not live (saved and restored by V8) across
      // its yields (raw-double and int64 registers are left alone: their locals keep one representation)
      let kill = '';
      for (let r = base; r < this.p.maxstacksize && r < base + 24; r++) {
        if (this.captured.has(r) || (this.cur !== null && (this.cur[r] === FLT || this.cur[r] === I64))) continue;
        kill += `r${r} = `;
      }
      if (kill !== '') kill = ` ${kill}undefined;`;
      // a native's fast entry as in plain code (below; generator.ts seeNative fills the site, also for natives
      // without one: hence the null tests)
      const nf = fast === 0 || args.length > FAST_MAX_ARGS ? ''
        : fast === 1 ? `if (f === ${site}.n && ${site}.q !== null && (v = ${site}.q(L, ${args.length}${al})) !== NOFAST) { /* v */ } else `
          : fast === 3 ? `if (f === ${site}.n && ${site}.t !== null && (v = ${site}.t(L, ${args.length}${al})) !== NOFAST) { rt.n = 2; rt.v[1] = SEC.v; } else `
            : `if (f === ${site}.n && (${site}.o ? (v = ${site}.q(L, ${args.length}${al})) !== NOFAST && (rt.n = 1, true) : ${site}.m !== null && (v = ${site}.m(L, ${args.length}${al})) !== NOFAST && (rt.n = SEC.n, rt.v[1] = SEC.v, rt.v[2] = SEC.w, true))) { /* v */ } else `;
      // a leaf callee (generator.ts isLeaf) cached as `k` runs its plain variant: no generator object, no
      // yield* level; REQ back from it is a request for the driver (its deopt or prologue exit)
      // (one `yield` and one `yield*` per site, shared by all these paths: each is a resume point that V8
      // compiles with its own code, and generator variants compile late in TurboFan)
      this.emit(`${nf}{ if (f !== ${site}.n && f instanceof LuaClosure && f.p === ${site}.p) v = (t = ${site}.k) === null ? (G.sub = ${site}.j(f${al}), G.SUB) : t(f${al}); else { ${put}v = f === G.YF ? G.yld(th, ${site}, B + ${base}, ${args.length}) : G.at(th, ${site}, B + ${base}, ${args.length}); } if (v === G.REQ) v = yield G.req; else if (v === G.SUB) v = yield* G.sub; }${kill}`);
    } else {
      const al = args.length > 0 ? ', ' + args.join(', ') : '';
      let put = `S[B + ${base}] = f, `;
      args.forEach((x, j) => { if (x !== `S[B + ${base + 1 + j}]`) put += `S[B + ${base + 1 + j}] = ${x}, `; });
      // a native with a fast entry seen at this site (fastEntry)
      const nf = args.length > FAST_MAX_ARGS ? '' : this.fastEntry(site, fast, String(args.length), al, '');
      // any compiled closure is called directly (runtime.ts setDirect); others go through callAt. The native
      // seen here is tested first: a failing instanceof LuaClosure walks its whole prototype chain (measured:
      // a third of a coroutine.resume loop's own time)
      this.emit(`v = ${nf}(f instanceof LuaClosure && (t = f.p.jf) !== undefined) ? t(f${al}) : (${put}rt.callAt(${site}, B + ${base}, ${args.length}));`);
    }
  }

  /** The head of TFORCALL when its iterator is `next` on a table or ipairs' iterator on a plain table with an
   * integer control value (runtime/fastnative.ts ITERATORS): the step is done inline (LuaTable.step: exact
   * next order and errors, which the call below raises: an invalid key gives -1 here), else (an open `else {`
   * closed after the call's results) the call is made. Nothing here can raise, call, yield or set a hook. */
  private inlineIter(a: number, c: number): void {
    const out = (key: string, val: string): string => {
      let s = `${this.R(a + 4)} = ${key};`;
      if (c >= 2) s += ` ${this.R(a + 5)} = ${val};`;
      for (let j = 2; j < c; j++) s += ` ${this.R(a + 4 + j)} = undefined;`;
      return s;
    };
    this.emit(`f = ${this.R(a)}; x = ${this.R(a + 1)}; y = ${this.R(a + 2)};`);
    this.emit(`if (f === NXF && x instanceof LuaTable && (n = x.step(y, NXO)) >= 0) { ${out('n > 0 ? NXO[0] : undefined', 'n > 0 ? NXO[1] : undefined')} }`);
    this.emit(`else if (f === IPF && x instanceof LuaTable && x.metatable === undefined && typeof y === 'number' && Math.floor(y) === y && y < ${MAX}) {`);
    this.emit(`y = y + 1; v = y > 0 && y <= x.alimit ? x.arr[y - 1] : x.getInt(y); ${out('v === undefined ? undefined : y', 'v')} }`);
    // the native iterator seen at this site (its call site is the next one call() allocates) through its fast
    // entry: no call record, and none of the call's stack top, spill, unwind and hook bookkeeping, which a fast
    // entry cannot observe or change (runtime/fastnative.ts); NOFAST makes the call below. Only a FastNative's
    // own entries: a site may also hold the switching entries of a coroutine.wrap function (generator.ts
    // switchSite), which run Lua code and need all of that bookkeeping
    const site = `cs${this.sites}`;
    const fn = `f === ${site}.n && f instanceof FX.FN`;
    if (c <= 1) this.emit(`else if (${fn} && (v = ${site}.q(L, 2, x, y)) !== NOFAST) { ${this.R(a + 4)} = v; }`);
    else if (c === 2) this.emit(`else if (${fn} && ${site}.t !== null && (v = ${site}.t(L, 2, x, y)) !== NOFAST) { ${out('v', 'SEC.v')} }`);
    this.emit('else {');
  }

  /** The test and call of a native's fast entry seen at a call site (runtime/fastnative.ts), `n` arguments
   * `al` (each after a comma), as the head of a conditional expression leaving the first result in `v`; '' for
   * none. fast = 1 when at most one result is wanted, 2 when all are or three or more (the one-result entry of
   * natives whose fast entry stands for exactly one result, else the multi-result entry), 3 when two are. */
  private fastEntry(site: string, fast: number, n: string, al: string, cond: string): string {
    if (fast === 0) return '';
    if (fast === 1) return `(f === ${site}.n && ${cond}(v = ${site}.q(L, ${n}${al})) !== NOFAST) ? v : `;
    if (fast === 3) return `(f === ${site}.n && ${cond}${site}.t !== null && (v = ${site}.t(L, ${n}${al})) !== NOFAST) ? (rt.n = 2, rt.v[1] = SEC.v, v) : `;
    return `(f === ${site}.n && ${cond}(${site}.o ? (v = ${site}.q(L, ${n}${al})) !== NOFAST && (rt.n = 1, true) : ${site}.m !== null && (v = ${site}.m(L, ${n}${al})) !== NOFAST && (rt.n = SEC.n, rt.v[1] = SEC.v, rt.v[2] = SEC.w, true))) ? v : `;
  }

  /** Whether the pending values (mv, of the call just made: results()) are exactly one, and that value: the
   * function's own one-element array M1 holds it, the call's result still in `v` (the consumer, the next
   * instruction, tests this before anything assigns `v`), instead of loads of mv's length and element. */
  private oneMv(): string {
    return this.hasTbc ? 'mv.length === 1' : 'mv === M1';
  }

  private mv0(): string {
    return this.hasTbc ? 'mv[0]' : 'v';
  }

  /** Stores the results of the call just made (c: wanted + 1; 0 = all, kept as pending values). */
  private results(a: number, c: number, pc: number, hookBase = -1): void {
    const e = (s: string): void => this.emit(s);
    if (c === 0) {
      // one result (the common case: `f(g(x))`, `return f(g(x))`) goes through the function's own one-element
      // array instead of a new one: every consumer copies it out before any Lua code can run again (only
      // __close handlers could, in between, so not with to-be-closed variables)
      e(this.hasTbc ? 'mv = rt.collect(v);' : 'mv = rt.n === 1 ? (M1[0] = v, M1) : rt.collect(v);');
      this.mvBase = a;
      return;
    }
    if (c >= 2) e(`${this.R(a)} = v;`);
    if (c > 2) {
      e('n = rt.n;');
      for (let j = 1; j < c - 1; j++) e(`${this.R(a + j)} = n > ${j} ? rt.v[${j}] : undefined;`);
    }
    // hooks set by the callee: continue interpreted (at the next instruction)
    void hookBase;
    e(`if (th.hookMask !== 0) ${this.deopt(pc + 1)}`);
  }

  private tailcall(pc: number, i: number, mvBase: number): void {
    const a = argA(i), b = argB(i);
    const e = (s: string): void => this.emit(s);
    const args = b === 0 ? null : Array.from({ length: b - 1 }, (_, j) => this.R(a + 1 + j));
    this.selfTail(pc, a, args, mvBase);
    // long chains of consecutive tail calls continue in the interpreter, which runs them in constant stack
    // (TN: this frame's place in its chain, see wrap(); the generator variant counts per thread)
    if (args !== null) e(`if (${this.gen ? 'th.tailNest' : 'TN'} >= ${100}) ${this.deopt(pc)}`);
    this.closeOnReturn(pc);
    e(`${this.save(pc)} f = ${this.R(a)};`);
    const site = `cs${this.sites++}`;
    // a native (or __call) in tail position runs as a plain call: the RETURN after it returns its results
    // __call in tail position: the interpreter resolves it and tail-calls the metamethod (constant stack)
    if (args !== null) e(`if (!(f instanceof LuaFunction)) ${this.deopt(pc)}`);
    e(this.step(pc)); // after the deopt points: the interpreter would charge the redone instruction again
    const list = args === null ? this.valueList(a + 1, mvBase, true) : `[${args.join(', ')}]`;
    if (this.gen) {
      this.genTail(site, list, args, mvBase, a);
      return;
    }
    // a native with a fast entry seen at this site (runtime/fastnative.ts): one standing for exactly one
    // result, else the multi-result entry (`return next(t, k)`, `return s:gsub(p, r)`)
    if (args !== null && args.length <= FAST_MAX_ARGS) {
      const al = args.map((x) => ', ' + x).join('');
      e(`if (f === ${site}.n) { if (${site}.o) { if ((v = ${site}.q(L, ${args.length}${al})) !== NOFAST) { ${this.leave()} rt.n = 1; return v; } }`);
      e(`else if (${site}.m !== null && (v = ${site}.m(L, ${args.length}${al})) !== NOFAST) { ${this.leave()} rt.n = SEC.n; rt.v[1] = SEC.v; rt.v[2] = SEC.w; return v; } }`);
    }
    e(`if (!(f instanceof LuaClosure)) { x = ${list}; v = rt.callv(${site}, f, x); ${this.leave()} return v; }`);
    // the callee cached at this site is called directly (no argument array, no spread): tail calls are the
    // hot path of recursive code such as ackermann's `return f(m - 1, f(m, k - 1))`. The arguments are
    // registers: popping the frame (ciIdx, top) leaves their values where they are
    const fixed = args === null ? Array.from({ length: Math.max(0, mvBase - a - 1) }, (_, j) => this.R(a + 1 + j)) : args;
    const al = fixed.map((x) => ', ' + x).join('');
    // this JS frame stays below the callee's until it returns: its stack units stay charged (SU kept) till then;
    // the callee's prologue (or runAt, for an interpreted one) consumes rt.tail
    if (fixed.length + 1 > this.maxArgs) this.maxArgs = fixed.length + 1;
    e(`th.ciIdx--; th.top = ${this.p.isVararg ? 'F0' : 'B - 1'}; rt.tailNest = TN + 1; rt.tail = true;`);
    if (args === null) {
      e(`v = ((t = f.p.jf) !== undefined && ${this.oneMv()}) ? t(f${al}, ${this.mv0()}) : rt.callv(${site}, f, ${list}); rt.su = SU; return v;`);
    } else {
      e(`v = (t = f.p.jf) !== undefined ? t(f${al}) : rt.call(${site}, f${al}); rt.su = SU; return v;`);
    }
  }

  /** A tail call of the running closure itself continues as a loop: the arguments become the parameters
   * and the body starts again (SELF, see wrap()), in the same JS frame and frame record, as lua5.4 reuses
   * its frame: the record is marked as entered by a tail call, upvalues are closed first (TAILCALL's k), the
   * other registers are cleared as a fresh call finds them, and the call is one budget step. Only without
   * hooks (their call/tail-call events need a real call), when the parameters speculated integers get
   * integers (else the call's prologue recompiles), and in a non-vararg function whose first unit is entered
   * in the entry state only (a back edge there could widen the parameters' types). Arguments are registers
   * above every parameter (A of a TAILCALL is above the active locals), so they are read while assigned. */
  private selfTail(pc: number, a: number, args: string[] | null, mvBase: number): void {
    const p = this.p;
    const np = p.numparams;
    if (p.isVararg || !this.mayCallSelf(pc, a)) return;
    if (this.ty !== null) {
      const ins = this.ty.ins.get(this.st.order[0].pc);
      if (ins === undefined) return;
      for (let r = 0; r < ins.length; r++) if (ins[r] !== (this.specParams.includes(r) ? INT : ANY)) return;
    }
    const fixed = args ?? Array.from({ length: Math.max(0, mvBase - a - 1) }, (_, j) => this.R(a + 1 + j));
    if (args === null && fixed.length > np) return;
    const one = args === null && np - fixed.length === 1;
    const val = (j: number): string => (j < fixed.length ? fixed[j] : args === null ? (one ? this.mv0() : `mv[${j - fixed.length}]`) : 'undefined');
    const conds = ['f === cl', 'th.hookMask === 0'];
    if (args === null) conds.push(one ? this.oneMv() : `mv.length === ${np - fixed.length}`);
    for (const r of this.specParams) {
      if (r >= fixed.length && args !== null) return;
      const x = val(r);
      conds.push(intTest(x));
    }
    const e = (s: string): void => this.emit(s);
    e(`f = ${this.R(a)}; if (${conds.join(' && ')}) {`);
    this.closeOnReturn(pc);
    e(this.step(pc));
    let set = '';
    for (let j = 0; j < np; j++) set += `${this.R(j)} = ${val(j)}; `;
    for (let r = np; r < p.maxstacksize; r++) if (!this.captured.has(r)) set += `r${r} = undefined; `;
    e(`${set}ci.tail = true; continue SELF; }`);
    this.selfLoop = true;
  }

  /** Whether the callee of the call at pc (register a) is loaded the way a function reaches itself: from its
   * own upvalue (`local function f`, Proto.selfUp) or a global (`function f`), by the last instruction before
   * pc writing a.
   * Other tail calls (`return math.floor(x)`, `return t.f(x)`) get no self check, and their functions no loop. */
  private mayCallSelf(pc: number, a: number): boolean {
    const code = this.p.code;
    for (let j = pc - 1; j >= 0 && j >= pc - 256; j--) {
      const w = writesOf(code[j]);
      if (w === null || a < w[0] || (w[1] >= 0 && a >= w[1])) continue;
      const op = code[j] & 0x7f;
      return (op === Op.GETUPVAL && argB(code[j]) === this.p.selfUp) || (op === Op.GETTABUP && typeof this.p.k[argC(code[j])] === 'string');
    }
    return false;
  }

  /** The generator variant of a tail call's call (the bottom frame's record flags pass to the callee). */
  private genTail(site: string, list: string, args: string[] | null, mvBase: number, a: number): void {
    const e = (s: string): void => this.emit(s);
    const f0 = this.p.isVararg ? 'F0' : 'B - 1';
    e(`if (!(f instanceof LuaClosure)) { x = ${list}; v = G.atv(th, ${site}, f, x); if (v === G.REQ) v = yield G.req; else if (v === G.SUB) v = yield* G.sub; th.ciIdx--; th.top = ${f0}; return v; }`);
    const fixed = args === null ? Array.from({ length: Math.max(0, mvBase - a - 1) }, (_, j) => this.R(a + 1 + j)) : args;
    const al = fixed.map((x) => ', ' + x).join('');
    e(`th.ciIdx--; th.top = ${f0}; th.tailNest++; rt.tail = true; G.flags = ci.flags;`);
    if (args === null) {
      e(`v = f.p === ${site}.p && ${site}.k === null && mv.length === 1 ? (G.sub = ${site}.j(f${al}, mv[0]), G.SUB) : G.atv(th, ${site}, f, ${list}); if (v === G.REQ) v = yield G.req; else if (v === G.SUB) v = yield* G.sub;`);
    } else {
      // a leaf cached at the site runs its plain variant, unless this is a segment's bottom frame (flags for
      // the callee's record, which only a generator prologue takes: generator.ts `at`)
      e(`v = f.p === ${site}.p && (t = ${site}.k) !== null && G.flags === 0 ? t(f${al}) : f.p === ${site}.p && ${site}.k === null ? (G.sub = ${site}.j(f${al}), G.SUB)`);
      e(`: G.atv(th, ${site}, f, [${fixed.join(', ')}]); if (v === G.REQ) v = yield G.req; else if (v === G.SUB) v = yield* G.sub;`);
    }
    e('th.tailNest--; rt.tail = false; return v;');
  }

  /** Closes upvalues and pending to-be-closed variables before a return or tail call. A `__close` that sets a
   * hook hands the frame to the interpreter, which redoes the instruction (nothing left to close) with its
   * hooks; the pending multiple values (from register mvFrom) go to the stack, where it expects them. */
  private closeOnReturn(pc: number, mvFrom = -1): void {
    if (this.captured.size > 0) this.emit('if (th.openUps.length !== 0) th.closeUpvals(B);');
    if (!this.hasTbc) return;
    const hooked = mvFrom < 0 ? this.deopt(pc) : this.mvDeopt(pc, mvFrom);
    this.emit(`if (th.tbc.length !== 0) { ${this.save(pc)} ${this.gen ? 'yield* G.' : 'rt.'}closeTbc(th, B); if (th.hookMask !== 0) ${hooked} }`);
  }

  /** Deopt at pc with the pending multiple values (from register mvFrom) on the stack, as the interpreter
   * expects them there (its top past them). */
  private mvDeopt(pc: number, mvFrom: number): string {
    return `{ ${this.spillAll()}n = B + ${mvFrom} + mv.length; if (n + 8 > S.length) th.grow(n + 8); for (x = 0; x < mv.length; x++) S[B + ${mvFrom} + x] = mv[x]; ${this.gen ? `return yield G.deopt(th, ci, ${pc}, n);` : `v = rt.deopt(ci, ${pc}, n); rt.su = SU; return v;`} }`;
  }

  private forprep(pc: number, pos: number, a: number, bx: number): void {
    const r0 = this.R(a), r1 = this.R(a + 1), r2 = this.R(a + 2), r3 = this.R(a + 3);
    const e = (s: string): void => this.emit(s);
    e(`x = ${r0}; y = ${r1}; n = ${r2};`);
    // a float limit of an integer loop (`for i = 1, n / 2`) is clipped to an integer as PUC's forlimit does
    e(`if (typeof y !== 'number' || Math.floor(y) !== y) y = FX.forLimit(y, n);`);
    e(`if (!(typeof x === 'number' && typeof y === 'number' && typeof n === 'number' && Math.floor(x) === x && Math.floor(y) === y && Math.floor(n) === n && n !== 0)) ${this.deopt(pc)}`);
    e(`if (n > 0 ? x > y : x < y) ${this.jump(pc + bx + 2, pos)}`);
    e(`v = n > 0 ? y - x : x - y; if (v > ${MAX}) ${this.deopt(pc)}`);
    e(`${r1} = n === 1 || n === -1 ? v : (v - (v % (n > 0 ? n : -n))) / (n > 0 ? n : -n); ${r3} = x;`);
  }

  // ------------------------------------------------------------------------------------ typed registers
  // (types.ts decides; a FLT register lives in its `f` local as a raw double, boxed only where it escapes)

  private enterUnit(pc: number): void {
    this.curPc = pc;
    if (this.ty === null) return;
    this.cur = this.ty.ins.get(this.key(pc)) ?? null;
    this.edge = this.ty.jumpOuts.get(this.key(pc)) ?? null;
  }

  /** After an instruction wrote its results (calls): deopts and spills see the out-state. */
  private afterWrite(pc: number): void {
    if (this.ty !== null) this.cur = this.ty.outs.get(this.key(pc)) ?? null;
  }

  /** The b2 value of FLT register r (cold paths only: a box and a raw double in one expression). */
  private boxExpr(r: number): string {
    return `BX(f${r})`;
  }

  /** Statements storing the b2 value of double expression d in register r (r local or stack slot). */
  private boxTo(r: number, d: string): string {
    const R = this.R(r);
    return `if (Math.floor(${d}) === ${d}) ${R} = new LFloat(${d}); else ${R} = ${d}; `;
  }

  /** Statements giving the FLT and I64 registers of `st` (those of `only`) their b2 value in `r` locals;
   * `cold` (deopt paths): floats through the BX helper, a short call instead of the inline test. */
  private boxAll(st: State | null, only?: number[] | 'all', cold = false): string {
    if (st === null || this.ty === null) return '';
    let s = '';
    for (const r of this.ty.fregs) {
      if (st[r] !== FLT || (only !== undefined && only !== 'all' && !only.includes(r))) continue;
      s += cold ? `${this.R(r)} = BX(f${r}); ` : this.boxTo(r, `f${r}`);
    }
    for (const r of this.ty.iregs) {
      if (st[r] !== I64 || (only !== undefined && only !== 'all' && !only.includes(r))) continue;
      s += this.boxI(r, `h${r}`, `l${r}`);
    }
    return s;
  }

  private slotStore(r: number): string {
    if (this.cur !== null && this.cur[r] === I64) return `S[B + ${r}] = I.box(h${r}, l${r}); `;
    return this.cur !== null && this.cur[r] === FLT ? `S[B + ${r}] = ${this.boxExpr(r)}; ` : `S[B + ${r}] = r${r}; `;
  }

  /** Reads register r back from its slot after debug.setlocal may have changed it (typed: checked). */
  private reload(r: number): string {
    const t = this.cur === null ? ANY : this.cur[r];
    if (t === FLT) return `x = S[B + ${r}]; if (typeof x === 'number' && Math.floor(x) !== x) f${r} = x; else if (x instanceof LFloat) f${r} = x.n; else FX.badLocal(); `;
    if (t === INT) return `r${r} = S[B + ${r}]; if (!${intTest(`r${r}`)}) FX.badLocal(); `;
    if (t === I64) return `x = S[B + ${r}]; if (typeof x === 'number' && Math.floor(x) === x) { l${r} = x | 0; h${r} = Math.floor(x / 4294967296) | 0; } else if (typeof x === 'bigint') { l${r} = I.split(x); h${r} = I.h; } else FX.badLocal(); `;
    return `r${r} = S[B + ${r}]; `;
  }

  /** Boxing on the edge from the current edge state to the unit at pc (FLT there in, not FLT here). */
  private fixCode(t: number): string {
    if (this.ty === null || this.edge === null) return '';
    const k = edgeKey(this.st, this.ty.peels, t, this.curPos, this.peel);
    const to = this.ty.ins.get(k);
    const live = this.ty.live.get(k);
    if (to === undefined || live === undefined) return '';
    let s = '';
    for (const r of this.ty.fregs) if (this.edge[r] === FLT && to[r] !== FLT && live[r] === 1) s += this.boxTo(r, `f${r}`);
    for (const r of this.ty.iregs) {
      if (live[r] !== 1 || to[r] === this.edge[r]) continue;
      if (this.edge[r] === I64) s += this.boxI(r, `h${r}`, `l${r}`);
      else if (to[r] === I64) s += `l${r} = r${r} | 0; h${r} = Math.floor(r${r} / 4294967296) | 0; `;
    }
    return s;
  }

  private fixups(t: number): void {
    const s = this.fixCode(t);
    if (s !== '') this.emit(s);
  }

  /** Before a generic instruction: the FLT registers it reads or writes get their b2 value in the `r` local. */
  private materialise(i: number): void {
    const st = this.cur;
    if (st === null || this.ty === null || (this.ty.fregs.size === 0 && this.ty.iregs.size === 0)) return;
    const rd = readsOf(i);
    let regs: number[] | 'all' = rd;
    if (rd !== 'all') {
      const w = writesOf(i);
      if (w !== null) {
        // registers it may write but does not read: only where their old value is still live
        const to = w[1] < 0 ? this.p.maxstacksize : w[1];
        const live = this.ty.live.get(this.key(this.curPc));
        regs = [...rd];
        for (let r = w[0]; r < to; r++) if (live === undefined || live[r] === 1) regs.push(r);
      }
    }
    const s = this.boxAll(st, regs);
    if (s !== '') this.emit(s);
  }

  /** A double-valued expression for an operand (unboxing unknown registers, deopting on non-numbers). */
  private dbl(o: Operand, tmp: string, tmpd: string): string {
    if (o.reg < 0) return fconst(o.k instanceof LFloat ? o.k.n : o.k as number);
    const t = this.cur![o.reg];
    if (t === FLT) return `f${o.reg}`;
    if (t === INT) return this.R(o.reg);
    if (t === I64) return `(h${o.reg} * 4294967296 + (l${o.reg} >>> 0))`;
    this.emit(`${tmp} = ${this.R(o.reg)}; if (typeof ${tmp} === 'number') ${tmpd} = ${tmp}; else if (${tmp} instanceof LFloat) ${tmpd} = ${tmp}.n; else ${this.deopt(this.curPc)}`);
    return tmpd;
  }

  /** An integer operand (INT register or integer constant). */
  private int(o: Operand): string {
    return o.reg < 0 ? String(o.k) : this.R(o.reg);
  }

  /** Instructions emitted on known types; false: the generic emission handles it. */
  private typedUnit(pc: number, pos: number, op: number, i: number): boolean {
    const ty = this.ty!;
    const cur = this.cur;
    const out = ty.outs.get(this.key(pc));
    if (cur === null || out === undefined) return false;
    const a = argA(i);
    switch (op) {
      case Op.MOVE:
        if (out[a] === I64) {
          this.emit(`h${a} = h${argB(i)}; l${a} = l${argB(i)};`);
          return true;
        }
        if (out[a] !== FLT) return false;
        this.emit(`f${a} = f${argB(i)};`);
        return true;
      case Op.LOADF:
        if (out[a] !== FLT) return false;
        this.emit(`f${a} = ${fconst(argsBx(i))};`);
        return true;
      case Op.LOADK: {
        const k = this.p.k[argBx(i)];
        if (out[a] === I64) {
          const [h, l] = words(k as bigint);
          this.emit(`h${a} = ${h}; l${a} = ${l};`);
          return true;
        }
        if (out[a] !== FLT) return false;
        this.emit(`f${a} = ${fconst(k instanceof LFloat ? k.n : k as number)};`);
        return true;
      }
      case Op.FORPREP:
        if (!ty.floatFor.has(this.key(pc))) return false;
        this.floatForprep(pc, pos, a, argBx(i));
        return true;
      case Op.FORLOOP:
        if (!ty.floatFor.has(keyIn(this.st, pc - argBx(i), this.peel))) return false;
        this.floatForloop(pc, pos, a, argBx(i));
        return true;
      case Op.EQ: case Op.LT: case Op.LE: case Op.EQK: case Op.EQI: case Op.LTI: case Op.LEI: case Op.GTI: case Op.GEI:
        return this.typedTest(pc, pos, op, i);
      default: {
        const kind = arithKind(op);
        if (kind === undefined) {
          const bk = bitKind(op);
          if (bk === undefined) return false;
          const bt = ty.bitResultOf(pc, cur);
          if (bt !== INT && bt !== I64) return false;
          this.bitOp(bk, a, bt, out[a] === I64, ...bitOperands(this.p, i));
          return true;
        }
        const t = ty.resultOf(pc, cur);
        if (t === FLT) this.floatArith(kind, a, out[a] === FLT, ...operands(this.p, i));
        else if (t === INT) this.intArith(kind, a, ...operands(this.p, i));
        else if (t === I64) this.i64Arith(kind, a, out[a] === I64, ...operands(this.p, i));
        else return false;
        return true;
      }
    }
  }

  private floatArith(kind: Ar, a: number, raw: boolean, ox: Operand, oy: Operand): void {
    const X = this.dbl(ox, 'x', 'dx');
    const Y = kind === Ar.UNM ? X : this.dbl(oy, 'y', 'dy');
    let ex: string;
    switch (kind) {
      case Ar.ADD: ex = `${X} + ${Y}`; break;
      case Ar.SUB: ex = `${X} - ${Y}`; break;
      case Ar.MUL: ex = `${X} * ${Y}`; break;
      case Ar.DIV: ex = `${X} / ${Y}`; break;
      case Ar.IDIV: ex = `Math.floor(${X} / ${Y})`; break;
      case Ar.UNM: ex = `-${X}`; break;
      case Ar.POW: ex = Y === '2' ? `${X} * ${X}` : `FX.pow(${X}, ${Y})`; break;
      case Ar.MOD:
        // fmod, then the result takes the divisor's sign (a zero result keeps its sign)
        this.emit(`dz = FX.fmod(${X}, ${Y}); if (dz > 0 ? ${Y} < 0 : (dz < 0 && ${Y} > 0)) dz += ${Y};`);
        ex = 'dz';
        break;
    }
    if (raw) this.emit(`f${a} = ${ex};`);
    else this.emit(`dz = ${ex}; ${this.boxTo(a, 'dz')}`);
  }

  /** Integer arithmetic on safe integers: a result beyond +-(2^53-1) deoptimises (the interpreter wraps it
   * or makes it a bigint) and marks the proto for recompilation without integer speculation. */
  private intArith(kind: Ar, a: number, ox: Operand, oy: Operand): void {
    const X = this.int(ox), Y = this.int(oy);
    const RA = this.R(a);
    const ovf = `if ((v | 0) !== v && (v > ${MAX} || v < -${MAX})) { FX.ovf(cl); ${this.deopt(this.curPc)} }`;
    switch (kind) {
      case Ar.ADD: this.emit(`v = ${X} + ${Y}; ${ovf} ${RA} = v;`); return;
      case Ar.SUB: this.emit(`v = ${X} - ${Y}; ${ovf} ${RA} = v;`); return;
      case Ar.MUL: this.emit(`v = ${X} * ${Y}; ${ovf} ${RA} = v + 0;`); return;
      case Ar.UNM: this.emit(`${RA} = 0 - ${X};`); return;
      case Ar.MOD:
        if (oy.reg >= 0 || oy.k === 0) this.emit(`if (${Y} === 0) ${this.deopt(this.curPc)}`);
        this.emit(`v = ${intRem(X, Y)}; if (v !== 0 && (v < 0) !== (${Y} < 0)) v += ${Y}; ${RA} = v + 0;`);
        return;
      case Ar.IDIV:
        // floor of the rounded quotient is exact for safe integers (number.ts's idivNum)
        if (oy.reg >= 0 || oy.k === 0) this.emit(`if (${Y} === 0) ${this.deopt(this.curPc)}`);
        this.emit(`${RA} = Math.floor(${X} / ${Y}) + 0;`);
        return;
      default: throw new Error('intArith: not an integer operation');
    }
  }

  // ------------------------------------------------------------------------------------ 64-bit integers
  // (an I64 register lives in int32 locals h<r> (high word) and l<r> (low word); int64.ts)

  /** Statements storing the b2 value of the 64-bit integer (h, l) in register r: a number when safe. */
  private boxI(r: number, h: string, l: string): string {
    const R = this.R(r);
    return `if (((${h} + 2097152) >>> 22) === 0 && (${h} !== -2097152 || ${l} !== 0)) ${R} = ${h} * 4294967296 + (${l} >>> 0); else ${R} = I.big(${h}, ${l}); `;
  }

  /** The (high, low) words of an integer operand (INT registers split into the temporaries `<tmp>h`, `<tmp>l`). */
  private pair(o: Operand, tmp: string): [string, string] {
    if (o.reg < 0) {
      const [h, l] = words(o.k as number | bigint);
      return [String(h), String(l)];
    }
    const t = this.cur![o.reg];
    if (t === I64) return [`h${o.reg}`, `l${o.reg}`];
    const X = this.R(o.reg);
    if (t === INT) this.emit(`${tmp}l = ${X} | 0; ${tmp}h = Math.floor(${X} / 4294967296) | 0;`);
    else {
      // a value of unknown type (types.ts's bitResult/arithResult: only next to an I64 operand): an integer,
      // else deoptimise (floats, strings and metamethods are the interpreter's)
      this.emit(`${tmp} = ${X}; if (typeof ${tmp} === 'number' && Math.floor(${tmp}) === ${tmp}) { ${tmp}l = ${tmp} | 0; ${tmp}h = Math.floor(${tmp} / 4294967296) | 0; }`);
      this.emit(`else if (typeof ${tmp} === 'bigint') { ${tmp}l = I.split(${tmp}); ${tmp}h = I.h; } else ${this.deopt(this.curPc)}`);
    }
    return [`${tmp}h`, `${tmp}l`];
  }

  /** Stores the result words (qh, ql) in register a: unboxed when its out-type is I64, else boxed. */
  private putI(a: number, raw: boolean): void {
    this.emit(raw ? `h${a} = qh; l${a} = ql;` : this.boxI(a, 'qh', 'ql'));
  }

  /** + - * // % and unary minus on 64-bit integers, wrapping (// and % by zero deoptimise). */
  private i64Arith(kind: Ar, a: number, raw: boolean, ox: Operand, oy: Operand): void {
    const e = (s: string): void => this.emit(s);
    let [ah, al] = this.pair(ox, 'x');
    let [bh, bl] = kind === Ar.UNM ? [ah, al] : this.pair(oy, 'y');
    if (kind === Ar.UNM) [ah, al] = ['0', '0'];
    switch (kind) {
      case Ar.ADD:
        e(`qd = (${al} >>> 0) + (${bl} >>> 0); qh = (${ah} + ${bh} + (qd > 4294967295 ? 1 : 0)) | 0; ql = qd | 0;`);
        break;
      case Ar.SUB: case Ar.UNM:
        e(`qd = (${al} >>> 0) - (${bl} >>> 0); qh = (${ah} - ${bh} - (qd < 0 ? 1 : 0)) | 0; ql = qd | 0;`);
        break;
      case Ar.MUL:
        if (oy.reg < 0) {
          // a constant multiplier: its 16-bit limbs are literals (the helper's limb products, inline)
          const b0 = Number(bl) & 0xffff, b1 = Number(bl) >>> 16;
          e(`qd = ${al} & 65535; xd = ${al} >>> 16; yd = qd * ${b1}; zd = xd * ${b0}; wd = qd * ${b0};`);
          e(`qh = (xd * ${b1} + (yd >>> 16) + (zd >>> 16) + (((wd >>> 16) + (yd & 65535) + (zd & 65535)) >>> 16) + Math.imul(${ah}, ${bl}) + Math.imul(${al}, ${bh})) | 0; ql = Math.imul(${al}, ${bl});`);
        } else e(`ql = I.mul(${ah}, ${al}, ${bh}, ${bl}); qh = I.h;`);
        break;
      case Ar.IDIV: case Ar.MOD:
        if (oy.reg >= 0 || (bh === '0' && bl === '0')) e(`if ((${bh} | ${bl}) === 0) ${this.deopt(this.curPc)}`);
        e(`ql = I.${kind === Ar.IDIV ? 'idiv' : 'mod'}(${ah}, ${al}, ${bh}, ${bl}); qh = I.h;`);
        break;
      default: throw new Error('i64Arith: not an integer operation');
    }
    this.putI(a, raw);
  }

  /** Bitwise operators on integer operands (types.ts's bitResult decides INT or I64). */
  private bitOp(kind: Bw, a: number, t: number, raw: boolean, ox: Operand, oy: Operand): void {
    const e = (s: string): void => this.emit(s);
    const RA = this.R(a);
    const n = constShift(kind, oy);
    if (t === INT) {
      if (kind === Bw.AND) {
        // a mask 0 <= k < 2^31: only the low word counts (JS & takes a safe integer's low 32 bits exactly)
        const [m, o] = oy.reg < 0 && typeof oy.k === 'number' && oy.k >= 0 && oy.k <= 0x7fffffff ? [oy.k, ox] : [ox.k as number, oy];
        const low = o.reg < 0 ? String(words(o.k as number | bigint)[1]) : this.cur![o.reg] === I64 ? `l${o.reg}` : this.R(o.reg);
        e(`${RA} = ${low} & ${m};`);
        return;
      }
      // a logical right shift by 11..63 (within [0, 2^53)), or a shift by 64 or more (0)
      if (n! >= 64 || n! <= -64) {
        e(`${RA} = 0;`);
        return;
      }
      const m = -n!;
      if (ox.reg >= 0 && this.cur![ox.reg] === I64) {
        const h = `h${ox.reg}`, l = `l${ox.reg}`;
        e(m >= 32 ? `${RA} = ${h} >>> ${m - 32};` : `${RA} = (${h} >>> 0) * ${2 ** (32 - m)} + (${l} >>> ${m});`);
      } else {
        // a negative safe integer is 2^64 + x as unsigned
        const X = this.int(ox);
        e(`qd = Math.floor(${X} / ${2 ** m}); ${RA} = qd < 0 ? qd + ${2 ** (64 - m)} : qd;`);
      }
      return;
    }
    const [ah, al] = this.pair(ox, 'x');
    switch (kind) {
      case Bw.AND: case Bw.OR: case Bw.XOR: {
        const [bh, bl] = this.pair(oy, 'y');
        const sym = kind === Bw.AND ? '&' : kind === Bw.OR ? '|' : '^';
        e(`qh = ${ah} ${sym} ${bh}; ql = ${al} ${sym} ${bl};`);
        break;
      }
      case Bw.NOT: e(`qh = ~${ah}; ql = ~${al};`); break;
      default:
        if (n === undefined) {
          // a count in a register: any value (a huge count shifts everything out)
          let c: string;
          if (oy.reg < 0 || this.cur![oy.reg] === INT) c = this.int(oy);
          else {
            const [ch, cl] = this.pair(oy, 'y');
            c = `(${ch} * 4294967296 + (${cl} >>> 0))`;
          }
          e(`ql = I.shl(${ah}, ${al}, ${kind === Bw.SHL ? c : `-${c}`}); qh = I.h;`);
        } else if (n === 0) e(`qh = ${ah}; ql = ${al};`);
        else if (n >= 32) e(`qh = ${al} << ${n - 32}; ql = 0;`);
        else if (n > 0) e(`qh = (${ah} << ${n}) | (${al} >>> ${32 - n}); ql = ${al} << ${n};`);
        else if (n > -32) e(`ql = (${al} >>> ${-n}) | (${ah} << ${32 + n}); qh = (${ah} >>> ${-n}) | 0;`);
        else e(`ql = (${ah} >>> ${-n - 32}) | 0; qh = 0;`);
    }
    this.putI(a, raw);
  }

  /** Comparisons of known numbers: plain JS comparisons of the raw values. */
  private typedTest(pc: number, pos: number, op: number, i: number): boolean {
    const cur = this.cur!;
    const a = argA(i);
    const num = (r: number): string | null => (cur[r] === FLT ? `f${r}` : cur[r] === INT ? this.R(r) : null);
    const c64 = this.i64Cond(op, i);
    if (c64 === null) return false;
    if (c64 === undefined && (op === Op.LT || op === Op.LE) && (num(a) === null) !== (num(argB(i)) === null)) {
      // one known number, the other anything: no box of a raw double. An integer compares inline with a plain
      // number, the rest through the shared helper; a float always through the helper (its own feedback covers
      // the rare kinds: no cold branch here; the generic test would box an integral one and call rt.order)
      const unk = num(a) === null ? a : argB(i);
      const xs = num(a) ?? 'x', ys = num(argB(i)) ?? 'x';
      const fn = op === Op.LT ? 'LT' : 'LE';
      this.emit(`x = ${this.R(unk)};`);
      if (cur[unk === a ? argB(i) : a] === FLT) this.emit(`if ((n = ${fn}(${xs}, ${ys})) === 2) ${this.deopt(pc)}`);
      else {
        this.emit(`if (typeof x === 'number') n = ${xs} ${op === Op.LT ? '<' : '<='} ${ys} ? 1 : 0;`);
        this.emit(`else if ((n = ${fn}(${xs}, ${ys})) === 2) ${this.deopt(pc)}`);
      }
      this.emit(`if (n === ${argk(i)}) ${this.testJump(pc, pos)}`);
      return true;
    }
    const X = c64 !== undefined ? '' : num(a);
    if (X === null) return false;
    let cond = c64 ?? '';
    if (c64 === undefined) switch (op) {
      case Op.EQ: case Op.LT: case Op.LE: {
        const Y = num(argB(i));
        if (Y === null) return false;
        cond = `${X} ${op === Op.EQ ? '===' : op === Op.LT ? '<' : '<='} ${Y}`;
        break;
      }
      case Op.EQK: {
        const k = this.p.k[argB(i)];
        if (typeof k !== 'number' && !(k instanceof LFloat)) return false;
        cond = `${X} === ${numLit(k instanceof LFloat ? k.n : k)}`;
        break;
      }
      case Op.EQI: cond = `${X} === ${argsB(i)}`; break;
      default: {
        const sym = op === Op.LTI ? '<' : op === Op.LEI ? '<=' : op === Op.GTI ? '>' : '>=';
        cond = `${X} ${sym} ${argsB(i)}`;
      }
    }
    this.emit(`if (${argk(i) ? '' : '!'}(${cond})) ${this.testJump(pc, pos)}`);
    return true;
  }

  /** The jump of the test at pc (its JMP at pc + 1); a taken backward jump is a budget step (as in test()). */
  private testJump(pc: number, pos: number): string {
    const target = pc + 2 + ((this.p.code[pc + 1] >>> 7) - 0xffffff);
    return target <= pc + 1 ? `{ ${this.step(pc + 1)}${this.jump(target, pos)} }` : this.jump(target, pos);
  }

  /** The condition of a comparison with a 64-bit (I64) operand: undefined when none is I64, null when the
   * other operand is not an integer of known type (the generic test then compares the boxed values). */
  private i64Cond(op: number, i: number): string | null | undefined {
    const cur = this.cur!;
    const a = argA(i), b = argB(i);
    const two = op === Op.EQ || op === Op.LT || op === Op.LE;
    if (cur[a] !== I64 && !(two && cur[b] === I64)) return undefined;
    const isInt = (t: number): boolean => t === INT || t === I64;
    let y: Operand;
    if (two) y = { reg: b };
    else if (op === Op.EQK) y = { reg: -1, k: this.p.k[b] };
    else y = { reg: -1, k: argsB(i) };
    if (!isInt(cur[a]) || (y.reg >= 0 ? !isInt(cur[y.reg]) : typeof y.k !== 'number' && typeof y.k !== 'bigint')) return null;
    if (y.reg < 0 && typeof y.k === 'number' && Math.floor(y.k) !== y.k) return null;
    let [xh, xl] = this.pair({ reg: a }, 'x');
    let [yh, yl] = this.pair(y, 'y');
    if (op === Op.EQ || op === Op.EQK || op === Op.EQI) return `${xh} === ${yh} && ${xl} === ${yl}`;
    // signed high words, then unsigned low words
    if (op === Op.GTI || op === Op.GEI) [xh, xl, yh, yl] = [yh, yl, xh, xl];
    const sym = op === Op.LT || op === Op.LTI || op === Op.GTI ? '<' : '<=';
    return `${xh} < ${yh} || (${xh} === ${yh} && (${xl} >>> 0) ${sym} (${yl} >>> 0))`;
  }

  /** A float loop (initial value or step a float), as Lua 5.4's forprep: all three converted to floats, no
   * precomputed count; a zero step or a non-number deoptimises (the interpreter raises the error). */
  private floatForprep(pc: number, pos: number, a: number, bx: number): void {
    const X = this.dbl({ reg: a }, 'x', 'dx');
    const Y = this.dbl({ reg: a + 1 }, 'y', 'dy');
    const Z = this.dbl({ reg: a + 2 }, 'v', 'dz');
    this.emit(`if (${Z} === 0) ${this.deopt(pc)}`);
    this.emit(`f${a} = ${X}; f${a + 1} = ${Y}; f${a + 2} = ${Z};`);
    this.emit(`if (0 < f${a + 2} ? f${a + 1} < f${a} : f${a} < f${a + 1}) ${this.jump(pc + bx + 2, pos)}`);
    const body = this.ty!.outs.get(this.key(pc))!;
    this.emit(body[a + 3] === FLT ? `f${a + 3} = f${a};` : this.boxTo(a + 3, `f${a}`));
  }

  private floatForloop(pc: number, pos: number, a: number, bx: number): void {
    const back = this.ty!.jumpOuts.get(this.key(pc))!;
    const set = back[a + 3] === FLT ? `f${a + 3} = dx; ` : this.boxTo(a + 3, 'dx');
    this.emit(this.step(pc));
    this.emit(`dx = f${a} + f${a + 2}; if (0 < f${a + 2} ? dx <= f${a + 1} : f${a + 1} <= dx) { f${a} = dx; ${set}${this.jump(pc + 1 - bx, pos)} }`);
  }

  // ------------------------------------------------------------------------------------ the function

  private wrap(body: string[]): string {
    const p = this.p;
    const np = p.numparams;
    // parameters are the registers themselves (no copy: a frame slot less), except captured ones
    const params = Array.from({ length: np }, (_, j) => (this.captured.has(j) ? `a${j}` : `r${j}`));
    const locals: string[] = [];
    for (let r = np; r < p.maxstacksize; r++) if (!this.captured.has(r)) locals.push(`r${r}`);
    // every JS local is a slot of the (unoptimised) frame, deep recursion pays for each: declare only the
    // temporaries the body uses
    let text = body.join('\n');
    if (this.resumeLoad !== null) text += '\n' + this.resumeLoad;
    // slow paths that cannot raise (arithmetic other than integer % and //, comparisons of numbers and
    // strings: DEOPT for everything else) need no saved pc in a function without a frame
    // (the names that keep a frame whatever the saved pcs are: most bodies have one, and skip the rewrite)
    let frameless = false;
    if (this.resume < 0 && !FRAME_NAMES.test(text)) {
      const pure = body.map((l) => l.replace(PURE_SLOW, '$1'));
      frameless = this.frameless(pure.join('\n'));
      if (frameless) body = pure;
    }
    const leave = frameless ? '' : `th.ciIdx--; th.top = ${p.isVararg ? 'F0' : 'B - 1'}; rt.su = SU;`;
    if (!this.gen) {
      for (let k = 0; k < body.length; k++) if (body[k].includes(LEAVE)) body[k] = body[k].split(LEAVE).join(leave);
      text = body.join('\n');
      for (let k = 0; k < this.loopFns.length; k++) this.loopFns[k] = this.loopFns[k].split(LEAVE).join(leave);
    }
    const temps = COMMON_TEMPS.filter((re) => re.test(text)).map((re) => re.source.slice(2, -2));
    // the other names looked for, in one pass over the text (loop functions' included)
    const uses = new Set<string>();
    for (const m of (this.loopFns.length > 0 ? text + '\n' + this.loopFns.join('\n') : text).matchAll(USES)) uses.add(m[0]);
    const deopts = uses.has('dpc');
    if (deopts && !temps.includes('v')) temps.push('v');
    if (deopts) temps.push('dpc = 0');
    // typed registers (types.ts): unboxed float locals and the scratch doubles of typed arithmetic
    if (this.ty !== null) {
      for (const d of ['dx', 'dy', 'dz']) if (uses.has(d)) temps.push(`${d} = 0`);
      for (const r of this.ty.fregs) temps.push(`f${r} = 0`);
      for (const d of ['xh', 'xl', 'yh', 'yl', 'qh', 'ql', 'qd', 'xd', 'yd', 'zd', 'wd']) if (uses.has(d)) temps.push(`${d} = 0`);
      for (const r of this.ty.iregs) temps.push(`h${r} = 0`, `l${r} = 0`);
    }
    const useU = uses.has('U[');
    // frame size bound (bytes): fixed part, receiver + parameters, declared locals, and the temporaries V8
    // allocates for expressions (a call needs its arguments in consecutive registers)
    const useT = uses.has('T');
    const declared = 5 + (useT ? 1 : 0) + (!this.gen && uses.has('TN') ? 1 : 0) + (p.isVararg ? 5 : 0) + (useU ? 1 : 0) + locals.length + temps.length;
    const cost = 64 + 8 * (np + 2 + declared + Math.max(12, this.maxArgs + 8)) + this.loopCost;
    const lines: string[] = [];
    lines.push('"use strict";');
    if (!this.gen) lines.push(`const FCOST = ${cost};`);
    // call sites' records, all of one shape (FX.site, FX.genSite)
    if (this.sites > 0) {
      lines.push(`const CS = FX.${this.gen ? 'genSite' : 'site'};`);
      lines.push(`const ${Array.from({ length: this.sites }, (_, s) => `cs${s} = CS()`).join(', ')};`);
    }
    // the GETFIELD/SELF sites' lookup caches (rt.newLookupCache), declared together
    if (this.ics > 0) lines.push(`const ${Array.from({ length: this.ics }, (_, s) => `ic${s} = rt.newLookupCache()`).join(', ')};`);
    if (uses.has('NOFAST')) lines.push('const NOFAST = FX.NOFAST;');
    if (uses.has('SEC')) lines.push('const SEC = FX.SEC;');
    if (uses.has('NXF')) lines.push('const NXF = FX.IT.next, IPF = FX.IT.ipairs, NXO = FX.NXO;');
    lines.push('const GC = L.gc;');
    if (this.loopFns.length > 0) lines.push(`const O = [], OF = new Float64Array(${Math.max(1, this.loopFloats)});`);
    if (uses.has('FB[')) lines.push('const FB = SP.fb;');
    if (uses.has('M1')) lines.push('const M1 = GA();');
    if (uses.has('I.')) lines.push('const I = FX.I;');
    if (uses.has('BX(')) lines.push('const BX = FX.bx;');
    if (uses.has('LT(')) lines.push('const LT = FX.lt;');
    if (uses.has('LE(')) lines.push('const LE = FX.le;');
    if (uses.has('SL(')) lines.push('const SL = FX.sl;');
    const name = `lua_${p.linedefined}`;
    if (this.resume >= 0) return this.wrapResume(lines, body, name, params, locals, temps, cost, useU, useT, deopts);
    if (!this.gen && !isLeaf(p)) lines.push('const TH = L.main;');
    // loop functions (endOutline): in the factory's scope, as the function itself
    for (const l of this.loopFns) lines.push(l);
    // a parenthesised function expression is compiled by V8 at once (a bare one would be pre-parsed here,
    // then parsed again at its first call)
    lines.push(`return (function${this.gen ? '*' : ''} ${name}(cl${params.map((x) => ', ' + x).join('')}) {`);
    if (this.gen) {
      lines.push('const th = L.cur;');
      // the record flags of a segment's bottom frame (generator.ts), taken before anything can raise
      lines.push('const FL = G.flags; G.flags = 0;');
      lines.push('if (th.hookMask !== 0 || th.ciIdx >= rt.maxGenDepth) return yield G.via(th, cl, arguments);');
    } else {
      // speculated integer parameters: a failing guard has done nothing yet; the proto is recompiled without
      // the speculation and the call runs there (runtime.ts respec)
      // the call as viaInterp/respec take it: a non-vararg function names its parameters, since a function
      // that mentions `arguments` at all gets an arguments object allocated on every call (V8 materialises it
      // at entry when it escapes, even if only a cold path uses it: ackermann's steady state 1.50 -> 1.07 s)
      const argv = p.isVararg ? 'arguments' : `[cl${params.map((x) => ', ' + x).join('')}]`;
      if (this.specParams.length > 0) {
        const bad = this.specParams.map((r) => `!${intTest(`r${r}`)}`).join(' || ');
        lines.push(`if (${bad}) return rt.respec(cl, ${argv});`);
      }
      if (frameless) {
        // no frame record, no stack window, no JS stack units (a leaf: its own JS frame fits in the reserve);
        // a deopt builds the frame the prologue would have built (below), with the tail flag taken here
        lines.push('const th = L.cur;');
        lines.push(`if (th.hookMask !== 0) return rt.viaInterp(cl, ${argv});`);
        lines.push(deopts ? 'const TL = rt.tail; rt.tail = false;' : 'rt.tail = false;');
      } else {
      // a function with calls runs plain only on the main thread (runtime.ts, Interplay; leaves also run inside
      // generator code on coroutines): the thread as a constant of the factory, whose fields V8 then reads
      // with no map check (after each call: ~10 instructions per call in fib)
      lines.push(`const th = ${isLeaf(p) ? 'L.cur' : 'TH'}; const SU = rt.su;`);
      // another version of the function (float-speculated loads, FX.check / FX.respec): calls go there (this
      // frame stays below the other version's: its stack units are charged meanwhile)
      const call = p.isVararg ? 'SP.fn.apply(undefined, arguments)' : `SP.fn(cl${params.map((x) => ', ' + x).join('')})`;
      const fwd = `{ rt.su += ${cost}; const r = ${call}; rt.su -= ${cost}; return r; }`;
      if (uses.has('FB[')) lines.push(`if (SP.fn !== null || (SP.watch && FX.check(SP))) ${fwd}`);
      else if (uses.has('SP')) lines.push(`if (SP.fn !== null) ${fwd}`);
      // past the JS stack budget (or with hooks set) the call runs interpreted, on the interpreter's own stack;
      // a vararg function's extra arguments sit in its frame too
      const extra = p.isVararg ? ' + 8 * arguments.length' : '';
      lines.push(`if (th.hookMask !== 0 || SU${extra} > ${Math.floor(this.suLimit - cost)}) return rt.viaInterp(cl, ${argv});`);
      if (this.selfLoop && !uses.has('FB[')) this.warm = true;
      lines.push(`rt.su = SU + ${cost}${extra};`);
      }
    }
    const top = `B + ${p.maxstacksize}`;
    const prologueEnd = lines.length;
    if (p.isVararg) {
      lines.push('const S = th.stack; const F0 = th.top;');
      lines.push(`const NA = arguments.length - 1 > ${np} ? arguments.length - 1 : ${np}; const NX = NA - ${np};`);
      lines.push('const F = F0 + NA + 1; const B = F + 1;');
    } else lines.push('const S = th.stack; const B = th.top + 1;');
    if (useT) lines.push(`const T = ${top};`);
    lines.push(`if (${top} + 8 > S.length) th.grow(${top} + 8);`);
    if (p.isVararg) lines.push(`for (let j = 0; j < NX; j++) S[F0 + ${np + 1} + j] = arguments[${np + 1} + j];`);
    lines.push(`th.top = ${top};`);
    // pushCI inlined (the records above ciIdx are the spares; only the first call that deep creates one)
    lines.push('const ci = th.cis[++th.ciIdx] ?? th.newCI();');
    // the reused record's other fields are not read for a compiled frame: savedpc is stored before anything
    // can inspect the frame, nresults only when it returns through the interpreter (rt.deopt sets it), and
    // nextraargs only for vararg functions; fn stays cleared (the collector marks it), leq and kind may be stale
    // (the generator variant's driver reads its frames' records: it keeps them complete)
    const full = this.gen ? ' ci.savedpc = 0; ci.nresults = -1;' : '';
    lines.push(`ci.func = ${p.isVararg ? 'F' : 'B - 1'}; ci.base = B; ci.top = ${top}; ci.closure = cl; ci.fn = undefined;${full}`);
    // the tail flag as constants: a stored `true`/`false` needs no write barrier, and rt.tail is rarely set
    const tail = this.gen ? 'ci.tail = rt.tail; rt.tail = false;' : 'if (rt.tail) { ci.tail = true; rt.tail = false; } else ci.tail = false;';
    lines.push(`ci.flags = ${this.gen ? 'FL' : '0'}; ci.kind = 0; ci.leq = false;${p.isVararg ? ' ci.nextraargs = NX;' : this.gen ? ' ci.nextraargs = 0;' : ''} ${tail}`);
    // a frame entered by a tail call continues its caller's chain of consecutive tail frames on the JS stack
    // (rt.tailNest is set by that caller just before the call); any other entry starts a new chain
    if (!this.gen && uses.has('TN')) lines.push('const TN = ci.tail ? rt.tailNest : 0;');
    // a frameless function builds its frame only on its deopt path (FX.leafDeopt)
    if (frameless) lines.splice(prologueEnd);
    if (useU) lines.push('const U = cl.upvals;');
    if (locals.length > 0) lines.push(`let ${locals.join(', ')};`);
    for (const r of this.captured) if (r < np) lines.push(`S[B + ${r}] = a${r};`);
    if (temps.length > 0) lines.push(`let ${temps.join(', ')};`);
    this.pushBody(lines, body);
    if (deopts && frameless) {
      // the frame the prologue would have built, built by a helper: inline, its ~220 bytes of bytecode made
      // small leaves (spectral's A(i, j)) too big for V8 to inline into their callers
      let regs = '';
      for (let r = 0; r < p.maxstacksize; r++) regs += `, r${r}`;
      lines.push(`return FX.leafDeopt(rt, cl, TL, dpc${regs});`);
    } else if (deopts) {
      lines.push(this.spillAll());
      lines.push(this.gen ? 'return yield G.deopt(th, ci, dpc);' : 'v = rt.deopt(ci, dpc); rt.su = SU; return v;');
    }
    lines.push('});');
    return lines.join('\n');
  }

  /** The body in its deopt block `D` (inside the self-tail-call loop when there is one). */
  private pushBody(lines: string[], body: string[]): void {
    lines.push('D: {');
    if (this.selfLoop) lines.push('SELF: for (;;) {');
    for (const l of body) lines.push(l);
    if (this.selfLoop) lines.push('break; }');
    lines.push('}');
    this.cur = null;
  }

  /** The resume variant's function (see runtime.ts resumeFrames): `(cl, ci)` for the frame of record `ci`, an
   * interpreter frame of a non-vararg function whose call at `resume` has just returned (its results from R[a]
   * on, th.top past them). Its registers are reloaded from their slots before anything else (DEOPT, with
   * nothing done, when one does not have the type the code expects there), then the body runs from the
   * call's continuation (RES, see generate()) to the frame's return, as the plain function would. */
  private wrapResume(lines: string[], body: string[], name: string, params: string[], locals: string[], temps: string[],
    cost: number, useU: boolean, useT: boolean, deopts: boolean): string {
    const p = this.p;
    const top = `B + ${p.maxstacksize}`;
    const text = body.join('\n');
    lines.push('const TH = L.main;');
    lines.push(`return (function ${name}r(cl, ci) {`);
    lines.push('const th = TH; const SU = rt.su;');
    lines.push(`if (th.hookMask !== 0 || SU > ${Math.floor(this.suLimit - cost)}) return DEOPT;`);
    lines.push('const S = th.stack; const B = ci.base;');
    if (useT) lines.push(`const T = ${top};`);
    if (/\bTN\b/.test(text)) lines.push('const TN = 0;');
    if (useU) lines.push('const U = cl.upvals;');
    const regs = params.filter((x) => x.startsWith('r')).concat(locals);
    if (regs.length > 0) lines.push(`let ${regs.join(', ')};`);
    if (temps.length > 0) lines.push(`let ${temps.join(', ')};`);
    lines.push(`let RES = true; const RN = ${this.resumeRN};`);
    lines.push(this.resumeLoad!);
    lines.push(`rt.su = SU + ${cost};`);
    lines.push(`if (${top} + 8 > S.length) th.grow(${top} + 8);`);
    lines.push(`th.top = ${top};`);
    this.pushBody(lines, body);
    if (deopts) {
      lines.push(this.spillAll());
      lines.push('v = rt.deopt(ci, dpc); rt.su = SU; return v;');
    }
    lines.push('});');
    return lines.join('\n');
  }
}

/** The test that the value of `x` (a name or a simple load) is a Lua integer (b2: an integral JS number), for
 * entry guards: the int32 test first, which V8 compiles to a Smi tag check when it has seen only small
 * integers (the common case: counts, indices, depths), instead of a float conversion and rounding (fib's
 * per-call instructions 285 -> 270, valgrind); larger integers take the Math.floor test. */
function intTest(x: string): string {
  return `(typeof ${x} === 'number' && ((${x} | 0) === ${x} || Math.floor(${x}) === ${x}))`;
}

/** A JS number as a source literal (-0, nan and infinities included). */
function numLit(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/** A float constant loaded into a register. Zeros and infinities are read from a typed array: V8's optimiser
 * cannot see their values there, so it cannot fold an invalid operation on them (0/0, inf-inf) into its own
 * positive NaN, where the hardware (and lua5.4) produce -nan. */
function fconst(n: number): string {
  if (n === 0 || !Number.isFinite(n)) {
    const j = FK.findIndex((c) => Object.is(c, n));
    if (j >= 0) return `FX.k[${j}]`;
  }
  return numLit(n);
}
const FK = new Float64Array([0, -0, Infinity, -Infinity]);

/*
 * Comparison helpers (FX.lt, FX.le) of LT/LE with one operand a known number. A branch of generated code that
 * first runs after V8 optimised the function deoptimises it ("insufficient type feedback") and costs a
 * recompile of the whole function, so the rare kinds of the other operand (boxed floats, bigints) are not
 * inline branches or calls from a cold site when the known one is a raw float: the whole test is one small
 * helper call on the common path (the call site has feedback, V8 inlines it), whose own feedback is shared by
 * all generated code and seeded with every operand kind before the first compilation (warmCompares), so its
 * rare branches are compiled code from the start. (EQ stays inline: through a helper, V8 also inlines the
 * helper's rt.eq, and bench/sort.lua's comparator ran 9% more instructions.)
 */

/** x < y (le: x <= y) of numbers (boxed floats, bigints; raw doubles of FLT registers too: the order of
 * values does not depend on the subtype) and strings: 1/0; 2 for anything else (metamethods, errors). */
function order(x: LuaValue, y: LuaValue, le: boolean): number {
  const a = x instanceof LFloat ? x.n : x, b = y instanceof LFloat ? y.n : y;
  // JS compares a bigint with a number by their mathematical values (NaN: false), as Lua does
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) return (le ? a <= b : a < b) ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return (le ? a <= b : a < b) ? 1 : 0;
  return 2;
}

let warmed = false;

/** Runs the comparison helpers on every operand kind (once, before the first compilation; no effects). */
function warmCompares(): void {
  if (warmed) return;
  warmed = true;
  const vals: LuaValue[] = [1, 2.5, new LFloat(2), -(2n ** 62n), 'a', 'b', new LuaTable(0, 0), undefined, true];
  for (let k = 0; k < 16; k++) {
    for (const x of vals) for (const y of vals) { FX.lt(x, y); FX.le(x, y); }
  }
}

/** JS `X % Y` of two integers (Y not 0): V8's own remainder when both are int32 (an integer instruction: the
 * operands' feedback is small integers), else FX.fmod, which avoids V8's call into C for larger values. */
function intRem(X: string, Y: string): string {
  const y32 = /^-?\d+$/.test(Y) && (Number(Y) | 0) === Number(Y) ? '' : ` && (${Y} | 0) === ${Y}`;
  return `((${X} | 0) === ${X}${y32} ? ${X} % ${Y} : FX.fmod(${X}, ${Y}))`;
}

/** Helpers of typed code (the `FX` parameter of generated functions). */
const FX = {
  NOFAST,
  /** Natives whose fast entries keep the fast contract (inlineIter). */
  FN: FastNative,
  SEC: SECOND,
  IT: ITERATORS,
  /** The entry of an inline `next` step (inlineIter), read at once. */
  NXO: [undefined, undefined] as LuaValue[],
  k: FK,
  pow: cpow,
  /** A call site's record (codegen call(); runtime.ts callAt fills it), and a generator variant's */
  site: (): object => ({ p: null, j: null, n: null, q: null, o: false, t: null, m: null }),
  genSite: (): object => ({ p: null, j: null, n: null, q: null, o: false, t: null, m: null, k: null }),
  /** The b2 value of a double (cold paths: deopts, spills; hot ones box inline, see Gen.boxTo) */
  bx(d: number): LuaValue {
    return Math.floor(d) === d ? new LFloat(d) : d;
  },
  /** JS `%` without V8's call into C for non-int32 operands (number.ts) */
  fmod,
  /** Comparisons called from the common path of generated code (see the comment above order()) */
  lt: (x: LuaValue, y: LuaValue): number => typeof x === 'number' && typeof y === 'number' ? (x < y ? 1 : 0) : order(x, y, false),
  le: (x: LuaValue, y: LuaValue): number => typeof x === 'number' && typeof y === 'number' ? (x <= y ? 1 : 0) : order(x, y, true),
  /** A string's length (LEN): one load site for all generated code, whose feedback soon holds every string
   * representation V8 gives Lua strings (an inline `x.length` deoptimised decodeValue of bench/json.lua with
   * "wrong map" when a one-character internalised string first came) */
  sl: (s: string): number => s.length,
  /** The limit of an integer numeric for (integer start and step) when it is a float: floor(y) for a positive
   * step, ceil(y) for a negative one, as PUC's forlimit; +-inf stay (the loop then skips or runs beyond the
   * safe range, which the caller's guards handle); y itself (so the caller deopts) for anything else. */
  forLimit(y: LuaValue, n: LuaValue): LuaValue {
    const f = y instanceof LFloat ? y.n : y;
    if (typeof f !== 'number' || typeof n !== 'number' || n === 0) return y;
    const l = n > 0 ? Math.floor(f) : Math.ceil(f);
    return l === l ? l + 0 : y; // (+0: a limit of -0.5 gives the integer 0, never -0)
  },
  /** 64-bit integer helpers (int64.ts) */
  I: I64H,
  /** An integer result left the safe range: compilations of the proto from now on (a generator variant) do
   * not speculate integers. The running compiled function stays installed (runtime.ts never replaces one)
   * and keeps deoptimising at such overflows, which is exact. */
  ovf(cl: LuaClosure): void {
    cl.p.tierData.jitNoInt = true;
  },
  /** The deopt exit of a frameless leaf (Gen.frameless): builds the frame record and stack window its
   * prologue left out (as a framed prologue would: `tail` is the tail flag taken at entry), stores the
   * registers `regs` (r0 .. maxstacksize - 1) there and lets the interpreter continue at `dpc`. */
  leafDeopt(rt: JitRuntime, cl: LuaClosure, tail: boolean, dpc: number, ...regs: LuaValue[]): LuaValue {
    const th = rt.L.cur;
    const n = cl.p.maxstacksize;
    const B = th.top + 1;
    if (B + n + 8 > th.stack.length) th.grow(B + n + 8);
    const S = th.stack;
    th.top = B + n;
    const ci = th.cis[++th.ciIdx] ?? th.newCI();
    ci.func = B - 1; ci.base = B; ci.top = B + n; ci.closure = cl; ci.fn = undefined;
    ci.flags = 0; ci.kind = 0; ci.tail = tail; ci.leq = false;
    for (let r = 0; r < n; r++) S[B + r] = regs[r];
    return rt.deopt(ci, dpc);
  },
  /** A float-speculated table load saw something else: the proto is compiled again without that speculation
   * and the running version's prologue (and the first version's) forwards every later call there. */
  respec(sp: Respec): void {
    if (sp.fn !== null || sp.p.tierData.jitNoFltLoad === true) return;
    sp.p.tierData.jitNoFltLoad = true;
    const fn = recompile(sp, undefined);
    sp.fn = fn;
    if (sp.up !== null) sp.up.fn = fn;
    install(sp, fn);
  },
  /** At the entry of a first version with candidate loads (while `watch`): from the second call on, the
   * loads that gave only floats during the previous call get a version speculating on them, which this and
   * later calls run (true), once no load gave other values in that call or after CHECK_CALLS calls. Gives up
   * after CHECK_CALLS calls without one. */
  check(sp: Respec): boolean {
    if (++sp.calls >= 2) {
      const ok = sp.pcs.filter((_, k) => sp.fb[k] === 1);
      // loads that also gave other values (an integer 0 before the first float update) get more calls to
      // show whether they settle on floats, unless CHECK_CALLS calls have passed
      const waiting = sp.fb.some((t) => t > 1) && sp.calls < CHECK_CALLS;
      if (ok.length > 0 && !waiting) {
        sp.watch = false;
        sp.fn = recompile(sp, new Set(ok));
        install(sp, sp.fn);
        return sp.fn !== null;
      }
    }
    sp.fb.fill(0);
    if (sp.calls >= CHECK_CALLS) sp.watch = false;
    return false;
  },
  badLocal(): never {
    throw new LuaError('debug.setlocal changed the type of a local of a compiled function (unsupported)');
  },
};

/** Versions of a compiled function (floatLoads): `fn` is where its calls go instead (null: run it); a first
 * version records the types its candidate loads (`pcs`) gave in `fb`, checked at entry while `watch`; a
 * speculating one knows the first version's record (`up`), which forwards to its replacement too. */
interface Respec {
  fn: Compiled | null; readonly rt: JitRuntime; readonly p: Proto; readonly pcs: number[]; readonly fb: Uint8Array;
  calls: number; watch: boolean; readonly up: Respec | null;
  /** The version this record belongs to. */
  self: Compiled | null;
}
/** Calls of a first version after which it stops looking for float-only loads. */
const CHECK_CALLS = 8;

/** Makes `fn` the proto's compiled function for call sites filled from now on (those holding the version of
 * `sp` keep reaching fn through its forwarding prologue). */
function install(sp: Respec, fn: Compiled | null): void {
  const d = sp.p.tierData.jit as { fn: Compiled | null | undefined } | undefined;
  if (fn !== null && d !== undefined && (d.fn === sp.self || (sp.up !== null && d.fn === sp.up.self))) {
    d.fn = fn;
    setDirect(sp.p, fn);
  }
}

/** Another version of sp's proto: speculating on the loads `spec`, or on none (undefined, after a failure). */
function recompile(sp: Respec, spec: ReadonlySet<number> | undefined): Compiled | null {
  let fn: Compiled | null = null;
  try {
    fn = compileProto(sp.p, sp.rt, false, spec, sp);
  } catch {
    fn = null;
  }
  if (sp.rt.opts.trace) sp.rt.opts.trace(`jit: recompiled ${spec ? 'with' : 'without'} float loads ${sp.p.source}:${sp.p.linedefined}`);
  return fn;
}

/** Runs the prologue's exit to the interpreter (rt.viaInterp, taken past the JS stack budget), with
 * nothing behind it (rt.warming), so that V8 has feedback for it when it optimises the function. Without,
 * the first deep call after the optimisation deoptimises it, and a function whose body is a loop (a self
 * tail call, selfTail) then keeps entering V8's on-stack-replacement code of that loop from unoptimised
 * frames, which starves V8's tier-up counter: measured on ackermann, 2.0 s runs became 8-9 s runs. */
function warmExit(rt: JitRuntime, fn: Compiled, p: Proto, src: string): void {
  const su = rt.su;
  const args: LuaValue[] = new Array(p.numparams).fill(0);
  rt.su = Infinity;
  rt.warming = true;
  try {
    // V8 allocates a function's feedback vector lazily, once its calls have run 8x its bytecode length
    // (--interrupt-budget-factor-for-feedback-allocation), counted at each return by the return's offset:
    // the exit returns ~140 bytes in, the bytecode is ~0.6 bytes per source character (ackermann: 4254
    // characters, 2621 bytes, 151 calls needed, measured: 64 were not enough, 200 were)
    const calls = Math.min(4000, 16 + Math.ceil((src.length * 6) / 100));
    for (let k = 0; k < calls; k++) fn(undefined as unknown as LuaClosure, ...args);
  } finally {
    rt.warming = false;
    rt.su = su;
  }
}

/** Compiles `p` to a JS function, or returns null when its flow is irreducible (it stays interpreted). */
export function compileProto(p: Proto, rt: JitRuntime, gen = false, spec?: ReadonlySet<number>, up: Respec | null = null): Compiled | null {
  if (!rt.dbg && namesLocals(p)) rt.dbg = true;
  warmCompares();
  const g = new Gen(p, gen ? 0 : rt.suLimit, rt.L.budget !== undefined, gen, !rt.dbg, spec);
  const src = g.generate();
  if (src === null) return null;
  if (rt.opts.onCompile) rt.opts.onCompile(p, src);
  const factory = new Function('rt', 'L', 'LuaTable', 'LuaClosure', 'LuaFunction', 'LFloat', 'K', 'P', 'DEOPT', 'newTbc', 'gcStep', 'GA', 'G', 'FX', 'SP', src);
  const sp: Respec = { fn: null, rt, p, pcs: g.fbPcs, fb: new Uint8Array(g.fbPcs.length), calls: 0, watch: g.fbPcs.length > 0, up, self: null };
  const fn = factory(rt, rt.L, LuaTable, LuaClosure, LuaFunction, LFloat, p.k, p.p, DEOPT, newTbc, gcStep, genericArray, rt.G, FX, sp) as Compiled;
  sp.self = fn;
  if (g.warm) warmExit(rt, fn, p, src);
  return fn;
}

/** A proto's resume variant at the CALL at `pc` (runtime.ts resumeFrames; Gen.wrapResume), or null when that
 * call cannot be resumed compiled (vararg or to-be-closed frames, execution budget, irreducible flow). Without
 * float-speculated loads (no feedback records of its own: it runs once per frame it resumes). */
export function compileResume(p: Proto, rt: JitRuntime, pc: number): Resumed | null {
  warmCompares();
  const g = new Gen(p, rt.suLimit, rt.L.budget !== undefined, false, !rt.dbg, new Set<number>(), pc);
  const src = g.generate();
  if (src === null) return null;
  if (rt.opts.onCompile) rt.opts.onCompile(p, src);
  const factory = new Function('rt', 'L', 'LuaTable', 'LuaClosure', 'LuaFunction', 'LFloat', 'K', 'P', 'DEOPT', 'newTbc', 'gcStep', 'GA', 'G', 'FX', 'SP', src);
  const sp: Respec = { fn: null, rt, p, pcs: [], fb: new Uint8Array(0), calls: 0, watch: false, up: null, self: null };
  const fn = factory(rt, rt.L, LuaTable, LuaClosure, LuaFunction, LFloat, p.k, p.p, DEOPT, newTbc, gcStep, genericArray, rt.G, FX, sp) as Resumed;
  // a variant may run once, a long loop after its call: its feedback vector must exist (see warmExit; its
  // exit past the budget returns DEOPT at once)
  warmExit(rt, fn as unknown as Compiled, p, src);
  return fn;
}

export { OP_NAMES };
export type { LuaValue };
