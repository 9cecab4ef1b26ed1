/*
 * Compile-session state shared by all functions of one chunk: the stack of declared variables, pending gotos
 * and active labels (each function and block owns a suffix of these stacks), the constant-index cache and the
 * error helper. Mirrors how PUC-Lua shares this state across nested functions, which decides details such as
 * when constants get duplicated between a function and its children (luac does the same).
 */
import type { LuaValue } from '../runtime/value.js';
import { LuaError } from '../runtime/errors.js';
import { chunkid } from '../syntax/chunkid.js';

/** Variable kinds, numbered as Lua 5.4 stores them in upvalue descriptors. */
export const enum VarKind {
  REG = 0,
  CONST = 1,
  CLOSE = 2,
  /** Compile-time constant: lives in no register, only in `value`. */
  CTC = 3,
}

export interface VarDesc {
  name: string;
  kind: VarKind;
  /** Register holding the variable (not for CTC). */
  ridx: number;
  /** Index in the proto's locvars (debug info). */
  pidx: number;
  /** Value of a compile-time constant. */
  value: LuaValue;
}

/** A label or a pending goto ('break' is a goto to the label "break"). */
export interface LabelDesc {
  name: string;
  /** Source line of the label/goto statement. */
  line: number;
  /** Label: its pc; goto: pc of its JMP. */
  pc: number;
  /** Number of active variables at that point. */
  nactvar: number;
  /** Goto: whether leaving some block requires closing upvalues. */
  close: boolean;
}

export class BlockScope {
  /** Whether some variable of this block is captured as an upvalue (or is to-be-closed). */
  upval = false;
  constructor(
    readonly previous: BlockScope | undefined,
    /** Active variables outside the block. */
    readonly nactvar: number,
    readonly firstLabel: number,
    readonly firstGoto: number,
    readonly isLoop: boolean,
    /** Inside the scope of a to-be-closed variable (no tail calls then). */
    public insideTbc: boolean,
  ) {}
}

/** Where an error is reported: the line and (for syntax errors) the token PUC-Lua would show after "near". */
export interface ErrorSite {
  line: number;
  near?: string;
}

export class Session {
  readonly actvar: VarDesc[] = [];
  readonly gotos: LabelDesc[] = [];
  readonly labels: LabelDesc[] = [];
  /** Constant caches shared by all functions, keyed by value (see FunctionState.addK); one per key type,
   * which keeps each Map monomorphic. */
  readonly kstrings = new Map<string, number>();
  readonly knumbers = new Map<number | bigint, number>();
  readonly kothers = new Map<unknown, number>();
  /** Cache key standing for nil (nil cannot be a Map key of its own kind here). */
  readonly nilKey = {};
  constructor(readonly source: string) {}

  /** Throws a compile error `chunk:line: msg [near tok]`. */
  error(msg: string, site: ErrorSite): never {
    const near = site.near !== undefined ? ` near ${site.near}` : '';
    throw new LuaError(`${chunkid(this.source)}:${site.line}: ${msg}${near}`);
  }
}
