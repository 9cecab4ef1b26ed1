/*
 * Source positions the code generator derives from the tree: the line of the first token of an expression,
 * and the text PUC-Lua shows after "near" for the first token of a statement or expression. (The lines of
 * last tokens, closing brackets and separators are recorded in the tree itself; see ast.ts.)
 */
import type { Expr, Stat } from '../syntax/ast.js';

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
