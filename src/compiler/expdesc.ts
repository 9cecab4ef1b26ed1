/*
 * Expression descriptors: what the code generator knows about an expression that is not (yet) fully
 * materialised in a register. A descriptor is an immutable value of a discriminated union; every operation
 * of the function state returns a new descriptor instead of mutating one, so a stale descriptor can never be
 * used by mistake.
 *
 * Invariants:
 *  - `tj`/`fj` are the heads of the "exit when true"/"exit when false" jump lists (NO_JUMP when empty); they
 *    are linked through the sJ fields of the JMP instructions themselves.
 *  - 'reloc', 'call', 'vararg' and 'jmp' hold the pc of the instruction that produces the value (or of the
 *    jump); 'reloc' instructions still have A to be filled in.
 *  - 'kint' holds a canonical Lua integer (JS number in the safe range, else bigint); 'kflt' a raw JS double
 *    (integral values included: the descriptor itself says "float").
 */

export const NO_JUMP = -1;

interface Jumps {
  /** Patch list of "exit when true". */
  readonly tj: number;
  /** Patch list of "exit when false". */
  readonly fj: number;
}

export type ExpDesc = Jumps & (
  /** No value (empty expression list), or the constants nil/true/false. */
  | { readonly k: 'void' | 'nil' | 'true' | 'false' }
  | { readonly k: 'kint'; readonly ival: number | bigint }
  | { readonly k: 'kflt'; readonly nval: number }
  /** A string literal not yet in the constant table. */
  | { readonly k: 'kstr'; readonly sval: string }
  /**
   * k: constant index; nonreloc: value in fixed register `info`; upval: upvalue index; const: compile-time
   * constant, `info` = absolute index in the session's variable stack; jmp: pc of a conditional jump;
   * reloc/call/vararg: pc of the producing instruction.
   */
  | { readonly k: 'k' | 'nonreloc' | 'upval' | 'const' | 'jmp' | 'reloc' | 'call' | 'vararg'; readonly info: number }
  /** A local variable in register `ridx`; `vidx` is its index among the function's active variables. */
  | { readonly k: 'local'; readonly ridx: number; readonly vidx: number }
  /**
   * Indexed access: indexed = R[table][R[key]]; indexup = Upval[table][K[key]]; indexi = R[table][key]
   * (small integer); indexstr = R[table][K[key]] (short string constant).
   */
  | { readonly k: 'indexed' | 'indexup' | 'indexi' | 'indexstr'; readonly table: number; readonly key: number }
);

export type ExpKind = ExpDesc['k'];
export type InfoKind = 'k' | 'nonreloc' | 'upval' | 'const' | 'jmp' | 'reloc' | 'call' | 'vararg';
export type IndexKind = 'indexed' | 'indexup' | 'indexi' | 'indexstr';

export const VOID: ExpDesc = { k: 'void', tj: NO_JUMP, fj: NO_JUMP };

export function mkInfo(k: InfoKind, info: number, tj = NO_JUMP, fj = NO_JUMP): ExpDesc {
  return { k, info, tj, fj };
}

export function mkSimple(k: 'void' | 'nil' | 'true' | 'false', tj = NO_JUMP, fj = NO_JUMP): ExpDesc {
  return { k, tj, fj };
}

export function mkInt(ival: number | bigint): ExpDesc {
  return { k: 'kint', ival, tj: NO_JUMP, fj: NO_JUMP };
}

export function mkFlt(nval: number): ExpDesc {
  return { k: 'kflt', nval, tj: NO_JUMP, fj: NO_JUMP };
}

export function mkStr(sval: string): ExpDesc {
  return { k: 'kstr', sval, tj: NO_JUMP, fj: NO_JUMP };
}

export function mkIndex(k: IndexKind, table: number, key: number): ExpDesc {
  return { k, table, key, tj: NO_JUMP, fj: NO_JUMP };
}

export function mkLocal(ridx: number, vidx: number): ExpDesc {
  return { k: 'local', ridx, vidx, tj: NO_JUMP, fj: NO_JUMP };
}

/** The same descriptor with other jump lists. */
export function withJumps(e: ExpDesc, tj: number, fj: number): ExpDesc {
  return { ...e, tj, fj };
}

export function hasJumps(e: ExpDesc): boolean {
  return e.tj !== e.fj;
}

/** Call or vararg: an expression that can produce several values. */
export function hasMultRet(e: ExpDesc): boolean {
  return e.k === 'call' || e.k === 'vararg';
}

/** A numeric literal without pending jumps (candidate for folding and immediate operands). */
export function isNumeral(e: ExpDesc): boolean {
  return (e.k === 'kint' || e.k === 'kflt') && !hasJumps(e);
}

export function isVar(e: ExpDesc): boolean {
  return e.k === 'local' || e.k === 'upval' || e.k === 'const' || isIndexed(e);
}

export function isIndexed(e: ExpDesc): boolean {
  return e.k === 'indexed' || e.k === 'indexup' || e.k === 'indexi' || e.k === 'indexstr';
}
