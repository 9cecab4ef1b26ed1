/*
 * Token kinds of the Lua 5.4 lexer and their display forms.
 *
 * Invariants: a single-byte token (`+`, `(`, or any stray byte such as 0x00 or 0xC3) is its own byte value
 * 0..255; every multi-character token, reserved word and token class is >= 256. Reserved words come first and
 * in alphabetical order, followed by the multi-character symbols, then <eof>, then the classes that carry a
 * value. `TOKEN_TEXT` is indexed by `kind - FIRST_RESERVED`.
 */
import type { NumberValue } from './ast.js';

export const FIRST_RESERVED = 256;

export const enum Tok {
  And = 256, Break, Do, Else, Elseif, End, False, For, Function, Goto, If, In, Local, Nil, Not, Or, Repeat,
  Return, Then, True, Until, While,
  // multi-character symbols
  IDiv, Concat, Dots, Eq, Ge, Le, Ne, Shl, Shr, DbColon,
  Eos,
  // token classes carrying a value
  Flt, Int, Name, String,
}

/** Source text of reserved words and symbols; `<...>` placeholders for the token classes. */
export const TOKEN_TEXT: readonly string[] = [
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in', 'local',
  'nil', 'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while',
  '//', '..', '...', '==', '>=', '<=', '~=', '<<', '>>', '::',
  '<eof>',
  '<number>', '<integer>', '<name>', '<string>',
];

/** Reserved word -> token kind. */
export const RESERVED: ReadonlyMap<string, number> = new Map(
  TOKEN_TEXT.slice(0, Tok.While - FIRST_RESERVED + 1).map((w, i) => [w, FIRST_RESERVED + i] as [string, number]),
);

/** Whether a byte is printable ASCII (Lua's own ctype table: 0x20..0x7E). */
function isPrintable(c: number): boolean {
  return c >= 0x20 && c < 0x7f;
}

/**
 * How a token kind is named in messages such as "'=' expected" (luaX_token2str): single bytes and fixed
 * tokens quoted, unprintable bytes as '<\ddd>', <eof> and the token classes bare.
 */
export function tokenKindText(kind: number): string {
  if (kind < FIRST_RESERVED) {
    return isPrintable(kind) ? `'${String.fromCharCode(kind)}'` : `'<\\${kind}>'`;
  }
  const s = TOKEN_TEXT[kind - FIRST_RESERVED];
  return kind < Tok.Eos ? `'${s}'` : s;
}

/** One token as returned by `tokenize` (for dumps and tools; the parser reads the lexer's fields directly). */
export interface Token {
  kind: number;
  /** Line where the token starts. */
  line: number;
  /** Source-like text: the name, the numeral as written, the string with its delimiters, or the symbol. */
  text: string;
  /** Names and strings: the (decoded) string; numerals: the converted number. */
  value?: string | NumberValue;
}

/** Short class name of a token kind for dumps: name, string, integer, float, keyword, symbol or eof. */
export function tokenClass(kind: number): string {
  if (kind < FIRST_RESERVED) return 'symbol';
  if (kind <= Tok.While) return 'keyword';
  if (kind < Tok.Eos) return 'symbol';
  switch (kind) {
    case Tok.Eos: return 'eof';
    case Tok.Flt: return 'float';
    case Tok.Int: return 'integer';
    case Tok.Name: return 'name';
    default: return 'string';
  }
}
