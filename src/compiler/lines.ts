/*
 * Source positions the code generator needs beyond each node's own `line`: the line of the first and of the
 * last token of an expression or statement, and the text PUC-Lua shows after "near" for the first token of
 * a statement. PUC-Lua attributes each instruction to the last token read when it is emitted; the tree
 * records the lines of closing tokens (`endLine` on calls, indexes, tables and parentheses), so the last
 * token of any expression is known exactly.
 */
import type { Expr, Stat, Block } from '../syntax/ast.js';

/** Line of the first token of `e` (where a suffixed expression starts: PUC's line for CALL instructions). */
export function firstLine(e: Expr): number {
  for (;;) {
    switch (e.kind) {
      case 'Binary': e = e.left; break;
      case 'Index': e = e.obj; break;
      case 'Call': e = e.fn; break;
      case 'MethodCall': e = e.obj; break;
      default: return e.line;
    }
  }
}

/** Line of the last token of `e`. Iterative: operator chains can be very deep on the right. */
export function lastLine(e: Expr): number {
  for (;;) {
    switch (e.kind) {
      case 'Binary': e = e.right; break;
      case 'Unary': e = e.operand; break;
      case 'Function': return e.lastLine;
      case 'Index': case 'Call': case 'MethodCall': case 'Table': case 'Paren': return e.endLine;
      default: return e.line;
    }
  }
}

/** Line of the last token of statement `s`. */
export function lastStatLine(s: Stat): number {
  switch (s.kind) {
    case 'Local':
      return s.exprs.length ? lastLine(s.exprs[s.exprs.length - 1]) : s.names[s.names.length - 1].line;
    case 'Assign':
      return lastLine(s.exprs[s.exprs.length - 1]);
    case 'CallStat':
      return lastLine(s.call);
    case 'Do': case 'While': case 'NumericFor': case 'GenericFor':
      return s.body.endLine;
    case 'Repeat':
      return lastLine(s.cond);
    case 'If':
      return s.orelse ? s.orelse.endLine : s.clauses[s.clauses.length - 1].body.endLine;
    case 'FunctionStat': case 'LocalFunction':
      return s.func.lastLine;
    case 'Return':
      return s.exprs.length ? lastLine(s.exprs[s.exprs.length - 1]) : s.line;
    default:
      return s.line;
  }
}

/** Line of the last token of a block's statements, or `fallback` for an empty block. */
export function lastBlockLine(b: Block, fallback: number): number {
  return b.stats.length ? lastStatLine(b.stats[b.stats.length - 1]) : fallback;
}

/** How PUC-Lua's error messages show the first token of statement `s`. */
export function statToken(s: Stat): string {
  switch (s.kind) {
    case 'Local': case 'LocalFunction': return "'local'";
    case 'Do': return "'do'";
    case 'While': return "'while'";
    case 'Repeat': return "'repeat'";
    case 'If': return "'if'";
    case 'NumericFor': case 'GenericFor': return "'for'";
    case 'FunctionStat': return "'function'";
    case 'Return': return "'return'";
    case 'Break': return "'break'";
    case 'Goto': return "'goto'";
    case 'Label': return "'::'";
    case 'Assign': return exprToken(s.targets[0]);
    case 'CallStat': return exprToken(s.call);
  }
}

/** How PUC-Lua's error messages show the first token of expression `e`. */
export function exprToken(e: Expr): string {
  for (;;) {
    switch (e.kind) {
      case 'Binary': e = e.left; break;
      case 'Index': e = e.obj; break;
      case 'Call': e = e.fn; break;
      case 'MethodCall': e = e.obj; break;
      case 'Name': return `'${e.name}'`;
      case 'Paren': return "'('";
      case 'Nil': return "'nil'";
      case 'True': return "'true'";
      case 'False': return "'false'";
      case 'Vararg': return "'...'";
      case 'Function': return "'function'";
      case 'Table': return "'{'";
      case 'Unary': return `'${e.op}'`;
      case 'String': return `'${e.value}'`;
      case 'Number': return `'${String(e.value)}'`;
    }
  }
}
