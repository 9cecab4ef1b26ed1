/*
 * The typed syntax tree of a Lua 5.4 chunk. The parser builds it; the compiler (resolver + code generator),
 * the tree-walking tier and the dumper consume it with exhaustive switches over `kind`.
 *
 * Every node carries `line`: the source line PUC-Lua would attribute the corresponding instructions to, so
 * that runtime errors name the same line in every tier (for a binary operator, the operator's line; for a
 * call or method call, the line where its whole suffixed expression starts, e.g. the line of `a` in
 * `a.b\n(c)`; for an index `a.b`/`a[b]`, the line of the `.`/`[`; for other nodes, their first token's).
 * "The line of a token" is always where PUC's scanner stands after reading it: the line where the token
 * ends (a multi-line string's last line), or the line of the token after it when PUC has looked ahead.
 *
 * PUC-Lua emits each instruction on the line of the last token read so far, and some of those tokens are
 * not nodes: closing brackets, `then`, `do`, the `...` of a parameter list, the token before `{`/`...`.
 * The nodes where that matters carry those lines as well (`endLine`, `nameLine`, `prevLine`, `varargLine`,
 * `commaLines`, Block `openLine`/`tailLine`...), so that the compiler can place every instruction exactly
 * where luac5.4 does — which decides the line of runtime errors such as `print(\n  t.missing.field\n)`
 * (line 3).
 * Numbers are stored as canonical Lua values (runtime/value.ts): integers as JS numbers or bigints, floats as
 * non-integral numbers or LFloat boxes. Strings are byte strings (char codes 0..255).
 */
import type { LFloat } from '../runtime/value.js';

export type NumberValue = number | bigint | LFloat;

/**
 * Lines of the `,` separators of an expression list, for comma-first code only: undefined when every `,`
 * is on the line where the expression before it ends, else `commaLines[i]` is the line of the `,` after
 * expression i when that differs (other entries are unset). PUC moves expression i to its register once
 * that `,` is read, e.g. `f(t.x.y\n  , z)` reads field y on the line of the `,`.
 */
export type CommaLines = number[] | undefined;

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '//' | '%' | '^' | '..'
  | '==' | '~=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or'
  | '&' | '|' | '~' | '<<' | '>>';

export type UnaryOp = '-' | 'not' | '#' | '~';

// ---------------------------------------------------------------- expressions

export interface NilExpr { kind: 'Nil'; line: number }
export interface TrueExpr { kind: 'True'; line: number }
export interface FalseExpr { kind: 'False'; line: number }
/** `...`; `prevLine` is the line of the token before it (PUC emits VARARG before reading `...`). */
export interface VarargExpr { kind: 'Vararg'; line: number; prevLine: number }
export interface NumberExpr { kind: 'Number'; value: NumberValue; line: number }
export interface StringExpr { kind: 'String'; value: string; line: number }
/** A variable reference. The resolver decides whether it is a local, an upvalue or a global (_ENV.name). */
export interface NameExpr { kind: 'Name'; name: string; line: number }
/**
 * `obj[key]`; `obj.name` is an IndexExpr whose key is a StringExpr. `endLine` is the line of its last token
 * (`]`, or the name): PUC resolves the key (e.g. loads a non-constant key into a register) once it is read.
 */
export interface IndexExpr { kind: 'Index'; obj: Expr; key: Expr; line: number; endLine: number }
/**
 * `fn(args)`, `fn{...}` or `fn"str"`. `line` is where the whole suffixed expression starts (PUC fixes the
 * CALL there); `endLine` is the line of the call's last token: the `)`, the table argument's `}` or the
 * string argument. PUC loads the last argument once that token is read, so e.g. the GETFIELD of
 * `f(\n  t.x.y\n)` is on the line of `)`.
 */
export interface CallExpr {
  kind: 'Call'; fn: Expr; args: Expr[]; commaLines: CommaLines; line: number; endLine: number;
}
/**
 * `obj:name(args)`. `line` and `endLine` as for CallExpr; `nameLine` is the line of `name`, where PUC
 * emits SELF (and loads `obj`), which differs from `line` in multi-line chains `x\n  :a()\n  :b()`.
 */
export interface MethodCallExpr {
  kind: 'MethodCall'; obj: Expr; name: string; args: Expr[]; commaLines: CommaLines;
  line: number; nameLine: number; endLine: number;
}
export interface FunctionExpr {
  kind: 'Function';
  params: string[];
  isVararg: boolean;
  /** Line of the `...` ending the parameter list (PUC's VARARGPREP line); 0 when not vararg. */
  varargLine: number;
  /** True for `function a.b:c() end`: an implicit first parameter `self` is in params[0]. */
  isMethod: boolean;
  /** The body; its `openLine` is the line of the `)` closing the parameter list. */
  body: Block;
  /**
   * linedefined, as PUC chooses it: for a function statement (`function a.b() end`) the line of the
   * `function` keyword; for an anonymous or local function the line of the token after `function` or after
   * the name, usually the `(`. `lastLine` is the line of the closing `end` (lastlinedefined), where PUC
   * emits CLOSURE and the final RETURN.
   */
  line: number;
  lastLine: number;
}
/**
 * A constructor field. `line` is the line of its first token (for a name, that of the token after it, which
 * PUC has looked ahead to). For `[key] = value`, `eqLine` is the line of `=`, where PUC moves a key that
 * needs a register into one.
 */
export type TableField =
  | { kind: 'Positional'; value: Expr; line: number }
  | { kind: 'Named'; name: string; value: Expr; line: number }
  | { kind: 'Keyed'; key: Expr; value: Expr; line: number; eqLine: number };
/**
 * `{ fields }`. `line` is the line of `{`; `prevLine` is the line of the token before `{` (PUC emits
 * NEWTABLE before reading `{`, e.g. on the line of `=` in `local t =\n{}`); `endLine` is the line of `}`,
 * where PUC stores the pending list items (SETLIST) and loads the last one. `sepLines` is like CommaLines
 * for the `,`/`;` after each field: PUC moves a list item to its register (and flushes every 50 items)
 * once the separator after it is read.
 */
export interface TableExpr {
  kind: 'Table'; fields: TableField[]; sepLines: CommaLines; line: number; prevLine: number; endLine: number;
}
export interface BinaryExpr { kind: 'Binary'; op: BinaryOp; left: Expr; right: Expr; line: number }
export interface UnaryExpr { kind: 'Unary'; op: UnaryOp; operand: Expr; line: number }
/** `(expr)`: truncates a multi-value expression to one value, once `)` (line `endLine`) is read. */
export interface ParenExpr { kind: 'Paren'; expr: Expr; line: number; endLine: number }

export type Expr =
  | NilExpr | TrueExpr | FalseExpr | VarargExpr | NumberExpr | StringExpr
  | NameExpr | IndexExpr | CallExpr | MethodCallExpr | FunctionExpr | TableExpr
  | BinaryExpr | UnaryExpr | ParenExpr;

/** Expressions that may stand on the left of `=`. */
export type AssignTarget = NameExpr | IndexExpr;

// ---------------------------------------------------------------- statements

export type Attrib = 'const' | 'close' | undefined;

export interface LocalStat {
  kind: 'Local';
  /** `line`: the name's line. */
  names: { name: string; attrib: Attrib; line: number }[];
  exprs: Expr[];
  commaLines: CommaLines;
  line: number;
  /** Line of the statement's last token (a name or `>` when there is no `=`: where PUC emits LOADNIL). */
  endLine: number;
}
export interface AssignStat {
  kind: 'Assign'; targets: AssignTarget[]; exprs: Expr[]; commaLines: CommaLines; line: number;
}
export interface CallStat { kind: 'CallStat'; call: CallExpr | MethodCallExpr; line: number }
export interface DoStat { kind: 'Do'; body: Block; line: number }
export interface WhileStat { kind: 'While'; cond: Expr; body: Block; line: number }
export interface RepeatStat { kind: 'Repeat'; body: Block; cond: Expr; line: number }
export interface IfClause { cond: Expr; body: Block; line: number; breakFirst: boolean }
export interface IfStat {
  kind: 'If';
  /**
   * `if c then b`, then each `elseif c then b`, in order. `breakFirst`: `break` comes right after `then`
   * (no `;` between), in which case PUC jumps out of the loop straight from the condition.
   */
  clauses: IfClause[];
  orelse: Block | undefined;
  line: number;
}
export interface NumericForStat {
  kind: 'NumericFor';
  var: string;
  start: Expr;
  limit: Expr;
  step: Expr | undefined;
  body: Block;
  line: number;
}
/**
 * `for names in exprs do body end`. `loopLine` is the line of the first token after `in`, where PUC puts
 * TFORCALL and TFORLOOP (not always the first line of exprs[0]: `in function\n(...)` is on the line of
 * `function`).
 */
export interface GenericForStat {
  kind: 'GenericFor'; names: string[]; exprs: Expr[]; commaLines: CommaLines; body: Block; line: number;
  loopLine: number;
}
/**
 * `function a.b.c:m() end`: path = ['a','b','c'], method = 'm' (func.isMethod is then true). `nameLines`
 * holds the line of each name of the path, then of the method name if any (PUC resolves each name as it
 * reads it).
 */
export interface FunctionStat {
  kind: 'FunctionStat'; path: string[]; method: string | undefined; nameLines: number[]; func: FunctionExpr;
  line: number;
}
export interface LocalFunctionStat { kind: 'LocalFunction'; name: string; func: FunctionExpr; line: number }
export interface ReturnStat { kind: 'Return'; exprs: Expr[]; commaLines: CommaLines; line: number }
/**
 * `break`; `endLine` is the line of the last of the `;` right after it, or of `break` (in `if c then break;
 * ... end` PUC emits the jump over the rest of the block after those `;`).
 */
export interface BreakStat { kind: 'Break'; line: number; endLine: number }
/** `goto label`; `line` is the line of the label's name. */
export interface GotoStat { kind: 'Goto'; label: string; line: number }
/**
 * `::name::`; `endLine` is the line of the last token PUC reads before defining the label (and emitting a
 * CLOSE for the gotos it resolves): the closing `::` or the last of the `;` and labels that follow it.
 */
export interface LabelStat { kind: 'Label'; name: string; line: number; endLine: number }

export type Stat =
  | LocalStat | AssignStat | CallStat | DoStat | WhileStat | RepeatStat | IfStat
  | NumericForStat | GenericForStat | FunctionStat | LocalFunctionStat
  | ReturnStat | BreakStat | GotoStat | LabelStat;

export interface Block {
  stats: Stat[];
  /** Line of the first token of the block (or of the token ending an empty block). */
  line: number;
  /**
   * Line of the token just before the block: `then`, `do`, `else`, `repeat`, the `)` of a parameter list;
   * 1 for a chunk. PUC emits there what comes right before the block: a condition's TEST/JMP, FORPREP or
   * TFORPREP.
   */
  openLine: number;
  /**
   * Line of the block's last token (a trailing `;` included), or openLine for an empty block: where PUC
   * emits what ends the block (CLOSE, the jump over an `else`, a loop's jump back).
   */
  tailLine: number;
  /** Line of the token that ends the block (`end`, `else`, `until`, <eof>...). */
  endLine: number;
}

/** A whole chunk: the body of the main function (vararg, one upvalue _ENV). */
export interface Chunk {
  body: Block;
  /** Chunk name as given to load. */
  source: string;
  /** Last line of the source (the main function's lastlinedefined is 0 in PUC; kept for tools). */
  lastLine: number;
}

export function assertNever(x: never): never {
  throw new Error('unexpected node: ' + JSON.stringify(x));
}
