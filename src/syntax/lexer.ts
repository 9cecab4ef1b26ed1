/*
 * The Lua 5.4 lexer over byte strings (JS strings of char codes 0..255), and the exact numeral conversion.
 *
 * The lexer is pulled by the parser one token at a time, with at most one token of look-ahead, so that its
 * `line` field behaves like PUC-Lua's `linenumber`: it is the scanner's line, i.e. the line where the current
 * token (or the pending look-ahead token) ends. The parser reads that field wherever lparser.c reads
 * `ls->linenumber`, which makes attributed lines and error lines identical to PUC's.
 *
 * Errors are `LuaError`s whose text is PUC's: "chunk:line: msg near 'token'" where the token text is what PUC
 * had in its buffer (strings with escapes already decoded, numerals as written).
 */
import type { NumberValue } from './ast.js';
import { LuaError } from '../runtime/errors.js';
import { mkfloat, mkint } from '../runtime/value.js';
import { chunkid } from './chunkid.js';
import { Tok, RESERVED, tokenKindText, type Token } from './tokens.js';

// ---------------------------------------------------------------- character classes (Lua's own, not locale's)

const ALPHA = 1; // letters and '_' (non-ASCII bytes are not letters)
const DIGIT = 2;
const SPACE = 4; // ' ' \t \n \v \f \r
const XDIGIT = 8;
const CTYPE = new Uint8Array(257); // index 256 stands for "end of input" and has no class
for (let c = 0; c < 256; c++) {
  let k = 0;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f) k |= ALPHA;
  if (c >= 0x30 && c <= 0x39) k |= DIGIT | XDIGIT;
  if ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)) k |= XDIGIT;
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) k |= SPACE;
  CTYPE[c] = k;
}
const EOZ = 256;

const enum C {
  LF = 10, CR = 13, Space = 32, Quote = 34, Hash = 35, Apos = 39, Plus = 43, Minus = 45, Dot = 46,
  Zero = 48, Nine = 57, Colon = 58, Lt = 60, Eq = 61, Gt = 62, LBracket = 91, Backslash = 92, RBracket = 93,
  Slash = 47, Tilde = 126,
}

function hexValue(c: number): number {
  return c <= C.Nine ? c - C.Zero : (c | 0x20) - 87;
}

/** Token text as PUC quotes it in messages: not escaped, but cut at the first NUL like C's `%s`. */
function cText(s: string): string {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
}

// ---------------------------------------------------------------- the lexer

export class Lexer {
  readonly src: string;
  readonly len: number;
  /** Chunk name as given to load, and its display form for messages. */
  readonly source: string;
  readonly chunk: string;
  /** Scanner position and line (PUC's `current` and `linenumber`). */
  pos = 0;
  line = 1;

  // the current token
  tok: number = Tok.Eos;
  /** Line where the current token starts (for dumps only; the parser uses `line`). */
  tokLine = 1;
  /** Name or decoded string of the current token. */
  sval = '';
  /** Value of a numeral token. */
  nval: NumberValue = 0;
  /** Source span of the current token (numerals display as written). */
  tokStart = 0;
  tokEnd = 0;
  /** Opening delimiter of a string token: `"`, `'` or `[==[`. */
  open = '';

  // the look-ahead token, valid when `ahead !== Tok.Eos` (like PUC, <eof> doubles as "none")
  private ahead: number = Tok.Eos;
  private aLine = 1;
  private aSval = '';
  private aNval: NumberValue = 0;
  private aStart = 0;
  private aEnd = 0;
  private aOpen = '';

  // what `scan` produced
  private sLine = 1;
  private sSval = '';
  private sNval: NumberValue = 0;
  private sStart = 0;
  private sOpen = '';

  constructor(src: string, source: string) {
    this.src = src;
    this.len = src.length;
    this.source = source;
    this.chunk = chunkid(source);
  }

  /** Advances to the next token (luaX_next). */
  next(): void {
    if (this.ahead !== Tok.Eos) {
      this.tok = this.ahead;
      this.tokLine = this.aLine;
      this.sval = this.aSval;
      this.nval = this.aNval;
      this.tokStart = this.aStart;
      this.tokEnd = this.aEnd;
      this.open = this.aOpen;
      this.ahead = Tok.Eos;
      return;
    }
    this.tok = this.scan();
    this.tokLine = this.sLine;
    this.sval = this.sSval;
    this.nval = this.sNval;
    this.tokStart = this.sStart;
    this.tokEnd = this.pos;
    this.open = this.sOpen;
  }

  /** Scans the token after the current one without consuming it (luaX_lookahead). */
  peek(): number {
    const t = this.scan();
    this.ahead = t;
    this.aLine = this.sLine;
    this.aSval = this.sSval;
    this.aNval = this.sNval;
    this.aStart = this.sStart;
    this.aEnd = this.pos;
    this.aOpen = this.sOpen;
    return t;
  }

  // -------------------------------------------------------------- errors

  /** The current token as PUC quotes it after "near". */
  tokenText(): string {
    switch (this.tok) {
      case Tok.Name:
        return `'${this.sval}'`;
      case Tok.String:
        return `'${cText(this.open + this.sval + closingOf(this.open))}'`;
      case Tok.Int:
      case Tok.Flt:
        return `'${this.src.slice(this.tokStart, this.tokEnd)}'`;
      default:
        return tokenKindText(this.tok);
    }
  }

  /** "chunk:line: msg near <current token>" (luaX_syntaxerror). A NUL byte token, like PUC's token 0,
   * suppresses the "near" part. */
  syntaxError(msg: string): never {
    if (this.tok === 0) this.semanticError(msg);
    throw new LuaError(`${this.chunk}:${this.line}: ${msg} near ${this.tokenText()}`);
  }

  /** "chunk:line: msg" with no token (luaK_semerror). */
  semanticError(msg: string): never {
    throw new LuaError(`${this.chunk}:${this.line}: ${msg}`);
  }

  /** A lexical error; `near` is already quoted (or `<eof>`). */
  private lexError(msg: string, near: string): never {
    throw new LuaError(`${this.chunk}:${this.line}: ${msg} near ${near}`);
  }

  // -------------------------------------------------------------- scanning

  private char(i: number): number {
    return i < this.len ? this.src.charCodeAt(i) : EOZ;
  }

  /** Skips one line break at `i` (\n, \r, \r\n or \n\r) and counts it; returns the position after it. */
  private newline(i: number): number {
    const src = this.src;
    const c = src.charCodeAt(i++);
    if (i < this.len) {
      const d = src.charCodeAt(i);
      if ((d === C.LF || d === C.CR) && d !== c) i++;
    }
    this.line++;
    return i;
  }

  /** Reads one token starting at `pos` (llex); sets the `s*` fields and leaves `pos` after the token. */
  private scan(): number {
    const src = this.src;
    const len = this.len;
    let i = this.pos;
    for (;;) {
      if (i >= len) {
        this.pos = i;
        this.sLine = this.line;
        return Tok.Eos;
      }
      const c = src.charCodeAt(i);
      switch (c) {
        case C.LF:
        case C.CR:
          i = this.newline(i);
          continue;
        case C.Space:
        case 9:
        case 11:
        case 12:
          i++;
          continue;
        case C.Minus:
          if (i + 1 >= len || src.charCodeAt(i + 1) !== C.Minus) {
            this.sLine = this.line;
            this.pos = i + 1;
            return C.Minus;
          }
          i = this.skipComment(i + 2);
          continue;
        default:
          break;
      }
      this.sLine = this.line;
      this.sStart = i;
      if ((CTYPE[c] & ALPHA) !== 0) return this.readName(i);
      if ((CTYPE[c] & DIGIT) !== 0) return this.readNumeral(i, i);
      return this.readSymbol(i, c);
    }
  }

  private readName(i: number): number {
    const src = this.src;
    const len = this.len;
    const start = i;
    i++;
    while (i < len && (CTYPE[src.charCodeAt(i)] & (ALPHA | DIGIT)) !== 0) i++;
    this.pos = i;
    const name = src.slice(start, i);
    const r = RESERVED.get(name);
    if (r !== undefined) return r;
    this.sSval = name;
    return Tok.Name;
  }

  /** Symbols, strings and stray bytes. */
  private readSymbol(i: number, c: number): number {
    const n = this.char(i + 1);
    switch (c) {
      case C.LBracket: {
        const level = this.longBracket(i);
        if (level >= 0) return this.readLongString(i, level);
        if (level === -2) this.lexError('invalid long string delimiter', `'${this.src.slice(i, this.pos)}'`);
        this.pos = i + 1;
        return C.LBracket;
      }
      case C.Eq:
        return this.two(i, n === C.Eq, Tok.Eq, C.Eq);
      case C.Lt:
        if (n === C.Lt) return this.two(i, true, Tok.Shl, 0);
        return this.two(i, n === C.Eq, Tok.Le, C.Lt);
      case C.Gt:
        if (n === C.Gt) return this.two(i, true, Tok.Shr, 0);
        return this.two(i, n === C.Eq, Tok.Ge, C.Gt);
      case C.Slash:
        return this.two(i, n === C.Slash, Tok.IDiv, C.Slash);
      case C.Tilde:
        return this.two(i, n === C.Eq, Tok.Ne, C.Tilde);
      case C.Colon:
        return this.two(i, n === C.Colon, Tok.DbColon, C.Colon);
      case C.Quote:
      case C.Apos:
        return this.readString(i, c);
      case C.Dot:
        if (n === C.Dot) {
          if (this.char(i + 2) === C.Dot) {
            this.pos = i + 3;
            return Tok.Dots;
          }
          this.pos = i + 2;
          return Tok.Concat;
        }
        if (n !== EOZ && (CTYPE[n] & DIGIT) !== 0) return this.readNumeral(i, i + 1);
        this.pos = i + 1;
        return C.Dot;
      default:
        this.pos = i + 1;
        return c;
    }
  }

  private two(i: number, isTwo: boolean, twoTok: number, oneTok: number): number {
    this.pos = isTwo ? i + 2 : i + 1;
    return isTwo ? twoTok : oneTok;
  }

  /**
   * At a '[' or ']' at `i`, reads `[=*[` / `]=*]` up to (not including) the second bracket (skip_sep).
   * Returns the number of '=' when well formed; -1 for a lone bracket; -2 for `[=...` with no second bracket.
   * Leaves `pos` at the char after the '='s.
   */
  private longBracket(i: number): number {
    const src = this.src;
    const b = src.charCodeAt(i);
    let j = i + 1;
    while (j < this.len && src.charCodeAt(j) === C.Eq) j++;
    this.pos = j;
    const count = j - i - 1;
    if (j < this.len && src.charCodeAt(j) === b) return count;
    return count === 0 ? -1 : -2;
  }

  /** After `--` at `i`: skips a long or short comment; returns the position after it. */
  private skipComment(i: number): number {
    const src = this.src;
    const len = this.len;
    if (i < len && src.charCodeAt(i) === C.LBracket) {
      const level = this.longBracket(i);
      if (level >= 0) {
        this.scanLong(this.pos + 1, level, false);
        return this.pos;
      }
    }
    while (i < len) {
      const c = src.charCodeAt(i);
      if (c === C.LF || c === C.CR) break;
      i++;
    }
    return i;
  }

  /** A long string whose opening bracket starts at `i` (its second '[' is at `pos`). */
  private readLongString(i: number, level: number): number {
    this.sOpen = this.src.slice(i, this.pos + 1);
    this.sSval = this.scanLong(this.pos + 1, level, true);
    return Tok.String;
  }

  /**
   * Reads the body of a long string or comment from `i` (just after the opening bracket) to its closing
   * bracket; line breaks of any kind become '\n' and a first line break is dropped. Leaves `pos` after the
   * closing bracket. Returns the contents (for strings).
   */
  private scanLong(i: number, level: number, isString: boolean): string {
    const src = this.src;
    const len = this.len;
    const startLine = this.line;
    if (i < len) {
      const c = src.charCodeAt(i);
      if (c === C.LF || c === C.CR) i = this.newline(i);
    }
    let buf = '';
    let start = i;
    for (;;) {
      if (i >= len) {
        this.pos = i;
        const what = isString ? 'string' : 'comment';
        this.lexError(`unfinished long ${what} (starting at line ${startLine})`, '<eof>');
      }
      const c = src.charCodeAt(i);
      if (c === C.RBracket) {
        let j = i + 1;
        while (j < len && src.charCodeAt(j) === C.Eq) j++;
        if (j - i - 1 === level && j < len && src.charCodeAt(j) === C.RBracket) {
          this.pos = j + 1;
          return isString ? buf + src.slice(start, i) : '';
        }
        i = j; // ']' and '='s are contents; j may start the real closing bracket
      } else if (c === C.LF || c === C.CR) {
        if (isString) buf += src.slice(start, i) + '\n';
        i = this.newline(i);
        start = i;
      } else {
        i++;
      }
    }
  }

  /** A short string delimited by `del`, starting at `i`. */
  private readString(i: number, del: number): number {
    const src = this.src;
    const len = this.len;
    const delText = del === C.Quote ? '"' : "'";
    let buf = '';
    let start = ++i;
    for (;;) {
      if (i >= len) {
        this.pos = i;
        this.lexError('unfinished string', '<eof>');
      }
      const c = src.charCodeAt(i);
      if (c === del) break;
      if (c === C.Backslash) {
        buf += src.slice(start, i);
        const r = this.readEscape(i, delText, buf);
        buf = r.buf;
        i = start = r.pos;
      } else if (c === C.LF || c === C.CR) {
        this.pos = i;
        this.lexError('unfinished string', `'${cText(delText + buf + src.slice(start, i))}'`);
      } else {
        i++;
      }
    }
    this.pos = i + 1;
    this.sOpen = delText;
    this.sSval = buf + src.slice(start, i);
    return Tok.String;
  }

  /** An escape sequence at `at` (the backslash); returns the grown buffer and the position after it. */
  private readEscape(at: number, delText: string, buf: string): { buf: string; pos: number } {
    const src = this.src;
    let i = at + 1;
    const c = this.char(i);
    let out = -1; // single byte to append
    switch (c) {
      case 0x61: out = 7; i++; break; // \a
      case 0x62: out = 8; i++; break; // \b
      case 0x66: out = 12; i++; break; // \f
      case 0x6e: out = 10; i++; break; // \n
      case 0x72: out = 13; i++; break; // \r
      case 0x74: out = 9; i++; break; // \t
      case 0x76: out = 11; i++; break; // \v
      case C.Backslash: case C.Quote: case C.Apos: out = c; i++; break;
      case C.LF: case C.CR: out = 10; i = this.newline(i); break;
      case EOZ: return { buf, pos: i }; // "unfinished string" comes next
      case 0x78: { // \xXX
        let v = 0;
        for (let k = 0; k < 2; k++) {
          i++;
          const d = this.char(i);
          if (d === EOZ || (CTYPE[d] & XDIGIT) === 0) this.escapeError(at, i, 'hexadecimal digit expected', delText, buf);
          v = v * 16 + hexValue(d);
        }
        out = v;
        i++;
        break;
      }
      case 0x7a: { // \z: skip white space, line breaks included
        i++;
        for (;;) {
          const d = this.char(i);
          if (d === EOZ || (CTYPE[d] & SPACE) === 0) break;
          i = d === C.LF || d === C.CR ? this.newline(i) : i + 1;
        }
        return { buf, pos: i };
      }
      case 0x75: // \u{XXX}
        return this.readUtf8Escape(at, delText, buf);
      default: {
        if ((CTYPE[c] & DIGIT) === 0) this.escapeError(at, i, 'invalid escape sequence', delText, buf);
        let v = 0;
        for (let k = 0; k < 3; k++) {
          const d = this.char(i);
          if (d === EOZ || (CTYPE[d] & DIGIT) === 0) break;
          v = v * 10 + d - C.Zero;
          i++;
        }
        if (v > 255) this.escapeError(at, i, 'decimal escape too large', delText, buf);
        out = v;
        break;
      }
    }
    return { buf: buf + String.fromCharCode(out), pos: i };
  }

  private readUtf8Escape(at: number, delText: string, buf: string): { buf: string; pos: number } {
    let i = at + 2;
    if (this.char(i) !== 0x7b) this.escapeError(at, i, "missing '{'", delText, buf);
    i++;
    let d = this.char(i);
    if (d === EOZ || (CTYPE[d] & XDIGIT) === 0) this.escapeError(at, i, 'hexadecimal digit expected', delText, buf);
    let v = hexValue(d);
    for (;;) {
      i++;
      d = this.char(i);
      if (d === EOZ || (CTYPE[d] & XDIGIT) === 0) break;
      if (v > 0x7ffffff) this.escapeError(at, i, 'UTF-8 value too large', delText, buf);
      v = v * 16 + hexValue(d);
    }
    if (d !== 0x7d) this.escapeError(at, i, "missing '}'", delText, buf);
    return { buf: buf + utf8Encode(v), pos: i + 1 };
  }

  /** PUC shows the string read so far, the escape as written, and the offending character. */
  private escapeError(at: number, bad: number, msg: string, delText: string, buf: string): never {
    const end = bad < this.len ? bad + 1 : bad;
    this.pos = end;
    this.lexError(msg, `'${cText(delText + buf + this.src.slice(at, end))}'`);
  }

  /**
   * A numeral starting at `start` (a digit, or a '.' followed by the digit at `i`), read as liberally as
   * PUC does (digits, hex digits, '.', exponent marks with a sign, and one touching letter) and then
   * converted; anything the conversion rejects is a malformed number.
   */
  private readNumeral(start: number, i: number): number {
    const src = this.src;
    const len = this.len;
    if (start === i) {
      // fast path: a short decimal integer followed by a delimiter
      let v = 0;
      let j = i;
      let c = 0;
      while (j < len && (c = src.charCodeAt(j)) >= C.Zero && c <= C.Nine && j - i < 15) {
        v = v * 10 + c - C.Zero;
        j++;
      }
      if (j === len || (c !== C.Dot && (CTYPE[c] & (ALPHA | DIGIT)) === 0)) {
        this.pos = j;
        this.sNval = v;
        return Tok.Int;
      }
    }
    let expo1 = 0x45; // E
    let expo2 = 0x65; // e
    const first = src.charCodeAt(i++);
    if (first === C.Zero && i < len && (src.charCodeAt(i) | 0x20) === 0x78) {
      i++;
      expo1 = 0x50; // P
      expo2 = 0x70; // p
    }
    for (;;) {
      if (i >= len) break;
      const c = src.charCodeAt(i);
      if (c === expo1 || c === expo2) {
        i++;
        if (i < len) {
          const s = src.charCodeAt(i);
          if (s === C.Plus || s === C.Minus) i++;
        }
      } else if ((CTYPE[c] & XDIGIT) !== 0 || c === C.Dot) {
        i++;
      } else {
        break;
      }
    }
    if (i < len && (CTYPE[src.charCodeAt(i)] & ALPHA) !== 0) i++; // touching a letter: force an error
    this.pos = i;
    const text = src.slice(start, i);
    const v = str2number(text);
    if (v === undefined) this.lexError('malformed number', `'${text}'`);
    this.sNval = v;
    return typeof v === 'number' && Math.floor(v) === v ? Tok.Int : typeof v === 'bigint' ? Tok.Int : Tok.Flt;
  }
}

function closingOf(open: string): string {
  if (open.length === 1) return open;
  return ']' + '='.repeat(open.length - 2) + ']';
}

/** Encodes a code point up to 2^31-1 as (extended, up to 6 bytes) UTF-8, as Lua's `\u{}` does. */
export function utf8Encode(x: number): string {
  if (x < 0x80) return String.fromCharCode(x);
  const bytes: number[] = [];
  let limit = 0x3f; // largest value that fits in the first byte's free bits
  do {
    bytes.push(0x80 | (x & 0x3f));
    x = Math.floor(x / 64);
    limit >>= 1;
  } while (x > limit);
  bytes.push(((~limit << 1) & 0xff) | x);
  return String.fromCharCode(...bytes.reverse());
}

// ---------------------------------------------------------------- numeral conversion

const MAX_INT64 = 0x7fffffffffffffffn;

/**
 * Converts a numeral to a Lua number exactly as PUC's `luaO_str2num` (lua_stringtonumber) does, or returns
 * undefined. Accepts surrounding white space and a sign; decimal integers that do not fit in 64 bits become
 * floats; hexadecimal integers wrap around modulo 2^64; floats may be hexadecimal with a binary exponent;
 * 'inf' and 'nan' are rejected. The string is a byte string; any NUL or other stray byte makes it invalid.
 */
export function str2number(s: string): NumberValue | undefined {
  let a = 0;
  let b = s.length;
  while (a < b && (CTYPE[s.charCodeAt(a)] & SPACE) !== 0) a++;
  while (b > a && (CTYPE[s.charCodeAt(b - 1)] & SPACE) !== 0) b--;
  if (a === b) return undefined;
  let neg = false;
  let p = a;
  const sign = s.charCodeAt(p);
  if (sign === C.Minus || sign === C.Plus) {
    neg = sign === C.Minus;
    p++;
  }
  if (p + 1 < b && s.charCodeAt(p) === C.Zero && (s.charCodeAt(p + 1) | 0x20) === 0x78) {
    return hexNumeral(s, p + 2, b, neg);
  }
  return decimalNumeral(s, p, b, neg, a);
}

function decimalNumeral(s: string, p: number, end: number, neg: boolean, signStart: number): NumberValue | undefined {
  // validate: digits [. digits] [(e|E) [+-] digits], with at least one mantissa digit
  let i = p;
  let digits = 0;
  while (i < end && (CTYPE[s.charCodeAt(i)] & DIGIT) !== 0) i++;
  const intEnd = i;
  digits = intEnd - p;
  if (i === end) {
    if (digits === 0) return undefined;
    return decimalInteger(s, p, end, neg) ?? mkfloat(Number(s.slice(signStart, end)));
  }
  if (s.charCodeAt(i) === C.Dot) {
    i++;
    const f = i;
    while (i < end && (CTYPE[s.charCodeAt(i)] & DIGIT) !== 0) i++;
    digits += i - f;
  }
  if (digits === 0) return undefined;
  if (i < end && (s.charCodeAt(i) | 0x20) === 0x65) {
    i++;
    if (i < end && (s.charCodeAt(i) === C.Plus || s.charCodeAt(i) === C.Minus)) i++;
    const e = i;
    while (i < end && (CTYPE[s.charCodeAt(i)] & DIGIT) !== 0) i++;
    if (i === e) return undefined;
  }
  if (i !== end) return undefined;
  // the validated text is also a JS numeric string; Number() rounds it correctly
  return mkfloat(Number(s.slice(signStart, end)));
}

/** A decimal integer numeral, or undefined if it does not fit in an int64 (it is then a float). */
function decimalInteger(s: string, p: number, end: number, neg: boolean): number | bigint | undefined {
  if (end - p <= 15) {
    const v = Number(s.slice(p, end));
    return neg ? 0 - v : v;
  }
  let v = BigInt(s.slice(p, end));
  if (v > (neg ? MAX_INT64 + 1n : MAX_INT64)) return undefined;
  if (neg) v = -v;
  return mkint(v);
}

function hexNumeral(s: string, p: number, end: number, neg: boolean): NumberValue | undefined {
  let i = p;
  while (i < end && (CTYPE[s.charCodeAt(i)] & XDIGIT) !== 0) i++;
  if (i === end) {
    if (i === p) return undefined;
    // integer: wraps around
    if (end - p <= 13) {
      const v = parseInt(s.slice(p, end), 16);
      return neg ? 0 - v : v;
    }
    let v = BigInt.asIntN(64, BigInt('0x' + s.slice(p, end)));
    if (neg) v = BigInt.asIntN(64, -v);
    return mkint(v);
  }
  const intEnd = i;
  let fracStart = i;
  let fracEnd = i;
  if (s.charCodeAt(i) === C.Dot) {
    fracStart = ++i;
    while (i < end && (CTYPE[s.charCodeAt(i)] & XDIGIT) !== 0) i++;
    fracEnd = i;
  }
  if (intEnd === p && fracEnd === fracStart) return undefined;
  let exp = 0;
  if (i < end && (s.charCodeAt(i) | 0x20) === 0x70) {
    i++;
    let eneg = false;
    const c = i < end ? s.charCodeAt(i) : 0;
    if (c === C.Plus || c === C.Minus) {
      eneg = c === C.Minus;
      i++;
    }
    const e = i;
    while (i < end && (CTYPE[s.charCodeAt(i)] & DIGIT) !== 0) {
      if (exp < 1e8) exp = exp * 10 + s.charCodeAt(i) - C.Zero;
      i++;
    }
    if (i === e) return undefined;
    if (eneg) exp = -exp;
  }
  if (i !== end) return undefined;
  const mant = BigInt('0x0' + s.slice(p, intEnd) + s.slice(fracStart, fracEnd));
  const v = scaleBinary(mant, exp - 4 * (fracEnd - fracStart));
  return mkfloat(neg ? -v : v);
}

/** mant * 2^exp correctly rounded to a double (round half to even, with subnormals), like strtod. */
function scaleBinary(mant: bigint, exp: number): number {
  if (mant === 0n) return 0;
  const bits = mant.toString(2).length;
  const top = bits - 1 + exp; // exponent of the leading bit
  if (top > 1023) return Infinity;
  // number of significant bits the result can keep: 53, fewer for subnormals
  const keep = top >= -1022 ? 53 : 53 - (-1022 - top);
  if (keep <= 0) {
    // below half the smallest subnormal, or exactly half of it (rounds to even: 0), or above (rounds up)
    if (keep < 0) return 0;
    const half = 1n << BigInt(bits - 1);
    return mant > half ? Number.MIN_VALUE : 0;
  }
  let m = mant;
  let e = exp;
  const drop = bits - keep;
  if (drop > 0) {
    const d = BigInt(drop);
    const rest = m & ((1n << d) - 1n);
    m >>= d;
    e += drop;
    const half = 1n << (d - 1n);
    if (rest > half || (rest === half && (m & 1n) === 1n)) m += 1n;
  }
  // m < 2^54 and the result is representable (or overflows to Infinity): two exact scalings suffice
  const n = Number(m);
  if (e > 0) return e > 1000 ? n * 2 ** 1000 * 2 ** (e - 1000) : n * 2 ** e;
  return e < -1000 ? n * 2 ** -1000 * 2 ** (e + 1000) : n * 2 ** e;
}

// ---------------------------------------------------------------- token list (dumps and tools)

/** All tokens of a source, <eof> included. Lexical errors throw like `parse` does. */
export function tokenize(source: string, chunkname: string): Token[] {
  const lx = new Lexer(source, chunkname);
  const out: Token[] = [];
  do {
    lx.next();
    const kind = lx.tok;
    const t: Token = { kind, line: lx.tokLine, text: displayText(lx) };
    if (kind === Tok.Name || kind === Tok.String) t.value = lx.sval;
    else if (kind === Tok.Int || kind === Tok.Flt) t.value = lx.nval;
    out.push(t);
  } while (lx.tok !== Tok.Eos);
  return out;
}

function displayText(lx: Lexer): string {
  switch (lx.tok) {
    case Tok.Name:
      return lx.sval;
    case Tok.String:
      return lx.open + lx.sval + closingOf(lx.open);
    case Tok.Int:
    case Tok.Flt:
      return lx.src.slice(lx.tokStart, lx.tokEnd);
    default: {
      const t = tokenKindText(lx.tok);
      return lx.tok === Tok.Eos ? t : t.slice(1, -1);
    }
  }
}
