/*
 * Lua patterns (lstrlib's matcher semantics) over byte strings, and the pattern-driven functions
 * string.find / match / gmatch / gsub.
 *
 * The matcher works on positions: subject and pattern are JS strings of bytes, read with charCodeAt; nothing is
 * sliced while matching. A match result is the end position in the subject, or -1 for "no match". It recurses
 * exactly where PUC's matcher recurses (captures, `?`, `*`/`+`/`-` expansion) and loops where PUC loops (its
 * tail calls), with the same depth limit (MAX_DEPTH = MAXCCALLS = 200 -> "pattern too complex"), so which
 * patterns are "too complex" agrees with lua5.4.
 *
 * C reads a '\0' terminator past the end of both strings; charCodeAt gives NaN there, which compares unequal to
 * every byte, so lookaheads such as "is the next pattern char a '*'" behave alike. The one place where C uses
 * that '\0' as a value, the frontier's "current char" at the end of the subject, substitutes 0 explicitly.
 *
 * Speed: each pattern is analysed once (PatInfo, cached by pattern text): the search loops skip start
 * positions that cannot match (indexOf for a literal first char, a byte table for a first class, also behind
 * leading capture openings), which changes no result because those attempts would fail on their first item
 * without side effects. Patterns whose matches have a fixed form are served without the matcher: a text
 * without specials (indexOf), one single-char class, a run of one class ('%a+'), '^' plus a run ('^%s*').
 * Match states are pooled; '[...]' sets are byte tables; greedy repetition of '.', a literal or a %class
 * scans without per-char dispatch, and ends at once when nothing follows it in the pattern.
 *
 * Character classes use the C locale: only ASCII bytes are letters, digits, spaces, punctuation...
 */
import { LuaFunction, NativeFunction, NONE, Userdata, isNumber, typeName, type LuaValue } from '../runtime/value.js';
import { CallbackSite, type LuaState } from '../runtime/state.js';
import { FastNative, NOFAST, SECOND, type FastFn } from '../runtime/fastnative.js';
import { LuaTable } from '../runtime/table.js';
import {
  checkString, luaError, optInteger, toStringCoerce, typeError,
} from '../runtime/auxlib.js';
import { patternRegex, type PatRegex } from './strregex.js';

const MAX_CAPTURES = 32;
const MAX_DEPTH = 200;
const CAP_UNFINISHED = -1;
const CAP_POSITION = -2;

const ESC = 37; // '%'

/** How many results a native function may return: PUC's stack limit (LUAI_MAXSTACK = 1,000,000) minus what a
 * call typically already uses (lua5.4 gives 999,980 bytes from string.byte in a main chunk, not 999,981). */
export const MAX_RESULTS = 999_980;

/* ------------------------------------------------------------------------------------------ C-locale ctype */

const ALPHA = 1, CNTRL = 2, DIGIT = 4, GRAPH = 8, LOWER = 16, PUNCT = 32, SPACE = 64, UPPER = 128,
  ALNUM = 256, XDIGIT = 512;

/** ctype bits for each byte in the "C" locale (bytes >= 128 have none). */
export const CTYPE: Uint16Array = (() => {
  const t = new Uint16Array(256);
  for (let c = 0; c < 128; c++) {
    let m = 0;
    const up = c >= 65 && c <= 90, lo = c >= 97 && c <= 122, dig = c >= 48 && c <= 57;
    if (up || lo) m |= ALPHA;
    if (up) m |= UPPER;
    if (lo) m |= LOWER;
    if (dig) m |= DIGIT;
    if (up || lo || dig) m |= ALNUM;
    if (dig || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)) m |= XDIGIT;
    if (c < 32 || c === 127) m |= CNTRL;
    if (c === 32 || (c >= 9 && c <= 13)) m |= SPACE;
    if (c > 32 && c < 127) m |= GRAPH;
    if (c > 32 && c < 127 && !(up || lo || dig)) m |= PUNCT;
    t[c] = m;
  }
  return t;
})();

/** The CTYPE bits of class letter cl ('a', 'D', ...), or 0 when cl is not one of the ctype classes. */
function classMask(cl: number): number {
  switch (cl | 0x20) { // tolower, which only changes 'A'..'Z' here (others do not land on a class letter)
    case 97: return ALPHA; // a
    case 99: return CNTRL; // c
    case 100: return DIGIT; // d
    case 103: return GRAPH; // g
    case 108: return LOWER; // l
    case 112: return PUNCT; // p
    case 115: return SPACE; // s
    case 117: return UPPER; // u
    case 119: return ALNUM; // w
    case 120: return XDIGIT; // x
    default: return 0;
  }
}

/** Does byte c belong to class %cl (cl the byte after '%')? Unknown classes match themselves ('%.' is '.'). */
function matchClass(c: number, cl: number): boolean {
  const mask = classMask(cl);
  if (mask === 0) {
    if ((cl | 0x20) === 122) return (c === 0) === (cl === 122); // z: deprecated "\0" class
    return cl === c;
  }
  const res = (CTYPE[c] & mask) !== 0;
  return cl >= 97 ? res : !res; // lower-case class letter: the class itself; upper-case: its complement
}

/* ---------------------------------------------------------------------------------------------- the matcher */

/** The state of one match: subject, pattern and captures. Reused across the attempts of find/gmatch/gsub. */
export class MatchState {
  src = '';
  srcEnd = 0;
  pat = '';
  patEnd = 0;
  /** Captures opened so far (finished or not). */
  level = 0;
  /** Remaining recursion budget. */
  depth = MAX_DEPTH;
  readonly capInit = new Int32Array(MAX_CAPTURES);
  /** Capture length, or CAP_UNFINISHED / CAP_POSITION. */
  readonly capLen = new Int32Array(MAX_CAPTURES);
  /** Member bytes of the pattern's '[...]' sets, by the position of their '[' (built at first use). */
  sets: (Uint8Array | undefined)[] = NO_SETS;
  /** The replacement function calls' CallbackSite (State.callFirst) of the gsub call holding this state. */
  readonly site = new CallbackSite();
  constructor(public L: LuaState) {}

  prepare(src: string, pat: string): void {
    this.src = src;
    this.srcEnd = src.length;
    this.pat = pat;
    this.patEnd = pat.length;
    this.sets = patInfo(pat).sets;
  }

  /** Before each match attempt. (The depth is reset too, in case an error left it unbalanced.) */
  reset(): void {
    this.level = 0;
    this.depth = MAX_DEPTH;
  }
}

/* MatchStates are recycled: allocating the capture arrays costs more than a short match. A state is taken for
 * one call of find/match/gsub (a replacement function may re-enter, taking another) and given back when the call
 * returns normally; one abandoned by an error is simply left to the GC. */
const pool: MatchState[] = [];

function acquire(L: LuaState, src: string, pat: string): MatchState {
  const ms = pool.length > 0 ? pool.pop()! : new MatchState(L);
  ms.L = L;
  ms.prepare(src, pat);
  ms.site.th = undefined; // a site serves one native invocation
  return ms;
}

function release(ms: MatchState): void {
  ms.src = ms.pat = ''; // do not keep big strings alive
  ms.site.th = undefined; // nor the thread of its last callbacks
  if (pool.length < 8) pool.push(ms);
}

function error(ms: MatchState, msg: string): never {
  return luaError(ms.L, msg);
}

/** Position just after the single-char class starting at p ('x', '%x', '[...]'). */
function classEnd(ms: MatchState, p: number): number {
  const pat = ms.pat;
  const c = pat.charCodeAt(p++);
  if (c === ESC) {
    if (p >= ms.patEnd) error(ms, "malformed pattern (ends with '%')");
    return p + 1;
  }
  if (c === 91) { // '['
    if (pat.charCodeAt(p) === 94) p++; // '^'
    do { // look for a ']' (the first char of the set is never the closing one)
      if (p >= ms.patEnd) error(ms, "malformed pattern (missing ']')");
      if (pat.charCodeAt(p++) === ESC && p < ms.patEnd) p++; // skip escapes such as '%]'
    } while (pat.charCodeAt(p) !== 93);
    return p + 1;
  }
  return p;
}

/** Does c match the set whose '[' is at p and whose ']' is at ec? */
function matchBracketClass(pat: string, c: number, p: number, ec: number): boolean {
  let sig = true;
  if (pat.charCodeAt(p + 1) === 94) { // '^'
    sig = false;
    p++;
  }
  while (++p < ec) {
    const pc = pat.charCodeAt(p);
    if (pc === ESC) {
      p++;
      if (matchClass(c, pat.charCodeAt(p))) return sig;
    } else if (pat.charCodeAt(p + 1) === 45 && p + 2 < ec) { // range 'a-z'
      p += 2;
      if (pc <= c && c <= pat.charCodeAt(p)) return sig;
    } else if (pc === c) {
      return sig;
    }
  }
  return !sig;
}

/** Does the subject char at s match the class at p..ep? */
function singleMatch(ms: MatchState, s: number, p: number, ep: number): boolean {
  if (s >= ms.srcEnd) return false;
  const c = ms.src.charCodeAt(s);
  const pc = ms.pat.charCodeAt(p);
  switch (pc) {
    case 46: return true; // '.'
    case ESC: return matchClass(c, ms.pat.charCodeAt(p + 1));
    case 91: {
      const sets = ms.sets;
      if (sets === NO_SETS) return matchBracketClass(ms.pat, c, p, ep - 1);
      let set = sets[p];
      if (set === undefined) set = sets[p] = bracketSet(ms.pat, p, ep - 1);
      return set[c] === 1;
    }
    default: return pc === c;
  }
}

/** Shared by patterns whose sets are not kept (patterns too long for the analysis cache). */
const NO_SETS: (Uint8Array | undefined)[] = [];

/** The bytes matched by the set whose '[' is at p and whose ']' is at ec. */
function bracketSet(pat: string, p: number, ec: number): Uint8Array {
  const set = new Uint8Array(256);
  for (let b = 0; b < 256; b++) if (matchBracketClass(pat, b, p, ec)) set[b] = 1;
  return set;
}

/** The core matcher: end of the match of pattern[p..] at subject position s, or -1. */
function doMatch(ms: MatchState, s: number, p: number): number {
  if (ms.depth-- === 0) error(ms, 'pattern too complex');
  const pat = ms.pat;
  const patEnd = ms.patEnd;
  for (;;) { // each `continue` is one of PUC's tail calls
    if (p === patEnd) break;
    const pc = pat.charCodeAt(p);
    if (pc === 40) { // '('
      s = pat.charCodeAt(p + 1) === 41
        ? startCapture(ms, s, p + 2, CAP_POSITION)
        : startCapture(ms, s, p + 1, CAP_UNFINISHED);
      break;
    }
    if (pc === 41) { // ')'
      s = endCapture(ms, s, p + 1);
      break;
    }
    if (pc === 36 && p + 1 === patEnd) { // '$' as the last char: anchor at the end
      if (s !== ms.srcEnd) s = -1;
      break;
    }
    if (pc === ESC) {
      const nc = pat.charCodeAt(p + 1);
      if (nc === 98) { // %b
        s = matchBalance(ms, s, p + 2);
        if (s === -1) break;
        p += 4;
        continue;
      }
      if (nc === 102) { // %f
        p += 2;
        if (pat.charCodeAt(p) !== 91) error(ms, "missing '[' after '%f' in pattern");
        const ep = classEnd(ms, p);
        const prev = s === 0 ? 0 : ms.src.charCodeAt(s - 1);
        const cur = s < ms.srcEnd ? ms.src.charCodeAt(s) : 0;
        if (!matchBracketClass(pat, prev, p, ep - 1) && matchBracketClass(pat, cur, p, ep - 1)) {
          p = ep;
          continue;
        }
        s = -1;
        break;
      }
      if (nc >= 48 && nc <= 57) { // %0-%9: back reference
        s = matchCapture(ms, s, nc);
        if (s === -1) break;
        p += 2;
        continue;
      }
    }
    // a single-char class with an optional quantifier
    const ep = classEnd(ms, p);
    const q = pat.charCodeAt(ep);
    if (!singleMatch(ms, s, p, ep)) {
      if (q === 42 || q === 63 || q === 45) { // '*', '?', '-': may match zero times
        p = ep + 1;
        continue;
      }
      s = -1; // '+' or no quantifier
      break;
    }
    if (q === 63) { // '?'
      const r = doMatch(ms, s + 1, ep + 1);
      if (r !== -1) {
        s = r;
        break;
      }
      p = ep + 1;
      continue;
    }
    if (q === 43) { // '+': one already matched
      s = maxExpand(ms, s + 1, p, ep);
      break;
    }
    if (q === 42) { // '*'
      s = maxExpand(ms, s, p, ep);
      break;
    }
    if (q === 45) { // '-'
      s = minExpand(ms, s, p, ep);
      break;
    }
    s++;
    p = ep;
  }
  ms.depth++;
  return s;
}

/** Greedy repetition: count how far the class matches, then back off until the rest matches. */
function maxExpand(ms: MatchState, s: number, p: number, ep: number): number {
  let i = 0;
  const pc = ms.pat.charCodeAt(p);
  if (pc === 46) { // '.*': everything (the common case, without per-char dispatch)
    i = ms.srcEnd - s;
  } else if (ep === p + 1 && pc !== ESC && pc !== 91) { // a literal char
    const src = ms.src, end = ms.srcEnd;
    while (s + i < end && src.charCodeAt(s + i) === pc) i++;
  } else if (pc === ESC && classMask(ms.pat.charCodeAt(p + 1)) !== 0) { // '%a*' and friends
    const cl = ms.pat.charCodeAt(p + 1);
    const mask = classMask(cl);
    const want = cl >= 97 ? mask : 0; // complement classes want the bits clear
    const src = ms.src, end = ms.srcEnd;
    while (s + i < end && (CTYPE[src.charCodeAt(s + i)] & mask) === want) i++;
  } else {
    while (singleMatch(ms, s + i, p, ep)) i++;
  }
  if (ep + 1 === ms.patEnd) { // nothing follows: the longest expansion matches (doMatch of the empty rest)
    if (ms.depth === 0) error(ms, 'pattern too complex');
    return s + i;
  }
  for (; i >= 0; i--) {
    const r = doMatch(ms, s + i, ep + 1);
    if (r !== -1) return r;
  }
  return -1;
}

/** Lazy repetition: try the rest first, then one more repetition. */
function minExpand(ms: MatchState, s: number, p: number, ep: number): number {
  for (;;) {
    const r = doMatch(ms, s, ep + 1);
    if (r !== -1) return r;
    if (!singleMatch(ms, s, p, ep)) return -1;
    s++;
  }
}

function startCapture(ms: MatchState, s: number, p: number, what: number): number {
  const level = ms.level;
  if (level >= MAX_CAPTURES) error(ms, 'too many captures');
  ms.capInit[level] = s;
  ms.capLen[level] = what;
  ms.level = level + 1;
  const r = doMatch(ms, s, p);
  if (r === -1) ms.level--; // undo the capture
  return r;
}

function endCapture(ms: MatchState, s: number, p: number): number {
  const l = captureToClose(ms);
  ms.capLen[l] = s - ms.capInit[l];
  const r = doMatch(ms, s, p);
  if (r === -1) ms.capLen[l] = CAP_UNFINISHED;
  return r;
}

function captureToClose(ms: MatchState): number {
  for (let level = ms.level - 1; level >= 0; level--) {
    if (ms.capLen[level] === CAP_UNFINISHED) return level;
  }
  return error(ms, 'invalid pattern capture');
}

/** %b xy at pattern position p: a balanced x...y run starting at s. */
function matchBalance(ms: MatchState, s: number, p: number): number {
  if (p >= ms.patEnd - 1) error(ms, "malformed pattern (missing arguments to '%b')");
  const src = ms.src, end = ms.srcEnd;
  const b = ms.pat.charCodeAt(p);
  if (s >= end || src.charCodeAt(s) !== b) return -1;
  const e = ms.pat.charCodeAt(p + 1);
  let depth = 1;
  while (++s < end) {
    const c = src.charCodeAt(s);
    if (c === e) {
      if (--depth === 0) return s + 1;
    } else if (c === b) {
      depth++;
    }
  }
  return -1;
}

/** %1-%9 (digit given as its char code): the text of a closed capture, again. */
function matchCapture(ms: MatchState, s: number, digit: number): number {
  const l = digit - 49;
  if (l < 0 || l >= ms.level || ms.capLen[l] === CAP_UNFINISHED) {
    error(ms, `invalid capture index %${l + 1}`);
  }
  const len = ms.capLen[l];
  if (len < 0 || ms.srcEnd - s < len) return -1; // a position capture (huge as size_t in C) never matches
  const src = ms.src, init = ms.capInit[l];
  for (let i = 0; i < len; i++) {
    if (src.charCodeAt(init + i) !== src.charCodeAt(s + i)) return -1;
  }
  return s + len;
}

/* ------------------------------------------------------------------------------------------------ captures */

/** The i-th capture of a successful match s..e (capture 0 with no captures = the whole match). */
function getCapture(ms: MatchState, i: number, s: number, e: number): string | number {
  if (i >= ms.level) {
    if (i !== 0) error(ms, `invalid capture index %${i + 1}`);
    return ms.src.slice(s, e);
  }
  const len = ms.capLen[i];
  const init = ms.capInit[i];
  if (len === CAP_UNFINISHED) error(ms, 'unfinished capture');
  if (len === CAP_POSITION) return init + 1;
  return ms.src.slice(init, init + len);
}

/** All captures (or the whole match when there are none and s >= 0). */
function captures(ms: MatchState, s: number, e: number): LuaValue[] {
  const n = ms.level === 0 && s >= 0 ? 1 : ms.level;
  const out: LuaValue[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = getCapture(ms, i, s, e);
  return out;
}

/* ------------------------------------------------------------------------------------------- plain helpers */

/** Does the pattern have none of the characters "^$*+?.([%-"? */
export function noSpecials(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    switch (p.charCodeAt(i)) {
      case 94: case 36: case 42: case 43: case 63: case 46: case 40: case 91: case 37: case 45:
        return false;
    }
  }
  return true;
}

/** When every match of pattern[p..] must start with one particular byte, that byte (so that the search can
 * skip ahead with indexOf); else -1. */
function firstLiteral(pat: string, p: number): number {
  if (p >= pat.length) return -1;
  const c = pat.charCodeAt(p);
  switch (c) {
    case 94: case 36: case 42: case 43: case 63: case 46: case 40: case 41: case 91: case 37: case 45:
      return -1;
  }
  const q = pat.charCodeAt(p + 1);
  if (q === 42 || q === 63 || q === 45) return -1; // may match zero times
  return c;
}

/** When every match of pattern[p..] must begin with one char matching the pattern's first single-char class
 * (no quantifier that allows zero), the end of that class, so that an attempt can be rejected with one
 * singleMatch; else -1. Never raises: a malformed class gives -1 and the matcher reports it as PUC does. */
function firstItemEnd(pat: string, p: number): number {
  const ep = itemEnd(pat, p);
  if (ep < 0) return -1;
  const q = pat.charCodeAt(ep);
  return q === 42 || q === 63 || q === 45 ? -1 : ep;
}

/** The end of the single-char class at p ('x', '%x', '[...]'), or -1 when p holds something else (a capture,
 * '$', %b, %f, a back reference) or the class is malformed (the matcher then reports it). Never raises. */
export function itemEnd(pat: string, p: number): number {
  const n = pat.length;
  if (p >= n) return -1;
  let ep: number;
  const c = pat.charCodeAt(p);
  if (c === ESC) {
    if (p + 1 >= n) return -1;
    const d = pat.charCodeAt(p + 1);
    if (d === 98 || d === 102 || (d >= 48 && d <= 57)) return -1; // %b, %f, back references
    ep = p + 2;
  } else if (c === 91) { // '[': find its end the way classEnd does
    let q = p + 1;
    if (pat.charCodeAt(q) === 94) q++;
    do {
      if (q >= n) return -1;
      if (pat.charCodeAt(q++) === ESC && q < n) q++;
    } while (pat.charCodeAt(q) !== 93);
    ep = q + 1;
  } else if (c === 40 || c === 41 || c === 36) { // captures; '$' may be the end anchor
    return -1;
  } else {
    ep = p + 1;
  }
  return ep;
}

/** What the search loops of find/match/gmatch/gsub know about a pattern before matching (cached per pattern
 * text: programs use a few patterns many times). */
interface PatInfo {
  /** Starts with '^' (an anchor for find/match/gsub; gmatch reads it as a literal). */
  anchor: boolean;
  /** No special characters at all: matches are the occurrences of the pattern's text (indexOf). */
  plain: boolean;
  /** A byte every match must start with (never for an anchored pattern), else -1. */
  lit: number;
  litStr: string;
  /** Every match begins with one char of a single-char class: its bytes (1 = member), else null. */
  set: Uint8Array | null;
  /** The pattern is exactly one single-char class (no quantifier, capture or anchor): every match is one
   * char, a member of `set`. */
  single: boolean;
  /** The pattern is one single-char class followed by '+' (no anchor, nothing else): every match is the
   * longest run of members of `set` from its start ("%a+", "[%w_]+", "%S+"). */
  run: boolean;
  /** The pattern is '^', one single-char class and '*' or '+' (the quantifier's code; else 0): find/match's
   * match is the run of members of runSet at the start position ("^%s*", "^[ \n\r\t]*"). */
  headQ: number;
  headSet: Uint8Array | null;
  /** The pattern is a run of one class, optionally captured, then one char of a disjoint class ("%a+%s",
   * "(%w+),"): the sets (runX, runY; null otherwise) and whether the run is captured. As the two classes
   * share no byte, the greedy run can never give back chars to the final item: a match is a maximal run
   * followed by a member of runY, and no attempt inside a run that fails can succeed. */
  runX: Uint8Array | null;
  runY: Uint8Array | null;
  runCap: boolean;
  /** Same for gmatch (from position 0). */
  lit0: number;
  litStr0: string;
  set0: Uint8Array | null;
  /** MatchState.sets for this pattern (NO_SETS when the pattern is not cached). */
  sets: (Uint8Array | undefined)[];
  /** The pattern as a host regex (strregex.ts) for find/match/gsub (rx: '^' anchors) and gmatch (rx0):
   * undefined until decided, null when the matcher must run it. Built at the second use (see regexOf). */
  rx: PatRegex | null | undefined;
  rx0: PatRegex | null | undefined;
  uses: number;
}

const infoCache = new Map<string, PatInfo>();
const INFO_CACHE_MAX = 256;
/** Longer patterns are analysed at each call (a cache keyed by huge strings would keep them alive). */
const INFO_PATTERN_MAX = 128;

/** The last pattern analysed (a loop usually applies one pattern many times: no hashing then). */
let lastPat = '';
let lastInfo: PatInfo | undefined;

function patInfo(pat: string): PatInfo {
  if (pat === lastPat && lastInfo !== undefined) return lastInfo;
  let info = infoCache.get(pat);
  if (info === undefined) info = analyse(pat);
  if (pat.length <= INFO_PATTERN_MAX) {
    lastPat = pat;
    lastInfo = info;
  }
  return info;
}

function analyse(pat: string): PatInfo {
  let info: PatInfo;
  const anchor = pat.charCodeAt(0) === 94;
  const lit = anchor ? -1 : firstLiteral(pat, 0);
  const isRun = !anchor && firstItemEnd(pat, 0) === pat.length - 1 && pat.charCodeAt(pat.length - 1) === 43;
  // (a run of a literal char, 'x+', gets its set too: the run paths read it)
  const set = lit >= 0 && !isRun ? null : firstSet(pat, anchor ? 1 : 0);
  const lit0 = lit;
  const set0 = anchor ? firstSet(pat, 0) : set;
  info = {
    // (a ')' is no special for find's plain test, but the matcher would raise "invalid pattern capture")
    anchor, plain: pat.length > 0 && noSpecials(pat) && pat.indexOf(')') < 0,
    lit, litStr: lit >= 0 ? String.fromCharCode(lit) : '', set,
    single: !anchor && set !== null && firstItemEnd(pat, 0) === pat.length,
    run: isRun && set !== null,
    headQ: 0, headSet: null, runX: null, runY: null, runCap: false,
    lit0, litStr0: lit0 >= 0 ? String.fromCharCode(lit0) : '', set0,
    sets: pat.length <= INFO_PATTERN_MAX && pat.indexOf('[') >= 0 ? [] : NO_SETS,
    rx: undefined, rx0: undefined, uses: 0,
  };
  if (!anchor) runThen(pat, info);
  if (anchor) {
    const ep = itemEnd(pat, 1);
    const q = pat.charCodeAt(ep);
    if (ep > 0 && ep === pat.length - 1 && (q === 42 || q === 43)) {
      info.headQ = q;
      info.headSet = classSet(pat, 1, ep);
    }
  }
  if (pat.length <= INFO_PATTERN_MAX) {
    if (infoCache.size >= INFO_CACHE_MAX) infoCache.clear();
    infoCache.set(pat, info);
  }
  return info;
}

/** Fills info.runX/runY/runCap when the (unanchored) pattern is "X+Y" or "(X+)Y" with disjoint classes. */
function runThen(pat: string, info: PatInfo): void {
  const cap = pat.charCodeAt(0) === 40;
  const p = cap ? 1 : 0;
  const xe = itemEnd(pat, p);
  if (xe < 0 || pat.charCodeAt(xe) !== 43) return;
  let q = xe + 1;
  if (cap) {
    if (pat.charCodeAt(q) !== 41) return;
    q++;
  }
  const ye = itemEnd(pat, q);
  if (ye < 0 || ye !== pat.length) return;
  const x = classSet(pat, p, xe);
  const y = classSet(pat, q, ye);
  for (let b = 0; b < 256; b++) if (x[b] === 1 && y[b] === 1) return;
  info.runX = x;
  info.runY = y;
  info.runCap = cap;
}

/** The bytes that can begin a match of pattern[p..] when every match begins with one char of a single-char
 * class (after up to a few capture openings, which consume nothing), else null. Skipping start positions whose
 * char is not in the set changes no result: PUC's attempt there fails at that item, without side effects. */
function firstSet(pat: string, p: number): Uint8Array | null {
  let q = p;
  // a capture opening consumes nothing; a few of them cannot reach "too many captures"
  while (q < p + 8 && pat.charCodeAt(q) === 40 && pat.charCodeAt(q + 1) !== 41) q++;
  const ep = firstItemEnd(pat, q);
  if (ep < 0) return null;
  return classSet(pat, q, ep);
}

/** The bytes matched by the single-char class pat[q..ep). */
export function classSet(pat: string, q: number, ep: number): Uint8Array {
  const set = new Uint8Array(256);
  const c = pat.charCodeAt(q);
  for (let b = 0; b < 256; b++) {
    let m: boolean;
    if (c === 46) m = true;
    else if (c === ESC) m = matchClass(b, pat.charCodeAt(q + 1));
    else if (c === 91) m = matchBracketClass(pat, b, q, ep - 1);
    else m = c === b;
    if (m) set[b] = 1;
  }
  return set;
}

/** The first position >= s whose char is in `set` (end: srcEnd). */
function skipTo(src: string, s: number, end: number, set: Uint8Array): number {
  while (s < end && set[src.charCodeAt(s)] === 0) s++;
  return s;
}

/** The first position >= s whose char is not in `set` (end: srcEnd). */
function skipOver(src: string, s: number, end: number, set: Uint8Array): number {
  while (s < end && set[src.charCodeAt(s)] === 1) s++;
  return s;
}

/** Position arguments (luaL_checkinteger results) as JS numbers: beyond 2^53 only their sign and size matter. */
function posArg(v: number | bigint): number {
  return typeof v === 'number' ? v : Number(v);
}

/** posrelatI: a 1-based start position, negative from the end, clipped to [1, inf). */
export function startPos(pos: number | bigint, len: number): number {
  const p = posArg(pos);
  if (p > 0) return p;
  if (p === 0) return 1;
  if (p < -len) return 1;
  return len + p + 1;
}

/* ------------------------------------------------------------------------------------- the regex route */

const TOOLS = { itemEnd, classSet };

/** The host regex running pattern `pat` exactly (strregex.ts), or null: the matcher runs it. A pattern gets
 * its regex at its second use (compiling one costs more than matching once); `anchorable` as patternRegex. */
function regexOf(info: PatInfo, pat: string, anchorable: boolean): PatRegex | null {
  const known = anchorable ? info.rx : info.rx0;
  if (known !== undefined) return known;
  if (info.uses++ === 0) return null;
  const rx = patternRegex(pat, anchorable, TOOLS);
  if (anchorable) info.rx = rx;
  else info.rx0 = rx;
  if (!info.anchor) info.rx = info.rx0 = rx; // without a leading '^' both readings are the same
  return rx;
}

/** The first match of rx in s at or after `from` (sticky: at `from`), null for none, or undefined when the
 * engine gave up (its backtracking stack exhausted): the caller then searches with the matcher. */
function execFrom(rx: PatRegex, s: string, from: number): RegExpExecArray | null | undefined {
  const re = rx.re;
  re.lastIndex = from;
  try {
    return re.exec(s);
  } catch {
    return undefined;
  }
}

/** Capture i (0-based) of a regex match: its text, or its position for a position capture. */
function rxCapture(rx: PatRegex, m: RegExpExecArray, i: number): string | number {
  const pos = rx.pos;
  if (pos !== null && pos[i]) return m.indices![i + 1][0] + 1;
  return m[i + 1];
}

/** All captures of a regex match (the whole match when the pattern has none), as captures() gives them. */
function rxCaptures(rx: PatRegex, m: RegExpExecArray): LuaValue[] {
  const n = rx.ncap;
  if (n === 0) return [m[0]];
  if (n === 1) return [rxCapture(rx, m, 0)];
  const out: LuaValue[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = rxCapture(rx, m, i);
  return out;
}

/** find/match through the regex: the results, or undefined when the engine gave up. */
function findRegex(rx: PatRegex, s: string, init: number, find: boolean): LuaValue[] | undefined {
  const m = execFrom(rx, s, init);
  if (m === undefined) return undefined;
  if (m === null) return [undefined];
  if (!find) return rxCaptures(rx, m);
  const st = m.index;
  const nc = rx.ncap;
  if (nc === 0) return [st + 1, st + m[0].length];
  const res: LuaValue[] = [st + 1, st + m[0].length];
  for (let i = 0; i < nc; i++) res.push(rxCapture(rx, m, i));
  return res;
}

/* ---------------------------------------------------------------------------------------- find and match */

/** The results of findFixed: R1..Rk. */
let R1: LuaValue, R2: LuaValue, R3: LuaValue;

/** find/match (find = true/false) of p in s from init (0-based, <= #s) when the answer needs no matcher: a
 * plain find (`plain` = the 4th argument is true), or a pattern whose matches have a fixed form (PatInfo:
 * text without specials, '^' + a run, a run then one char of another class, one class or a run of it).
 * The number of results, left in R1..R3 (1 with R1 = nil for no match), or -1: the caller runs the general
 * search. Allocates nothing but the texts returned. */
function findFixed(s: string, p: string, init: number, plain: boolean, find: boolean): number {
  const ls = s.length;
  if (find && (plain || noSpecials(p))) {
    const i = s.indexOf(p, init);
    if (i < 0) return nothing();
    R1 = i + 1;
    R2 = i + p.length;
    return 2;
  }
  const info = patInfo(p);
  if (info.plain) { // match without specials: the whole match is the pattern's text
    if (s.indexOf(p, init) < 0) return nothing();
    R1 = p;
    return 1;
  }
  if (info.headQ !== 0) { // '^' and a run of one class: the run at init (may be empty with '*')
    const set = info.headSet!;
    if (info.headQ === 43 && (init >= ls || set[s.charCodeAt(init)] === 0)) return nothing();
    const e = skipOver(s, init, ls, set);
    return find ? two(init + 1, e) : one(s.slice(init, e));
  }
  if (info.runY !== null) { // a run then one char of another class (see PatInfo.runX)
    const x = info.runX!, y = info.runY;
    let s1 = init;
    for (;;) {
      s1 = skipTo(s, s1, ls, x);
      if (s1 >= ls) return nothing();
      const e = skipOver(s, s1 + 1, ls, x);
      if (e < ls && y[s.charCodeAt(e)] === 1) {
        if (!find) return one(info.runCap ? s.slice(s1, e) : s.slice(s1, e + 1));
        R1 = s1 + 1;
        R2 = e + 1;
        if (!info.runCap) return 2;
        R3 = s.slice(s1, e);
        return 3;
      }
      s1 = e + 1;
    }
  }
  if (info.run || info.single) { // one class, or a run of it: the first member (and as many more as follow)
    const set = info.set!;
    const s1 = skipTo(s, init, ls, set);
    if (s1 >= ls) return nothing();
    const e = info.run ? skipOver(s, s1 + 1, ls, set) : s1 + 1;
    return find ? two(s1 + 1, e) : one(s.slice(s1, e));
  }
  return -1;
}

function nothing(): number {
  R1 = undefined;
  return 1;
}

function one(v: LuaValue): number {
  R1 = v;
  return 1;
}

function two(a: LuaValue, b: LuaValue): number {
  R1 = a;
  R2 = b;
  return 2;
}

/** Fast entries (runtime/fastnative.ts) of find and match (find = true/false): the fixed-form answers
 * without argument or result arrays; NOFAST for the rest (the general entry, through viaArgs, does it). The
 * second result goes to SECOND.v. */
export function findEntry(find: boolean): FastFn {
  return (_L, n, s, p, i, pl) => {
    if (typeof s !== 'string' || typeof p !== 'string' || n > 4) return NOFAST;
    let init = 0;
    if (n >= 3 && i !== undefined) {
      if (typeof i !== 'number' || Math.floor(i) !== i) return NOFAST;
      init = startPos(i, s.length) - 1;
      if (init > s.length) {
        SECOND.v = undefined;
        return undefined;
      }
    }
    const k = findFixed(s, p, init, n >= 4 && pl !== undefined && pl !== false, find);
    if (k < 0) return NOFAST;
    SECOND.v = k > 1 ? R2 : undefined;
    return R1;
  };
}


/** string.find (find = true) and string.match. */
export function strFind(L: LuaState, args: LuaValue[], find: boolean): LuaValue[] {
  const s = checkString(L, args, 1);
  const p = checkString(L, args, 2);
  const ls = s.length;
  const init = startPos(optInteger(L, args, 3, 1), ls) - 1;
  if (init > ls) return [undefined];
  const a4 = args[3];
  const k = findFixed(s, p, init, a4 !== undefined && a4 !== false, find);
  if (k >= 0) return k === 1 ? [R1] : k === 2 ? [R1, R2] : [R1, R2, R3];
  const info = patInfo(p);
  const rx = regexOf(info, p, true);
  if (rx !== null) {
    const r = findRegex(rx, s, init, find);
    if (r !== undefined) return r;
  }
  const ms = acquire(L, s, p);
  const anchor = info.anchor;
  const p0 = anchor ? 1 : 0;
  const lit = info.lit;
  const set = info.set;
  let s1 = init;
  do {
    if (lit >= 0) {
      s1 = s.indexOf(info.litStr, s1);
      if (s1 < 0) break;
    } else if (set !== null) {
      if (anchor) {
        if (s1 >= ls || set[s.charCodeAt(s1)] === 0) break;
      } else {
        s1 = skipTo(s, s1, ls, set);
        if (s1 >= ls) break;
      }
    }
    ms.reset();
    const e = doMatch(ms, s1, p0);
    if (e !== -1) {
      let res: LuaValue[];
      if (!find) {
        res = captures(ms, s1, e);
      } else {
        const nc = ms.level;
        res = [s1 + 1, e];
        for (let i = 0; i < nc; i++) res.push(getCapture(ms, i, s1, e));
      }
      release(ms);
      return res;
    }
  } while (s1++ < ls && !anchor);
  release(ms);
  return [undefined];
}

/* ------------------------------------------------------------------------------------------------- gmatch */

/** string.gmatch(s, pattern [, init]): an iterator over successive matches. '^' is not an anchor here. */
export function strGmatch(L: LuaState, args: LuaValue[]): LuaValue[] {
  const s = checkString(L, args, 1);
  const p = checkString(L, args, 2);
  const ls = s.length;
  let pos = startPos(optInteger(L, args, 3, 1), ls) - 1;
  if (pos > ls) pos = ls + 1;
  const ms = new MatchState(L);
  ms.prepare(s, p);
  let lastMatch = -1;
  const info = patInfo(p);
  const lit = info.lit0;
  const litStr = info.litStr0;
  const set = info.set0;
  if (info.run) {
    // a run of one class (see PatInfo.run): no matcher; runs are never empty, so never at lastMatch
    const runSet = set!;
    const step = (): string | undefined => {
      const src = skipTo(s, pos, ls, runSet);
      if (src >= ls) {
        pos = ls + 1;
        return undefined;
      }
      const e = skipOver(s, src + 1, ls, runSet);
      pos = e;
      return s.slice(src, e);
    };
    return [stepIterator(step, s, p, ms)];
  }
  if (info.runY !== null) {
    // a run then one char of another class (see PatInfo.runX): no matcher; matches are never empty
    const x = info.runX!, y = info.runY, cap = info.runCap;
    const step = (): string | undefined => {
      let src = pos;
      for (;;) {
        src = skipTo(s, src, ls, x);
        if (src >= ls) {
          pos = ls + 1;
          return undefined;
        }
        const e = skipOver(s, src + 1, ls, x);
        if (e < ls && y[s.charCodeAt(e)] === 1) {
          pos = e + 1;
          return cap ? s.slice(src, e) : s.slice(src, e + 1);
        }
        src = e + 1;
      }
    };
    return [stepIterator(step, s, p, ms)];
  }
  /** The start of the next match (its end in `mEnd`), or -1 at the end; changes no state. */
  let mEnd = -1;
  /** The host regex for the pattern once decided (undefined before), and the regex match found by the last
   * search (null when the matcher found it: its captures are then in ms). */
  let rx: PatRegex | null | undefined;
  let lastM: RegExpExecArray | null = null;
  const search = (L2: LuaState): number => {
    ms.L = L2;
    if (rx === undefined) {
      const r = regexOf(info, p, false);
      if (r !== null || info.rx0 !== undefined) rx = r;
    }
    if (rx != null) {
      for (let from = pos; from <= ls;) {
        const m = execFrom(rx, s, from);
        if (m === undefined) { // the engine gave up: the matcher searches from pos
          rx = null;
          break;
        }
        if (m === null) return -1;
        const st = m.index;
        const e = st + m[0].length;
        if (e === lastMatch) { // the empty match just after the last one: PUC moves to the next position
          from = st + 1;
          continue;
        }
        lastM = m;
        mEnd = e;
        return st;
      }
      if (rx !== null) return -1;
    }
    lastM = null;
    for (let src = pos; src <= ls; src++) {
      if (lit >= 0) {
        src = s.indexOf(litStr, src);
        if (src < 0) break;
      } else if (set !== null) {
        src = skipTo(s, src, ls, set);
        if (src >= ls) break;
      }
      ms.reset();
      const e = doMatch(ms, src, 0);
      if (e !== -1 && e !== lastMatch) {
        mEnd = e;
        return src;
      }
    }
    return -1;
  };
  const iter = (L2: LuaState): LuaValue[] => {
    const src = search(L2);
    if (src < 0) {
      pos = ls + 1;
      return NONE;
    }
    pos = lastMatch = mEnd;
    return lastM !== null ? rxCaptures(rx!, lastM) : captures(ms, src, mEnd);
  };
  // the first capture, taken before the state moves on: an error (raised again by the general entry) must
  // find the iterator unchanged
  const fast: FastFn = (L2) => {
    let src: number, r: LuaValue;
    try {
      src = search(L2);
      if (src >= 0) r = lastM !== null ? (rx!.ncap === 0 ? lastM[0] : rxCapture(rx!, lastM, 0)) : getCapture(ms, 0, src, mEnd);
    } catch {
      return NOFAST;
    }
    if (src < 0) {
      pos = ls + 1;
      return undefined;
    }
    pos = lastMatch = mEnd;
    return r;
  };
  // the same for two results (`for k, v in s:gmatch("(%w+)=(%w+)")`): the first two captures (the second
  // undefined when there is only one, or only the whole match)
  const fast2: FastFn = (L2) => {
    let src: number, r: LuaValue, r2: LuaValue;
    try {
      src = search(L2);
      if (src >= 0) {
        if (lastM !== null) {
          const nc = rx!.ncap;
          r = nc === 0 ? lastM[0] : rxCapture(rx!, lastM, 0);
          r2 = nc > 1 ? rxCapture(rx!, lastM, 1) : undefined;
        } else {
          r = getCapture(ms, 0, src, mEnd);
          r2 = ms.level > 1 ? getCapture(ms, 1, src, mEnd) : undefined;
        }
      }
    } catch {
      return NOFAST;
    }
    if (src < 0) {
      pos = ls + 1;
      SECOND.v = undefined;
      return undefined;
    }
    pos = lastMatch = mEnd;
    SECOND.v = r2;
    return r;
  };
  const fn = new FastNative('gmatch_aux', iter, fast, false, fast2);
  fn.gcRefs = [s, p, new Userdata(ms)]; // lstrlib's gmatch_aux closure: subject, pattern, match state
  return [fn];
}

/* --------------------------------------------------------------------------------------------------- gsub */

/** string.gsub(s, pattern, repl [, n]). */
export function strGsub(L: LuaState, args: LuaValue[]): LuaValue[] {
  const src = checkString(L, args, 1);
  const p = checkString(L, args, 2);
  const repl = args[2];
  const srcLen = src.length;
  const maxN = posArg(optInteger(L, args, 4, srcLen + 1));
  const isFn = repl instanceof LuaFunction;
  if (!(isFn || repl instanceof LuaTable || typeof repl === 'string' || isNumber(repl))) {
    typeError(L, 3, 'string/function/table', repl, args);
  }
  const info = patInfo(p);
  const ms = acquire(L, src, p);
  const rs = isFn || repl instanceof LuaTable ? undefined : toStringCoerce(repl)!;
  if (info.plain || info.single || info.run) return gsubFixed(L, ms, info, repl, rs, isFn, maxN);
  const anchor = info.anchor;
  const p0 = anchor ? 1 : 0;
  const simpleRepl = rs !== undefined && rs.indexOf('%') < 0;
  const lit = info.lit;
  const litStr = info.litStr;
  const set = info.set;
  let out = '';
  let copied = 0; // src[copied..s) is unchanged text not yet appended to out
  let changed = false;
  let n = 0;
  let s = 0;
  let lastMatch = -1;
  let rx = regexOf(info, p, true);
  let tmpl: (string | number)[] | null = null;
  if (rx !== null && rs !== undefined && !simpleRepl) {
    tmpl = replTemplate(rs, rx.ncap);
    if (tmpl === null) rx = null; // a bad '%' use: the general path raises it at the first match
  }
  while (n < maxN) {
    if (rx !== null) { // the next match is the regex's next one (PUC's loop would find no other first)
      const m = execFrom(rx, src, s);
      if (m === undefined) { // the engine gave up: the matcher goes on from s
        rx = null;
        continue;
      }
      if (m === null) break;
      const st = m.index;
      const e = st + m[0].length;
      if (e === lastMatch) { // the empty match just after the last one: PUC skips this position
        if (st >= srcLen || anchor) break;
        s = st + 1;
        continue;
      }
      n++;
      let v: string | undefined;
      if (simpleRepl) v = rs;
      else if (tmpl !== null) v = applyTemplate(tmpl, rx, m);
      else v = rxReplacementValue(L, ms, rx, m, repl, isFn);
      if (v !== undefined) {
        out += src.slice(copied, st) + v;
        copied = e;
        changed = true;
      }
      s = lastMatch = e;
      if (anchor) break;
      continue;
    }
    if (lit >= 0) {
      const j = src.indexOf(litStr, s);
      if (j < 0) break;
      s = j;
    } else if (set !== null && !anchor) {
      s = skipTo(src, s, srcLen, set);
      if (s >= srcLen) break; // no match can start at the end either
    }
    let e = -1;
    if (set === null || (s < srcLen && set[src.charCodeAt(s)] !== 0)) {
      ms.reset();
      e = doMatch(ms, s, p0);
    }
    if (e !== -1 && e !== lastMatch) {
      n++;
      let v: string | undefined;
      if (simpleRepl) v = rs;
      else if (rs !== undefined) v = expandReplacement(ms, rs, s, e);
      else v = replacementValue(L, ms, repl, isFn, s, e);
      if (v !== undefined) {
        out += src.slice(copied, s) + v;
        copied = e;
        changed = true;
      }
      s = lastMatch = e;
    } else if (s < srcLen) {
      s++;
    } else {
      break;
    }
    if (anchor) break;
  }
  release(ms);
  if (!changed) return [src, n];
  return [out + src.slice(copied), n];
}

/** gsub for patterns whose matches have a fixed form: a text without specials (its occurrences, found with
 * indexOf), one single-char class (each member char is a match) or a run of one class (each maximal run of
 * members). Matches are never empty, so PUC's scan finds exactly these, left to right; replacements are
 * those of the general loop. */
function gsubFixed(L: LuaState, ms: MatchState, info: PatInfo, repl: LuaValue, rs: string | undefined,
  isFn: boolean, maxN: number): LuaValue[] {
  const src = ms.src, srcLen = ms.srcEnd;
  const plain = info.plain;
  const pat = ms.pat;
  const plen = plain ? pat.length : 1;
  const set = info.set!;
  const simpleRepl = rs !== undefined && rs.indexOf('%') < 0;
  let out = '';
  let copied = 0;
  let changed = false;
  let n = 0;
  let s = 0;
  while (n < maxN) {
    if (plain) {
      s = src.indexOf(pat, s);
      if (s < 0) break;
    } else {
      s = skipTo(src, s, srcLen, set);
      if (s >= srcLen) break;
    }
    const e = plain ? s + plen : info.run ? skipOver(src, s + 1, srcLen, set) : s + 1;
    n++;
    let v: string | undefined;
    if (simpleRepl) v = rs;
    else {
      ms.reset(); // no captures: %0, %1 and a table key are the whole match
      if (rs !== undefined) v = expandReplacement(ms, rs, s, e);
      else v = replacementValue(L, ms, repl, isFn, s, e);
    }
    if (v !== undefined) {
      out += src.slice(copied, s) + v;
      copied = e;
      changed = true;
    }
    s = e;
  }
  release(ms);
  if (!changed) return [src, n];
  return [out + src.slice(copied), n];
}

/** gsub's fast entry (runtime/fastnative.ts) for `s:gsub(p, r)` when p's matches have a fixed form (as
 * gsubFixed) and r is a string without '%' or a table without a metatable: the same scan without argument,
 * result or match-state objects. The count goes to SECOND.v. NOFAST for anything else, and for a table
 * value that is neither nil, false, a string nor a number (the general entry raises that error; reading a
 * plain table has no visible effect). */
export function gsubEntry(_L: LuaState, n: number, src: LuaValue, p: LuaValue, repl: LuaValue): LuaValue | typeof NOFAST {
  if (n !== 3 || typeof src !== 'string' || typeof p !== 'string') return NOFAST;
  let rs: string | undefined;
  let tbl: LuaTable | undefined;
  if (typeof repl === 'string') {
    if (repl.indexOf('%') >= 0) return NOFAST;
    rs = repl;
  } else if (repl instanceof LuaTable && repl.metatable === undefined) {
    tbl = repl;
  } else {
    return NOFAST;
  }
  const info = patInfo(p);
  const plain = info.plain;
  if (!(plain || info.single || info.run)) return NOFAST;
  const srcLen = src.length;
  const plen = plain ? p.length : 1;
  if (plain && rs === p) { // every match is replaced by its own text (`select(2, s:gsub('\n', '\n'))` counts)
    let count = 0;
    for (let s = src.indexOf(p); s >= 0; s = src.indexOf(p, s + plen)) count++;
    SECOND.v = count;
    return src;
  }
  const set = info.set!;
  const run = info.run;
  let out = '';
  let copied = 0;
  let count = 0;
  let s = 0;
  for (;;) {
    if (plain) {
      s = src.indexOf(p, s);
      if (s < 0) break;
    } else {
      s = skipTo(src, s, srcLen, set);
      if (s >= srcLen) break;
    }
    const e = plain ? s + plen : run ? skipOver(src, s + 1, srcLen, set) : s + 1;
    count++;
    let v: string | undefined = rs;
    if (tbl !== undefined) {
      const x = tbl.get(src.slice(s, e));
      if (x === undefined || x === false) v = undefined;
      else if (typeof x === 'string') v = x;
      else if (typeof x === 'number' || isNumber(x)) v = toStringCoerce(x);
      else return NOFAST;
    }
    if (v !== undefined) {
      out += src.slice(copied, s) + v;
      copied = e;
    }
    s = e;
  }
  SECOND.v = count;
  return copied === 0 ? src : out + src.slice(copied);
}

/** The last replacement string gsubReplace translated, for how many captures, and its translation. */
let lastRs = '', lastNcap = -1, lastJs: string | null = '';

/** A Lua replacement string as a JS replacement pattern for a regex with ncap captures (what replTemplate
 * decodes, in String.prototype.replace's syntax: '$&' the whole match, '$0n'/'$nn' capture n, always two
 * digits so that a digit after it stays a digit, '$$' a '$'), or null for an invalid '%' use. */
function jsReplacement(rs: string, ncap: number): string | null {
  if (rs === lastRs && ncap === lastNcap) return lastJs;
  let out = '';
  for (let i = 0; i < rs.length; i++) {
    const c = rs.charCodeAt(i);
    if (c === 36) { // '$'
      out += '$$';
    } else if (c === ESC) {
      const d = rs.charCodeAt(++i);
      if (d === ESC) {
        out += '%';
      } else if (d >= 48 && d <= 57) {
        const l = d - 49;
        if (l >= ncap && l > 0) return null;
        out += l < 0 || l >= ncap ? '$&' : l < 9 ? '$0' + (l + 1) : '$' + (l + 1);
      } else {
        return null;
      }
    } else {
      out += rs[i];
    }
  }
  lastRs = rs;
  lastNcap = ncap;
  lastJs = out;
  return out;
}

/** gsub's one-result fast entry (the count is not wanted) for `s:gsub(p, r)` with r a string, when p has a
 * host regex (strregex.ts) whose matches are never empty: String.prototype.replace with the global regex,
 * which replaces the same matches as PUC's loop (the leftmost match from where the last one ended; with no
 * empty match, PUC's skip of an empty match at the end of the previous one never happens) without a JS
 * object per match. NOFAST for anything else, for an invalid replacement (the general entry raises it) and
 * when the engine gives up (the general entry then runs the matcher). */
export function gsubReplace(n: number, src: LuaValue, p: LuaValue, repl: LuaValue): LuaValue | typeof NOFAST {
  if (n !== 3 || typeof src !== 'string' || typeof p !== 'string' || typeof repl !== 'string') return NOFAST;
  const info = patInfo(p);
  if (info.anchor) return NOFAST;
  const rx = regexOf(info, p, true);
  if (rx === null || !rx.nonEmpty || rx.pos !== null) return NOFAST;
  const js = jsReplacement(repl, rx.ncap);
  if (js === null) return NOFAST;
  try {
    return src.replace(rx.re, js);
  } catch {
    return NOFAST;
  }
}

/** A replacement string with %0-%9 and %% expanded (add_s). */
function expandReplacement(ms: MatchState, rs: string, s: number, e: number): string {
  let out = '';
  let from = 0;
  let i: number;
  while ((i = rs.indexOf('%', from)) >= 0) {
    out += rs.slice(from, i);
    const c = rs.charCodeAt(i + 1);
    if (c === ESC) out += '%';
    else if (c === 48) out += ms.src.slice(s, e);
    else if (c >= 49 && c <= 57) out += String(getCapture(ms, c - 49, s, e));
    else error(ms, "invalid use of '%' in replacement string");
    from = i + 2;
  }
  return out + rs.slice(from);
}

/** The engine's call wanting one result without a result array, when it has one (State.callFirst). */
type FirstCall = (fn: LuaValue, args: LuaValue[], site?: CallbackSite) => LuaValue;

/** The value of a table or function replacement as text, or undefined to keep the original match. */
function replacementValue(L: LuaState, ms: MatchState, repl: LuaValue, isFn: boolean, s: number, e: number):
  string | undefined {
  let v: LuaValue;
  if (isFn) {
    const first = (L as LuaState & { callFirst?: FirstCall }).callFirst;
    v = first !== undefined ? first.call(L, repl, captures(ms, s, e), ms.site) : L.call(repl, captures(ms, s, e))[0];
  } else {
    const key = getCapture(ms, 0, s, e);
    // a table without a metatable is read raw (what L.index would do, without its dispatch)
    v = repl instanceof LuaTable && repl.metatable === undefined ? repl.get(key) : L.index(repl, key);
  }
  return replacementText(ms, v);
}

/** A table or function replacement's value as text (add_value): undefined keeps the original match. */
function replacementText(ms: MatchState, v: LuaValue): string | undefined {
  if (v === undefined || v === false) return undefined;
  const str = toStringCoerce(v);
  if (str === undefined) error(ms, `invalid replacement value (a ${typeName(v)})`);
  return str;
}

/** replacementValue for a regex match m. */
function rxReplacementValue(L: LuaState, ms: MatchState, rx: PatRegex, m: RegExpExecArray, repl: LuaValue,
  isFn: boolean): string | undefined {
  let v: LuaValue;
  if (isFn) {
    const first = (L as LuaState & { callFirst?: FirstCall }).callFirst;
    v = first !== undefined ? first.call(L, repl, rxCaptures(rx, m), ms.site) : L.call(repl, rxCaptures(rx, m))[0];
  } else {
    const key = rx.ncap === 0 ? m[0] : rxCapture(rx, m, 0);
    v = repl instanceof LuaTable && repl.metatable === undefined ? repl.get(key) : L.index(repl, key);
  }
  return replacementText(ms, v);
}

/** A replacement string decoded for regex matches: literal texts at even indices, between them the capture
 * each '%n' stands for (0-based; -1 = the whole match: '%0', or '%1' in a pattern without captures); null
 * when rs has an invalid '%' use or capture index, which the general path raises at the first match. */
function replTemplate(rs: string, ncap: number): (string | number)[] | null {
  const parts: (string | number)[] = [];
  let lit = '';
  let from = 0;
  let i: number;
  while ((i = rs.indexOf('%', from)) >= 0) {
    lit += rs.slice(from, i);
    const c = rs.charCodeAt(i + 1);
    if (c === ESC) {
      lit += '%';
    } else if (c >= 48 && c <= 57) {
      const l = c - 49;
      if (l >= ncap && l > 0) return null;
      parts.push(lit, l >= ncap ? -1 : l);
      lit = '';
    } else {
      return null;
    }
    from = i + 2;
  }
  parts.push(lit + rs.slice(from));
  return parts;
}

function applyTemplate(t: (string | number)[], rx: PatRegex, m: RegExpExecArray): string {
  let out = t[0] as string;
  for (let i = 1; i < t.length; i += 2) {
    const k = t[i] as number;
    out += (k < 0 ? m[0] : String(rxCapture(rx, m, k))) + (t[i + 1] as string);
  }
  return out;
}

/** A gmatch iterator whose matches are one string each (or undefined at the end), computed by `step`, which
 * is also its fast entry. gcRefs as lstrlib's gmatch_aux closure: subject, pattern, match state. */
function stepIterator(step: () => string | undefined, s: string, p: string, ms: object): FastNative {
  const fn = new FastNative('gmatch_aux', () => {
    const r = step();
    return r === undefined ? NONE : [r];
  }, step, false, () => {
    SECOND.v = undefined;
    return step();
  });
  fn.gcRefs = [s, p, new Userdata(ms)];
  return fn;
}
