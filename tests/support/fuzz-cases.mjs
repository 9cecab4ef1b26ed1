// Deterministic generation of fuzz inputs for tests/fuzz.test.mjs. Every case is a pure function of
// (seed, kind, index, corpus), so a failing or hanging case can be regenerated from its index alone.
// Kinds: 'bytes' (random byte strings, half uniformly random, half drawn from Lua-looking fragments),
// 'mutant' (a corpus program with 1-4 mutations: byte flips, deletions, duplications, token swaps,
// token insertions, truncation) and 'binary' (a string.dump of a corpus program, mutated the same way
// except token edits).

/** mulberry32: a tiny, fast 32-bit PRNG; good enough to spread test inputs. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function caseSeed(seed, kind, index) {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const c of `${kind}:${index}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

const FRAGMENTS = [
  'and', 'break', 'do', 'else', 'elseif', 'end', 'false', 'for', 'function', 'goto', 'if', 'in', 'local', 'nil',
  'not', 'or', 'repeat', 'return', 'then', 'true', 'until', 'while', '+', '-', '*', '/', '//', '%', '^', '#', '&',
  '~', '|', '<<', '>>', '==', '~=', '<=', '>=', '<', '>', '=', '(', ')', '{', '}', '[', ']', '::', ';', ':', ',',
  '.', '..', '...', 'x', 'y', '_ENV', 'self', '<const>', '<close>', '0', '1', '0x7fffffffffffffff', '1e309', '0x1p-4',
  '3.5', '"str"', "'\\z  '", '"\\u{10FFFF}"', '"\\xff"', '[[long]]', '[==[', ']==]', '--', '--[[', ']]', '\n', ' ',
  '\t', '\\', '"', "'", '\x00', '\x1bLua', 'print', 'f(', 'a.b', 'a:b()', '::l::', 'goto l', '{...}', '@', '$',
];

const TOKEN_RE = /[A-Za-z_][A-Za-z0-9_]*|0[xX][0-9a-fA-F.]+(?:[pP][-+]?\d+)?|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\.\.|\.\.|==|~=|<=|>=|<<|>>|\/\/|::|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\S/g;

function randomBytes(r) {
  // Mostly short inputs (where parsers go wrong most), sometimes up to 512 bytes.
  const len = r() < 0.8 ? Math.floor(r() * 64) : Math.floor(r() * 512);
  if (r() < 0.5) {
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i++) out[i] = Math.floor(r() * 256);
    return out;
  }
  let s = '';
  while (s.length < len) s += FRAGMENTS[Math.floor(r() * FRAGMENTS.length)] + (r() < 0.5 ? ' ' : '');
  return Buffer.from(s, 'latin1');
}

function mutate(r, input, allowTokens) {
  let b = Buffer.from(input);
  const n = 1 + Math.floor(r() * 4);
  for (let m = 0; m < n; m++) {
    const op = Math.floor(r() * (allowTokens ? 7 : 4));
    const pos = Math.floor(r() * (b.length + 1));
    switch (op) {
      case 0: // flip: replace a byte, or flip one bit
        if (b.length) b[Math.min(pos, b.length - 1)] = r() < 0.5 ? Math.floor(r() * 256) : b[Math.min(pos, b.length - 1)] ^ (1 << Math.floor(r() * 8));
        break;
      case 1: { // delete a range
        const len = 1 + Math.floor(r() * 16);
        b = Buffer.concat([b.subarray(0, pos), b.subarray(pos + len)]);
        break;
      }
      case 2: { // duplicate a range somewhere else
        const from = Math.floor(r() * (b.length + 1));
        const piece = b.subarray(from, from + 1 + Math.floor(r() * 32));
        b = Buffer.concat([b.subarray(0, pos), piece, b.subarray(pos)]);
        break;
      }
      case 3: // truncate
        b = b.subarray(0, pos);
        break;
      case 4: // swap two tokens
      case 5: // replace a token by a random fragment
      case 6: { // insert a random fragment before a token
        const text = b.toString('latin1');
        const toks = [...text.matchAll(TOKEN_RE)];
        if (toks.length < 2) break;
        const i = toks[Math.floor(r() * toks.length)];
        const j = toks[Math.floor(r() * toks.length)];
        const frag = FRAGMENTS[Math.floor(r() * FRAGMENTS.length)];
        let out;
        if (op === 4) {
          const [x, y] = i.index < j.index ? [i, j] : [j, i];
          if (x.index + x[0].length > y.index) break;
          out = text.slice(0, x.index) + y[0] + text.slice(x.index + x[0].length, y.index) + x[0] + text.slice(y.index + y[0].length);
        } else if (op === 5) out = text.slice(0, i.index) + frag + text.slice(i.index + i[0].length);
        else out = text.slice(0, i.index) + frag + ' ' + text.slice(i.index);
        b = Buffer.from(out, 'latin1');
        break;
      }
    }
  }
  return new Uint8Array(b);
}

/** The input of case `index` of `kind`; `corpus` and `binaries` are arrays of Uint8Array. */
export function generateCase(seed, kind, index, corpus, binaries) {
  const r = rng(caseSeed(seed, kind, index));
  if (kind === 'bytes') return randomBytes(r);
  if (kind === 'mutant') return mutate(r, corpus[Math.floor(r() * corpus.length)], true);
  if (kind === 'binary') return mutate(r, binaries[Math.floor(r() * binaries.length)], false);
  throw new Error(`unknown fuzz kind ${kind}`);
}
