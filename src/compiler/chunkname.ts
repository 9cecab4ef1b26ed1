/*
 * Chunk names as they appear in messages (`input:3:`, `[string "..."]:3:`). The syntax engineer owns the
 * canonical `chunkid` (src/syntax/chunkid.ts); this is the compiler's adapter until that file exists, with
 * the same rules as PUC-Lua's luaO_chunkid (LUA_IDSIZE 60).
 */

const IDSIZE = 60;

export function chunkid(source: string): string {
  const len = source.length;
  if (source.startsWith('=')) {
    return len <= IDSIZE ? source.slice(1) : source.slice(1, IDSIZE);
  }
  if (source.startsWith('@')) {
    return len <= IDSIZE ? source.slice(1) : '...' + source.slice(len - (IDSIZE - 4));
  }
  const nl = source.indexOf('\n');
  const room = IDSIZE - '[string "..."]'.length - 1;
  if (len < room && nl < 0) return `[string "${source}"]`;
  let n = nl >= 0 ? nl : len;
  if (n > room) n = room;
  return `[string "${source.slice(0, n)}..."]`;
}
