/*
 * Human-readable dumps for `moonrise --dump tokens|ast`.
 *
 * dumpTokens: one token per line, "line  class  text" (strings shown decoded and escaped, so that one token
 * is always one line). dumpAst: an indented tree, one node per line, "Kind details @line", with list
 * children grouped under labels such as "args:". Both formats are stable (tests and tools diff them).
 * The tree walk uses an explicit stack: left-associative chains like 1+1+...+1 give very deep trees.
 */
import type { Block, Chunk, Expr, NumberValue, Stat, TableField } from './ast.js';
import { LFloat } from '../runtime/value.js';
import { Tok, tokenClass, type Token } from './tokens.js';

export function dumpTokens(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    const text = t.kind === Tok.String ? quoteString(t.value as string) : t.text;
    out += `${String(t.line).padStart(4)}  ${tokenClass(t.kind).padEnd(7)}  ${text}\n`;
  }
  return out;
}

/** A byte string as a double-quoted literal with escapes for quotes, backslashes and non-printable bytes. */
export function quoteString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c >= 0x20 && c < 0x7f) out += s[i];
    else out += '\\' + String(c).padStart(3, '0');
  }
  return out + '"';
}

export function formatNumber(v: NumberValue): string {
  if (typeof v === 'bigint') return `${v} int`;
  if (v instanceof LFloat) {
    const n = v.n;
    if (n === Infinity) return 'inf float';
    if (n === -Infinity) return '-inf float';
    if (Object.is(n, -0)) return '-0.0 float';
    return (Number.isSafeInteger(n) ? `${n}.0` : String(n)) + ' float';
  }
  return Number.isInteger(v) ? `${v} int` : `${v} float`;
}

type Node = Chunk | Block | Stat | Expr | TableField;
/** What the walker prints: a node, or a label line grouping the items that follow it. */
type Item = { node: Node; label?: string } | { group: string; items: Item[] };

/** Deeper nodes are indented like this depth and show their true depth, so output stays linear in size. */
const MAX_INDENT = 100;

export function dumpAst(chunk: Chunk): string {
  const lines: string[] = [];
  const stack: { item: Item; depth: number }[] = [{ item: { node: chunk }, depth: 0 }];
  while (stack.length > 0) {
    const { item, depth } = stack.pop()!;
    const indent = depth <= MAX_INDENT ? '  '.repeat(depth) : `${'  '.repeat(MAX_INDENT)}[${depth}] `;
    let kids: Item[];
    if ('group' in item) {
      lines.push(`${indent}${item.group}:`);
      kids = item.items;
    } else {
      const [head, children] = describe(item.node);
      lines.push(indent + (item.label !== undefined ? `${item.label}: ` : '') + head);
      kids = children;
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ item: kids[i], depth: depth + 1 });
  }
  return lines.join('\n') + '\n';
}

function node(n: Node, label?: string): Item {
  return label === undefined ? { node: n } : { node: n, label };
}

function group(name: string, nodes: Node[]): Item[] {
  return nodes.length === 0 ? [] : [{ group: name, items: nodes.map((n) => node(n)) }];
}

/** The head line of a node and its children. */
function describe(n: Node): [string, Item[]] {
  if (!('kind' in n)) {
    if ('source' in n) return [`Chunk ${quoteString(n.source)} lastLine=${n.lastLine}`, [node(n.body)]];
    return [`Block @${n.line}-${n.endLine}`, n.stats.map((s) => node(s))];
  }
  const at = `@${n.line}`;
  switch (n.kind) {
    // ---- expressions
    case 'Nil': case 'True': case 'False': case 'Vararg':
      return [`${n.kind} ${at}`, []];
    case 'Number':
      return [`Number ${formatNumber(n.value)} ${at}`, []];
    case 'String':
      return [`String ${quoteString(n.value)} ${at}`, []];
    case 'Name':
      return [`Name ${n.name} ${at}`, []];
    case 'Index':
      return [`Index ${at}`, [node(n.obj), node(n.key)]];
    case 'Call':
      return [`Call ${at}`, [node(n.fn), ...group('args', n.args)]];
    case 'MethodCall':
      return [`MethodCall :${n.name} ${at}`, [node(n.obj), ...group('args', n.args)]];
    case 'Function': {
      const params = n.params.concat(n.isVararg ? ['...'] : []).join(', ');
      return [`Function (${params})${n.isMethod ? ' method' : ''} @${n.line}-${n.lastLine}`, [node(n.body)]];
    }
    case 'Table':
      return [`Table ${at}`, n.fields.map((f) => node(f))];
    case 'Positional':
      return [`Positional ${at}`, [node(n.value)]];
    case 'Named':
      return [`Named ${n.name} ${at}`, [node(n.value)]];
    case 'Keyed':
      return [`Keyed ${at}`, [node(n.key, 'key'), node(n.value, 'value')]];
    case 'Binary':
      return [`Binary ${n.op} ${at}`, [node(n.left), node(n.right)]];
    case 'Unary':
      return [`Unary ${n.op} ${at}`, [node(n.operand)]];
    case 'Paren':
      return [`Paren ${at}`, [node(n.expr)]];
    // ---- statements
    case 'Local': {
      const names = n.names.map((v) => `${v.name}${v.attrib ? ` <${v.attrib}>` : ''}@${v.line}`).join(', ');
      return [`Local ${names} ${at}`, group('exprs', n.exprs)];
    }
    case 'Assign':
      return [`Assign ${at}`, [...group('targets', n.targets), ...group('exprs', n.exprs)]];
    case 'CallStat':
      return [`CallStat ${at}`, [node(n.call)]];
    case 'Do':
      return [`Do ${at}`, [node(n.body)]];
    case 'While':
      return [`While ${at}`, [node(n.cond, 'cond'), node(n.body)]];
    case 'Repeat':
      return [`Repeat ${at}`, [node(n.body), node(n.cond, 'until')]];
    case 'If': {
      const kids: Item[] = [];
      n.clauses.forEach((c, i) => {
        kids.push({ group: `${i === 0 ? 'if' : 'elseif'} @${c.line}`, items: [node(c.cond, 'cond'), node(c.body)] });
      });
      if (n.orelse) kids.push({ group: 'else', items: [node(n.orelse)] });
      return [`If ${at}`, kids];
    }
    case 'NumericFor': {
      const kids = [node(n.start, 'start'), node(n.limit, 'limit')];
      if (n.step) kids.push(node(n.step, 'step'));
      kids.push(node(n.body));
      return [`NumericFor ${n.var} ${at}`, kids];
    }
    case 'GenericFor':
      return [`GenericFor ${n.names.join(', ')} ${at}`, [...group('exprs', n.exprs), node(n.body)]];
    case 'FunctionStat': {
      const name = n.path.join('.') + (n.method !== undefined ? ':' + n.method : '');
      return [`FunctionStat ${name} ${at}`, [node(n.func)]];
    }
    case 'LocalFunction':
      return [`LocalFunction ${n.name} ${at}`, [node(n.func)]];
    case 'Return':
      return [`Return ${at}`, group('exprs', n.exprs)];
    case 'Break':
      return [`Break ${at}`, []];
    case 'Goto':
      return [`Goto ${n.label} ${at}`, []];
    case 'Label':
      return [`Label ${n.name} ${at}`, []];
  }
}
