// Unit tests of the syntax layer: lexer (every token kind, escapes, numerals, line endings), parser (tree
// shapes, operator priorities, attributed lines), PUC-exact syntax errors, chunk ids, dumps, robustness.
// The literal expectations below were produced by lua5.4 (5.4.4); when lua5.4 is installed, one more test
// compares a batch of snippets against it live.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from '../../src/syntax/parser.js';
import { tokenize, str2number, utf8Encode } from '../../src/syntax/lexer.js';
import { chunkid } from '../../src/syntax/chunkid.js';
import { dumpAst, dumpTokens } from '../../src/syntax/dump.js';
import { Tok, tokenClass } from '../../src/syntax/tokens.js';
import type { Expr, Stat, NumberValue, Chunk } from '../../src/syntax/ast.js';
import { LuaError } from '../../src/runtime/errors.js';
import { LFloat } from '../../src/runtime/value.js';

// ---------------------------------------------------------------- helpers

function errorOf(src: string, chunk = '=input'): string {
  try {
    parse(src, chunk);
  } catch (e) {
    assert.ok(e instanceof LuaError, `not a LuaError: ${e}`);
    return e.value as string;
  }
  return 'OK';
}

/** A number in a comparable form: "int:N" or "float:N" (with -0 kept). */
function num(v: NumberValue): string {
  if (typeof v === 'bigint') return `int:${v}`;
  if (v instanceof LFloat) return `float:${Object.is(v.n, -0) ? '-0' : v.n}`;
  return Number.isInteger(v) ? `int:${v}` : `float:${v}`;
}

function valueOf(numeral: string): string {
  const toks = tokenize(numeral, '=n');
  assert.equal(toks.length, 2, `one token for ${numeral}`);
  return num(toks[0].value as NumberValue);
}

function stringOf(literal: string): string {
  const toks = tokenize(literal, '=s');
  assert.equal(toks[0].kind, Tok.String);
  return toks[0].value as string;
}

/** Compact s-expression of an expression tree. */
function sx(e: Expr): string {
  switch (e.kind) {
    case 'Binary': return `(${e.op} ${sx(e.left)} ${sx(e.right)})`;
    case 'Unary': return `(${e.op} ${sx(e.operand)})`;
    case 'Name': return e.name;
    case 'Number': return num(e.value).replace(/^int:/, '');
    case 'String': return JSON.stringify(e.value);
    case 'Paren': return `(paren ${sx(e.expr)})`;
    case 'Index': return `(index ${sx(e.obj)} ${sx(e.key)})`;
    case 'Call': return `(call ${[e.fn, ...e.args].map(sx).join(' ')})`;
    case 'MethodCall': return `(method ${sx(e.obj)} ${e.name}${e.args.map((a) => ' ' + sx(a)).join('')})`;
    case 'Vararg': return '...';
    case 'Nil': return 'nil';
    case 'True': return 'true';
    case 'False': return 'false';
    case 'Function': return `(function ${e.params.join(' ')})`;
    case 'Table': return `(table ${e.fields.length})`;
  }
}

function exprOf(src: string): Expr {
  const st = parse('return ' + src, '=e').body.stats[0];
  assert.equal(st.kind, 'Return');
  return (st as Extract<Stat, { kind: 'Return' }>).exprs[0];
}

// ---------------------------------------------------------------- lexer

test('every token kind', () => {
  const src = 'and break do else elseif end false for function goto if in local nil not or repeat return then ' +
    'true until while // .. ... == >= <= ~= << >> :: + - * / % ^ # & ~ | < > = ( ) { } [ ] ; : , . ' +
    'name _x9 "str" \'s2\' [[long]] [==[l2]==] 42 4.5';
  const toks = tokenize(src, '=t');
  const texts = toks.map((t) => t.text);
  assert.deepEqual(texts.slice(0, 22), src.split(' ').slice(0, 22));
  assert.deepEqual(texts.slice(22, 32), ['//', '..', '...', '==', '>=', '<=', '~=', '<<', '>>', '::']);
  assert.deepEqual(texts.slice(32, 55), '+ - * / % ^ # & ~ | < > = ( ) { } [ ] ; : , .'.split(' '));
  assert.deepEqual(toks.slice(55).map((t) => tokenClass(t.kind)),
    ['name', 'name', 'string', 'string', 'string', 'string', 'integer', 'float', 'eof']);
  assert.deepEqual(toks.slice(55, 61).map((t) => t.value), ['name', '_x9', 'str', 's2', 'long', 'l2']);
  assert.equal(toks[toks.length - 1].kind, Tok.Eos);
  // single-byte tokens are their byte; stray bytes too
  assert.equal(tokenize('+', '=t')[0].kind, 0x2b);
  assert.equal(tokenize('\xc3', '=t')[0].kind, 0xc3);
  assert.equal(tokenize('@', '=t')[0].kind, 0x40);
});

test('comments and white space', () => {
  const toks = tokenize('a --c\n--[[x\ny]] b --[==[\n]]\n]==] c --[= d\n\t\v\f e', '=t');
  assert.deepEqual(toks.map((t) => `${t.line}:${t.text}`), ['1:a', '3:b', '5:c', '6:e', '6:<eof>']);
});

test('line endings: \\n, \\r, \\r\\n and \\n\\r each count once', () => {
  const toks = tokenize('a\nb\rc\r\nd\n\re\n\nf\r\rg\n\r\nh', '=t');
  assert.deepEqual(toks.map((t) => t.line), [1, 2, 3, 4, 5, 7, 9, 11, 11]);
  assert.equal(stringOf('[[\r\nx\n\ry\r\nz\r]]'), 'x\ny\nz\n');
  assert.equal(stringOf('[==[\nfirst newline skipped]==]'), 'first newline skipped');
  assert.equal(stringOf('[[]]'), '');
  assert.equal(stringOf('[=[a]]b]==]c]=]'), 'a]]b]==]c');
  assert.equal(stringOf('"a\\\r\nb"'), 'a\nb');
});

test('escape sequences', () => {
  assert.equal(stringOf('"\\a\\b\\f\\n\\r\\t\\v\\\\\\"\\\'"'), '\x07\x08\x0c\n\r\t\x0b\\"\'');
  assert.equal(stringOf('"\\65\\066\\0067\\255\\0"'), 'AB\x067\xff\0');
  assert.equal(stringOf('"\\x41\\xfF\\x00"'), 'A\xff\0');
  assert.equal(stringOf('"a\\z  \n\r\n  \t b"'), 'ab');
  assert.equal(stringOf('"a\\\nb"'), 'a\nb');
  assert.equal(stringOf("'\\u{41}\\u{7FF}\\u{800}\\u{10FFFF}'"), 'A\xdf\xbf\xe0\xa0\x80\xf4\x8f\xbf\xbf');
  assert.equal(stringOf('"\\u{7FFFFFFF}"'), '\xfd\xbf\xbf\xbf\xbf\xbf');
  assert.equal(stringOf('"\\u{000000041}"'), 'A');
  assert.equal(utf8Encode(0x3ffffff), '\xfb\xbf\xbf\xbf\xbf');
  assert.equal(utf8Encode(0x200000), '\xf8\x88\x80\x80\x80');
  assert.equal(stringOf('"\x00\xff"'), '\x00\xff'); // raw bytes pass through
});

test('numerals convert exactly as PUC', () => {
  const cases: [string, string][] = [
    ['0', 'int:0'], ['42', 'int:42'], ['00012', 'int:12'], ['9007199254740991', 'int:9007199254740991'],
    ['9007199254740992', 'int:9007199254740992'], ['9223372036854775807', 'int:9223372036854775807'],
    ['9223372036854775808', 'float:9223372036854776000'], ['1e2', 'float:100'], ['.5', 'float:0.5'],
    ['5.', 'float:5'], ['3.0', 'float:3'], ['1E+2', 'float:100'], ['2e-3', 'float:0.002'], ['1e400', 'float:Infinity'],
    ['0x10', 'int:16'], ['0xA', 'int:10'], ['0x7fffffffffffffff', 'int:9223372036854775807'],
    ['0xffffffffffffffff', 'int:-1'], ['0x10000000000000001', 'int:1'], ['0x8000000000000000', 'int:-9223372036854775808'],
    ['0x1p4', 'float:16'], ['0x.8', 'float:0.5'], ['0x8.', 'float:8'], ['0xA.8p1', 'float:21'], ['0x1P-2', 'float:0.25'],
    ['0x1p-1074', 'float:5e-324'], ['0x1p-1075', 'float:0'], ['0x1.8p-1075', 'float:5e-324'], ['0x1p1024', 'float:Infinity'],
    ['0x1.fffffffffffff8p1023', 'float:Infinity'], ['0x1.00000000000008p0', 'float:1'], ['0x1.00000000000018p0', 'float:1.0000000000000004'],
    ['3.14159265358979323846', 'float:3.141592653589793'],
  ];
  for (const [src, want] of cases) assert.equal(valueOf(src), want, src);
  assert.equal(typeof tokenize('9007199254740993', '=n')[0].value, 'bigint');
});

test('str2number (lua_stringtonumber rules)', () => {
  const n = (s: string) => { const v = str2number(s); return v === undefined ? 'fail' : num(v); };
  assert.equal(n('  -0x10  '), 'int:-16');
  assert.equal(n('-9223372036854775808'), 'int:-9223372036854775808');
  assert.equal(n('-9223372036854775809'), 'float:-9223372036854776000');
  assert.equal(n('-0'), 'int:0');
  assert.equal(n('-0.0'), 'float:-0');
  assert.equal(n('+1.5'), 'float:1.5');
  assert.equal(n('\t1e1\n'), 'float:10');
  for (const bad of ['', ' ', 'inf', 'nan', '-inf', '0x', '1e', '1e+', '.', '..5', '1.2.3', '0x1p', '1 2', '- 1', '1\0', '0b1', '1_0', 'Infinity']) {
    assert.equal(n(bad), 'fail', JSON.stringify(bad));
  }
});

// ---------------------------------------------------------------- parser

test('operator priorities and associativity', () => {
  const cases: [string, string][] = [
    ['a or b and c', '(or a (and b c))'],
    ['a and b or c', '(or (and a b) c)'],
    ['a < b == c', '(== (< a b) c)'],
    ['a | b ~ c & d', '(| a (~ b (& c d)))'],
    ['a & b << c', '(& a (<< b c))'],
    ['a << b .. c', '(<< a (.. b c))'],
    ['a .. b .. c', '(.. a (.. b c))'],
    ['a .. b + c', '(.. a (+ b c))'],
    ['a + b * c', '(+ a (* b c))'],
    ['a - b - c', '(- (- a b) c)'],
    ['a * b / c // d % e', '(% (// (/ (* a b) c) d) e)'],
    ['-a * b', '(* (- a) b)'],
    ['-a ^ b', '(- (^ a b))'],
    ['a ^ b ^ c', '(^ a (^ b c))'],
    ['a ^ -b', '(^ a (- b))'],
    ['not a == b', '(== (not a) b)'],
    ['#a + ~b', '(+ (# a) (~ b))'],
    ['2 ^ - 3 ^ 2', '(^ 2 (- (^ 3 2)))'],
    ['a > b >= c <= d ~= e', '(~= (<= (>= (> a b) c) d) e)'],
    ['(a + b) * c', '(* (paren (+ a b)) c)'],
    ['a.b[c]:d(e)"f"{}', '(call (call (method (index (index a "b") c) d e) "f") (table 0))'],
    ['f{...}', '(call f (table 1))'],
  ];
  for (const [src, want] of cases) assert.equal(sx(exprOf(src)), want, src);
});

test('statements build the documented nodes', () => {
  const chunk = parse(`local a <const>, b <close> = 1
a.b.c, d[1] = 2, 3
function t.x.y:m(p, ...) return self end
local function lf() end
for i = 1, 10, 2 do break end
for k, v in pairs(t) do goto done end
::done::
while x do end repeat local z until z
if a then elseif b then else end
do ; end
f()
o:m()`, '=s');
  const kinds = chunk.body.stats.map((s) => s.kind);
  assert.deepEqual(kinds, ['Local', 'Assign', 'FunctionStat', 'LocalFunction', 'NumericFor', 'GenericFor', 'Label', 'While',
    'Repeat', 'If', 'Do', 'CallStat', 'CallStat']);
  const loc = chunk.body.stats[0] as Extract<Stat, { kind: 'Local' }>;
  assert.deepEqual(loc.names.map((n) => [n.name, n.attrib]), [['a', 'const'], ['b', 'close']]);
  const fs = chunk.body.stats[2] as Extract<Stat, { kind: 'FunctionStat' }>;
  assert.deepEqual([fs.path, fs.method, fs.func.params, fs.func.isVararg, fs.func.isMethod], [['t', 'x', 'y'], 'm', ['self', 'p'], true, true]);
  const iff = chunk.body.stats[9] as Extract<Stat, { kind: 'If' }>;
  assert.equal(iff.clauses.length, 2);
  assert.ok(iff.orelse);
  assert.equal(chunk.lastLine, 12);
  assert.equal(chunk.source, '=s');
});

test('consecutive labels stay in source order', () => {
  const chunk = parse('::a:: ;; ::b:: ::c:: x = 1', '=s');
  assert.deepEqual(chunk.body.stats.map((s) => (s.kind === 'Label' ? s.name : s.kind)), ['a', 'b', 'c', 'Assign']);
});

test('lines attributed like PUC', () => {
  // a call's line is where its suffixed expression starts (luac -l shows CALL at lines 2, 2 and 6)
  const chunk = parse('local obj = {}\nobj\n:m1()\n:m2(\n1)\nprint\n(\n"x")\nlocal t = {f\n"a"}\n', '=s');
  const s1 = chunk.body.stats[1] as Extract<Stat, { kind: 'CallStat' }>;
  assert.equal(s1.call.line, 2);
  assert.equal((s1.call as Extract<Expr, { kind: 'MethodCall' }>).obj.line, 2);
  const s2 = chunk.body.stats[2] as Extract<Stat, { kind: 'CallStat' }>;
  assert.equal(s2.call.line, 6);
  // inside a constructor, PUC has already looked ahead one token: the call is on line 10
  const t = (chunk.body.stats[3] as Extract<Stat, { kind: 'Local' }>).exprs[0] as Extract<Expr, { kind: 'Table' }>;
  assert.equal(t.fields[0].value.line, 10);
  // operators get their own line; functions their linedefined/lastlinedefined
  const b = exprOf('a\n+\nb');
  assert.equal(b.line, 2);
  const f = parse('local function\nf\n(\n)\nend\nfunction g() end\nx = function\n() end', '=s').body.stats;
  assert.deepEqual([(f[0] as any).func.line, (f[0] as any).func.lastLine], [3, 5]);
  assert.deepEqual([(f[1] as any).func.line, (f[1] as any).func.lastLine], [6, 6]);
  assert.equal((f[2] as any).exprs[0].line, 8);
  // generic for: the statement's line; its expressions keep theirs (PUC's TFORCALL line is the first one's)
  const gf = parse('for k in\n\npairs(t) do end', '=s').body.stats[0] as Extract<Stat, { kind: 'GenericFor' }>;
  assert.deepEqual([gf.line, gf.exprs[0].line], [1, 3]);
  const blk = parse('do\n\nx()\nend', '=s').body.stats[0] as Extract<Stat, { kind: 'Do' }>;
  assert.deepEqual([blk.line, blk.body.line, blk.body.endLine], [1, 3, 4]);
});

// ---------------------------------------------------------------- errors (literal lua5.4 output)

const ERROR_CASES: [string, string][] = [
    ['function f()\n  x = 1\n', "input:3: 'end' expected (to close 'function' at line 1) near <eof>"],
    ['x = = 1', "input:1: unexpected symbol near '='"],
    ['local x y', 'input:1: syntax error near <eof>'],
    ['local x = 1 y', "input:1: syntax error near <eof>"],
    ['x.y', 'input:1: syntax error near <eof>'],
    ['x = 1 = 2', "input:1: unexpected symbol near '='"],
    ['for i = 1 do end', "input:1: ',' expected near 'do'"],
    ['f(\n1', "input:2: ')' expected (to close '(' at line 1) near <eof>"],
    ['x = {\n1', "input:2: '}' expected (to close '{' at line 1) near <eof>"],
    ['x = "abc', 'input:1: unfinished string near <eof>'],
    ['x = "abc\ny"', `input:1: unfinished string near '"abc'`],
    ['x = 0x', "input:1: malformed number near '0x'"],
    ['x = 3..2', "input:1: malformed number near '3..2'"],
    ['x = 12abc', "input:1: malformed number near '12abc'"],
    ['x = "abc\\qdef"', `input:1: invalid escape sequence near '"abc\\q'`],
    ['x = "abc\\x5g"', `input:1: hexadecimal digit expected near '"abc\\x5g'`],
    ['x = "abc\\u{80000000}"', `input:1: UTF-8 value too large near '"abc\\u{80000000'`],
    ['x = "\\u{12"', `input:1: missing '}' near '"\\u{12"'`],
    ['x = "\\u12"', `input:1: missing '{' near '"\\u1'`],
    ['x = "a\\256"', `input:1: decimal escape too large near '"a\\256"'`],
    ['x = [==x', "input:1: invalid long string delimiter near '[=='"],
    ['x = [==[ abc', 'input:1: unfinished long string (starting at line 1) near <eof>'],
    ['\n--[==[ abc\n', 'input:3: unfinished long comment (starting at line 2) near <eof>'],
    ['x = 1 [[\nab]]', "input:2: unexpected symbol near '[[ab]]'"],
    ['x = 1 "a\\65\\0b"', `input:1: unexpected symbol near '"aA'`],
    ['x = \xc3', "input:1: unexpected symbol near '<\\195>'"],
    ['x = \0 y', 'input:1: unexpected symbol'],
    ['break', 'input:1: break outside loop at line 1'],
    ['function f()\n  goto x\nend\n\nprint(1)', "input:5: no visible label 'x' for <goto> at line 2"],
    ['::a::\n::a::', "input:2: label 'a' already defined on line 2"],
    ['do goto l; local x; ::l:: print(x) end', "input:1: <goto l> at line 1 jumps into the scope of local 'x'"],
    ['local x <const> = 1\nx = 2', "input:2: attempt to assign to const variable 'x'"],
    ['local x <foo> = 1', "input:1: unknown attribute 'foo'"],
    ['local x <close>, y <close> = 1', 'input:1: multiple to-be-closed variables in local list'],
    ['function f(a, 1) end', "input:1: <name> or '...' expected near '1'"],
    ['for i do end', "input:1: '=' or 'in' expected near 'do'"],
    ['a:b', 'input:1: function arguments expected near <eof>'],
    ['f() = 1', "input:1: syntax error near '='"],
    ['function f() return ... end', "input:1: cannot use '...' outside a vararg function near '...'"],
    ['x = 1 end', "input:1: <eof> expected near 'end'"],
    ['local function f end', "input:1: '(' expected near 'end'"],
    ['goto 1', "input:1: <name> expected near '1'"],
    ['return return', "input:1: unexpected symbol near 'return'"],
    ['if x then else elseif y then end', "input:1: 'end' expected near 'elseif'"],
    ['local ' + Array.from({ length: 201 }, (_, i) => 'v' + i).join(','), 'input:1: too many local variables (limit is 200) in main function near <eof>'],
];

test('syntax error messages match lua5.4', () => {
  for (const [src, want] of ERROR_CASES) assert.equal(errorOf(src), want, JSON.stringify(src));
});

test('nesting beyond the C-call limit is a C stack overflow', () => {
  const nest = (n: number) => 'return ' + '('.repeat(n) + '1' + ')'.repeat(n);
  assert.equal(errorOf(nest(195)), 'OK');
  assert.equal(errorOf(nest(196)), 'C stack overflow');
  assert.equal(errorOf('x = ' + '{'.repeat(196) + '}'.repeat(196)), 'OK');
  assert.equal(errorOf('x = ' + '{'.repeat(197) + '}'.repeat(197)), 'C stack overflow');
  assert.equal(errorOf('x = ' + '- '.repeat(100000) + '1'), 'C stack overflow');
  assert.equal(errorOf('do '.repeat(100000)), 'C stack overflow');
  // left-associative chains do not nest
  assert.equal(errorOf('x = 1' + ' + 1'.repeat(100000)), 'OK');
});

test('chunk ids', () => {
  assert.equal(chunkid('=stdin'), 'stdin');
  assert.equal(chunkid('@foo.lua'), 'foo.lua');
  assert.equal(chunkid('x = 1'), '[string "x = 1"]');
  assert.equal(chunkid('x = 1\ny = 2'), '[string "x = 1..."]');
  assert.equal(chunkid('s'.repeat(44)), `[string "${'s'.repeat(44)}"]`);
  assert.equal(chunkid('s'.repeat(45)), `[string "${'s'.repeat(45)}..."]`);
  assert.equal(chunkid('=' + 'n'.repeat(70)), 'n'.repeat(59));
  assert.equal(chunkid('@' + 'f'.repeat(59)), 'f'.repeat(59));
  assert.equal(chunkid('@' + 'f'.repeat(60)), '...' + 'f'.repeat(56));
  assert.equal(chunkid('ab\0cd'), '[string "ab"]');
  assert.equal(errorOf('x =', 'x ='), '[string "x ="]:1: unexpected symbol near <eof>');
});

// ---------------------------------------------------------------- dumps and robustness

test('dumps', () => {
  assert.equal(dumpTokens(tokenize('x = "a\\n"\n  + 1.5', '=t')),
    '   1  name     x\n   1  symbol   =\n   1  string   "a\\n"\n   2  symbol   +\n   2  float    1.5\n   2  eof      <eof>\n');
  assert.equal(dumpAst(parse('local x = -2 ^ y', '=t')),
    'Chunk "=t" lastLine=1\n  Block @1-1\n    Local x@1 @1\n      exprs:\n        Unary - @1\n          Binary ^ @1\n' +
    '            Number 2 int @1\n            Name y @1\n');
  const deep = parse('x = 1' + ' .. 1'.repeat(150) + ' + 1'.repeat(50000), '=t');
  assert.ok(dumpAst(deep).length > 50000);
});

test('random garbage only ever raises LuaError', () => {
  let seed = 12345;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
  const alphabet = '()[]{}=.,;:\'"\\-+*/%^#&~|<>0123456789xeEpP_abz \n\r\t';
  for (let k = 0; k < 3000; k++) {
    let s = '';
    const n = rnd(120);
    for (let i = 0; i < n; i++) s += rnd(4) === 0 ? String.fromCharCode(rnd(256)) : alphabet[rnd(alphabet.length)];
    try {
      parse(s, '=g');
    } catch (e) {
      assert.ok(e instanceof LuaError, `${JSON.stringify(s)}: ${e}`);
    }
  }
});

const TESTES = '/work/lua-5.4.4/testes';
test('the official test suite parses', { skip: !existsSync(TESTES) }, () => {
  for (const f of readdirSync(TESTES).filter((n) => n.endsWith('.lua'))) {
    const src = readFileSync(`${TESTES}/${f}`, 'latin1').replace(/^#[^\n]*/, '');
    const chunk: Chunk = parse(src, '@' + f);
    assert.ok(chunk.body.stats.length > 0, f);
  }
});

const hasLua = spawnSync('lua5.4', ['-v']).status === 0;
test('error messages agree with lua5.4 (live)', { skip: !hasLua }, () => {
  const snippets = [
    ...ERROR_CASES.map((c) => c[0]),
    'x = ', 'local 1', 'f(', '({})', 'a.b.c = ', 'return 1,', 'x = {1,2', 'if x', 'while true', 'repeat x = 1',
    'for k, v in pairs(t)', 'function a.b:c.d() end', 'local t <const> = {} t = 1', 'goto l do ::l:: end',
    'x = "\\300"', 'x = 0x1p', 'x = 1e', "x = '\\u{}'", 'x = ~= 1', 'a, b() = 1', 'local function f() return ... end',
    '::l:: ::l::', 'do break end', 'x = #', '--[[', '[[', 'x = [=[\n\n', 'return ... ...', 'f = function(...,a) end',
  ];
  // snippets go through stdin, length-prefixed; results come back one per line with newlines escaped
  const input = snippets.map((s) => `${s.length}\n${s}`).join('');
  const script = `local all = io.read("a"); local pos = 1
    while pos <= #all do
      local nl = all:find("\\n", pos, true); local len = tonumber(all:sub(pos, nl - 1))
      local s = all:sub(nl + 1, nl + len); pos = nl + len + 1
      local f, e = load(s, "=input"); print(((f and "OK" or e):gsub("\\n", "\\\\n")))
    end`;
  const r = spawnSync('lua5.4', ['-e', script], { input: Buffer.from(input, 'latin1'), encoding: 'latin1' });
  const expected = r.stdout.split('\n').slice(0, snippets.length);
  assert.deepEqual(snippets.map((s) => errorOf(s).replace(/\n/g, '\\n')), expected);
});
