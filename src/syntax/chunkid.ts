/*
 * Display form of a chunk name in messages ("input:3:", "[string \"x = 1\"]:1:"), exactly as PUC-Lua 5.4
 * prints it: `=name` shows name, `@file` shows file (long names keep their tail, prefixed by "..."), any other
 * name is source text shown as [string "first line..."]. The result fits the 60-byte LUA_IDSIZE buffer of PUC;
 * like PUC, which keeps chunk names as C strings, a name is cut at its first NUL byte.
 */

const ID_SIZE = 60; // LUA_IDSIZE, including C's terminating NUL
const DOTS = '...';
const PREFIX = '[string "';
const SUFFIX = '"]';

/** Memoised: chunk names repeat for every error and traceback line of the same function. */
const cache = new Map<string, string>();

export function chunkid(source: string): string {
  let r = cache.get(source);
  if (r === undefined) {
    r = computeChunkid(source);
    if (cache.size > 256) cache.clear();
    cache.set(source, r);
  }
  return r;
}

function computeChunkid(name: string): string {
  // PUC passes chunk names around as C strings: nothing after a NUL exists for it
  const nul = name.indexOf('\0');
  const source = nul >= 0 ? name.slice(0, nul) : name;
  const len = source.length;
  let out: string;
  const first = source.charCodeAt(0);
  if (first === 0x3d /* = */) {
    out = len <= ID_SIZE ? source.slice(1) : source.slice(1, ID_SIZE);
  } else if (first === 0x40 /* @ */) {
    // a long file name keeps its end, which is the informative part
    out = len <= ID_SIZE ? source.slice(1) : DOTS + source.slice(len - (ID_SIZE - DOTS.length - 1));
  } else {
    const room = ID_SIZE - (PREFIX.length + DOTS.length + SUFFIX.length) - 1;
    const nl = source.indexOf('\n');
    if (len < room && nl < 0) {
      out = PREFIX + source + SUFFIX;
    } else {
      const n = Math.min(nl >= 0 ? nl : len, room);
      out = PREFIX + source.slice(0, n) + DOTS + SUFFIX;
    }
  }
  return out;
}
