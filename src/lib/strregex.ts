/*
 * Lua patterns run by the host's regular expression engine, when that gives exactly the matcher's results.
 *
 * A Lua pattern is a flat sequence of items: single-char classes with an optional quantifier, capture
 * parentheses (never quantified, no alternation), back references, %f frontiers, '$' at the end. For such a
 * sequence, PUC's backtracking matcher and a JS backtracking regex explore the same alternatives in the same
 * order ('*' and '+' longest first, '-' shortest first (lazy '*?'), '?' with the char first, a capture is
 * only positions), and a non-sticky global regex searched from lastIndex tries the start positions in the
 * same order as PUC's loop (init, init + 1, ..., the end). So for one start position both find the same first
 * match, with the same captures. Translation (per byte string, char codes 0..255, no regex flags that change
 * matching): each class becomes a '[...]' of the bytes it matches (computed with the matcher's own class
 * tests), '-' becomes '*?', a back reference '%n' becomes '(?:\n)', '%f[set]' becomes lookarounds reading a
 * missing neighbour as '\0' (as PUC does), '()' an empty group whose index ('d' flag) is the position.
 *
 * Only patterns where this is exact are translated; the others (null) stay with the matcher:
 *  - any malformed part, anywhere ("malformed pattern", "invalid capture index", "invalid pattern capture",
 *    an unclosed capture): PUC raises those only when the match reaches them, which the matcher reproduces;
 *  - %b (balanced runs are not regular), position captures (slower through the 'd' flag; supported with
 *    POSITION_CAPTURES), more than LUA_MAXCAPTURES captures;
 *  - patterns that could hit the matcher's depth limit ("pattern too complex"): the matcher's recursion only
 *    moves forward in the pattern, one level per capture parenthesis and quantified item at most, so a pattern
 *    with fewer than MAX_NEST of them never reaches MAXCCALLS (200).
 * A regex that throws while matching (the engine's backtracking stack exhausted on a huge subject) makes the
 * caller redo that search with the matcher: exec has no other effect.
 */

/** Patterns with at least this many capture parentheses + quantifiers stay with the matcher (< 200 - margin). */
const MAX_NEST = 180;
const MAX_CAPTURES = 32;
/** Translate patterns with position captures '()' (see patternRegex). */
const POSITION_CAPTURES = false;

/** A translated pattern. */
export interface PatRegex {
  /** Global regex (search from lastIndex), or sticky for an anchored pattern ('^'): one attempt at lastIndex. */
  readonly re: RegExp;
  /** Number of Lua captures (= regex groups, in the same order). */
  readonly ncap: number;
  /** Per capture: is it a position capture '()'? null when there is none (no 'd' flag then). */
  readonly pos: boolean[] | null;
  /** No match can be empty (every match has at least one char): the pattern has an item that must match a
   * char (a class without quantifier or with '+'). Back references and frontiers count as empty. */
  readonly nonEmpty: boolean;
}

/** Class test helpers of the matcher (strpattern.ts), passed in to keep the modules acyclic. */
export interface ClassTools {
  /** End of the single-char class at p, or -1 (not a class, or malformed). */
  itemEnd(pat: string, p: number): number;
  /** The bytes the single-char class pat[p..ep) matches (1 = member). */
  classSet(pat: string, p: number, ep: number): Uint8Array;
}

const HEX = '0123456789abcdef';

function hexByte(b: number): string {
  return '\\x' + HEX[b >> 4] + HEX[b & 15];
}

/** Regex source for a set of bytes: one escaped byte, a '[...]' of ranges, '[]' (nothing), '[^]' (anything). */
function setSource(set: Uint8Array, negateInClass = false): string {
  let body = '';
  let count = 0;
  let single = -1;
  for (let b = 0; b < 256;) {
    if (set[b] === 0) {
      b++;
      continue;
    }
    let e = b;
    while (e + 1 < 256 && set[e + 1] === 1) e++;
    count += e - b + 1;
    single = b;
    body += b === e ? hexByte(b) : e === b + 1 ? hexByte(b) + hexByte(e) : hexByte(b) + '-' + hexByte(e);
    b = e + 1;
  }
  if (negateInClass) return '[^' + body + ']';
  if (count === 256) return '[^]';
  if (count === 1) return hexByte(single);
  return '[' + body + ']';
}

/**
 * The regex for pattern `pat`, or null when the matcher must run it. `anchorable`: a leading '^' anchors
 * (find, match, gsub); gmatch passes false (there '^' is an ordinary char, as in lua5.4's gmatch).
 */
export function patternRegex(pat: string, anchorable: boolean, tools: ClassTools): PatRegex | null {
  const n = pat.length;
  let i = 0;
  let sticky = false;
  if (anchorable && pat.charCodeAt(0) === 94) { // '^'
    sticky = true;
    i = 1;
  }
  let src = '';
  let ncap = 0;
  let nest = 0;
  const open: number[] = [];
  const closed: boolean[] = [];
  const pos: boolean[] = [];
  let anyPos = false;
  let minLen = 0;
  while (i < n) {
    const c = pat.charCodeAt(i);
    if (c === 40) { // '('
      if (ncap >= MAX_CAPTURES) return null;
      if (pat.charCodeAt(i + 1) === 41) { // position capture
        // exact with an empty group and the 'd' flag's indices, but measured 2.4x slower than the matcher
        // (the flag builds an indices array per match), so only when wanted
        if (!POSITION_CAPTURES) return null;
        pos[ncap] = true;
        closed[ncap++] = true;
        anyPos = true;
        src += '()';
        nest += 2;
        i += 2;
        continue;
      }
      pos[ncap] = false;
      closed[ncap] = false;
      open.push(ncap++);
      src += '(';
      nest++;
      i++;
      continue;
    }
    if (c === 41) { // ')'
      if (open.length === 0) return null;
      closed[open.pop()!] = true;
      src += ')';
      nest++;
      i++;
      continue;
    }
    if (c === 36 && i === n - 1) { // '$' at the end: the end of the subject
      src += '$';
      i++;
      continue;
    }
    if (c === 37) { // '%'
      if (i + 1 >= n) return null;
      const d = pat.charCodeAt(i + 1);
      if (d === 98) return null; // %b
      if (d >= 48 && d <= 57) { // back reference
        const l = d - 49;
        if (l < 0 || l >= ncap || !closed[l] || pos[l]) return null;
        src += '(?:\\' + (l + 1) + ')';
        i += 2;
        continue;
      }
      if (d === 102) { // %f[set]
        i += 2;
        if (pat.charCodeAt(i) !== 91) return null;
        const ep = tools.itemEnd(pat, i);
        if (ep < 0) return null;
        const set = tools.classSet(pat, i, ep);
        // previous char not in the set ('\0' before the start); current char in it ('\0' at the end)
        src += set[0] === 1 ? '(?<=' + setSource(set, true) + ')' : '(?<!' + setSource(set) + ')';
        src += set[0] === 1 ? '(?=' + setSource(set) + '|$)' : '(?=' + setSource(set) + ')';
        i = ep;
        continue;
      }
    }
    // a single-char class ('$' not at the end is an ordinary char), with an optional quantifier
    const ep = c === 36 ? i + 1 : tools.itemEnd(pat, i);
    if (ep < 0) return null;
    src += setSource(tools.classSet(pat, i, ep));
    const q = pat.charCodeAt(ep);
    if (q === 42 || q === 43 || q === 63) { // '*', '+', '?'
      src += String.fromCharCode(q);
      nest++;
      i = ep + 1;
      if (q === 43) minLen++;
    } else if (q === 45) { // '-': lazy
      src += '*?';
      nest++;
      i = ep + 1;
    } else {
      minLen++;
      i = ep;
    }
  }
  if (open.length !== 0 || nest >= MAX_NEST) return null;
  let re: RegExp;
  try {
    re = new RegExp(src, (sticky ? 'y' : 'g') + (anyPos ? 'd' : ''));
  } catch {
    return null; // not expected (every part is escaped); the matcher is always right
  }
  return { re, ncap, pos: anyPos ? pos : null, nonEmpty: minLen > 0 };
}
