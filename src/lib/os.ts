/*
 * The os library (loslib.c's behaviour and messages) over the Host (src/host/host.ts).
 *
 * Dates are computed here rather than with JS Date, because C's results must be reproduced for every time
 * Lua accepts: broken-down time (localtime_r/gmtime_r) is proleptic Gregorian arithmetic on 64-bit seconds
 * with the year limited to a C int; the local zone comes from the host (glibc-exact zoneinfo data under
 * Node, JS Date's view elsewhere); strftime is the C locale's; os.time(table) follows glibc's mktime,
 * including its normalisation of out-of-range fields, its probing for tm_isdst and the offset it caches
 * between calls (which decides ambiguous local times exactly as lua5.4 does).
 */
import { LuaTable } from '../runtime/table.js';
import { NativeFunction, mkfloat, type LuaValue } from '../runtime/value.js';
import type { LuaState } from '../runtime/state.js';
import { tointeger } from '../runtime/number.js';
import {
  luaError, argError, checkInteger, checkString, checkTable, checkOption, optInteger, optString,
} from '../runtime/auxlib.js';
import { SysError, type Host, type ZoneInfo } from '../host/host.js';
import { civilFromDays, daysFromCivil, isLeap, dateZone } from '../host/tz.js';
import { flushAllStreams } from './io.js';

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

/** struct tm plus tm_gmtoff and tm_zone; year and month as Lua shows them (2024, 1..12), yday 1-based. */
interface Tm {
  year: number;
  month: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  yday: number;
  wday: number; // 0 = Sunday
  isdst: boolean;
  offset: number;
  abbr: string;
}

// -------------------------------------------------------------------------------- broken-down time

const GMT: ZoneInfo = { offset: 0, isdst: false, abbr: 'GMT' };
const MAX_T_FIT = 67768036191676792; // the last double in year 2^31-1+1900 (UTC)
const MIN_T_FIT = -67768040609740800; // the first second of year -2^31+1900 (UTC)

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** The zone in effect at t, for any 64-bit t (beyond 2^53 seconds only its year matters to the zone rules, so
 * a rounded double serves). */
function zoneAt(host: Host, t: number | bigint): ZoneInfo | undefined {
  let x = Number(t);
  // keep the extreme representable seconds inside their (C int) year despite rounding to a double
  if (x > MAX_T_FIT && t <= 67768036191676799n) x = MAX_T_FIT;
  else if (x < MIN_T_FIT && t >= MIN_T_FIT) x = MIN_T_FIT;
  return host.zone ? host.zone(x) : dateZone.at(x);
}

function fitsInt(year: number): boolean {
  return year - 1900 <= INT_MAX && year - 1900 >= INT_MIN;
}

/** Splits t + offset seconds into whole days since the epoch and seconds into the day, exactly. */
function splitDays(t: number | bigint, offset: number): [number, number] {
  if (typeof t === 'number' && Math.abs(t) < 2 ** 52) {
    const local = t + offset;
    const days = Math.floor(local / 86400);
    return [days, local - days * 86400];
  }
  const local = BigInt(t) + BigInt(offset);
  let d = local / 86400n;
  let r = local % 86400n;
  if (r < 0n) {
    r += 86400n;
    d -= 1n;
  }
  return [Number(d), Number(r)];
}

/** localtime_r / gmtime_r; undefined when the year does not fit a C int (C returns NULL). */
function breakDown(host: Host, t: number | bigint, utc: boolean): Tm | undefined {
  const z = utc ? GMT : zoneAt(host, t);
  if (!z) return undefined;
  const [days, secs] = splitDays(t, z.offset);
  const [year, month, day] = civilFromDays(days);
  if (!fitsInt(year)) return undefined;
  return {
    year, month, day,
    hour: Math.floor(secs / 3600), min: Math.floor(secs / 60) % 60, sec: secs % 60,
    yday: days - daysFromCivil(year, 1, 1) + 1,
    wday: mod(days + 4, 7), // 1970-01-01 was a Thursday
    isdst: z.isdst, offset: z.offset, abbr: z.abbr,
  };
}

// ------------------------------------------------------------------------------------------- mktime

/** glibc's localtime_offset: (result - requested local seconds) of the last mktime, its first guess next. */
let mktimeGuess = 0;

/** The fields of os.time's table as C ints (tm_year is year - 1900, tm_mon 0-based). */
interface TmRequest {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  isdst: number; // -1 unknown, 0, 1
}

/** Seconds since the epoch of the requested local time read as UTC, with months folded into years. */
function localSeconds(r: TmRequest, sec: number): number | bigint {
  const y = r.year + 1900 + Math.floor(r.mon / 12);
  const days = daysFromCivil(y, mod(r.mon, 12) + 1, 1) + r.mday - 1;
  const rest = r.hour * 3600 + r.min * 60 + sec;
  const n = days * 86400 + rest;
  return Math.abs(n) < 2 ** 52 ? n : BigInt(days) * 86400n + BigInt(rest);
}

function isdstDiffers(want: number, have: boolean): boolean {
  return want >= 0 && (want !== 0) !== have;
}

/** mktime: the instant and its normalised broken-down time, or undefined when not representable. */
function mktime(host: Host, r: TmRequest): { t: number | bigint; tm: Tm } | undefined {
  const secC = Math.min(59, Math.max(0, r.sec)); // glibc probes with a clamped second, adds the rest at the end
  const local = localSeconds(r, secC);
  const rel = probe(host, local, r.isdst);
  if (rel === undefined) return undefined;
  const shift = rel + (r.sec - secC);
  let t: number | bigint = typeof local === 'bigint' ? local + BigInt(shift) : local + shift;
  if (typeof t === 'bigint' && t >= -9007199254740991n && t <= 9007199254740991n) t = Number(t);
  const tm = breakDown(host, t, false);
  return tm ? { t, tm } : undefined;
}

/** glibc's __mktime_internal search for the instant whose local time is `local` seconds. Instants are kept
 * relative to `local` (t - local, minus the UTC offset once found) so that the arithmetic stays small. */
function probe(host: Host, local: number | bigint, isdst: number): number | undefined {
  const zone = (rel: number) => zoneAt(host, typeof local === 'bigint' ? local + BigInt(rel) : local + rel);
  let t = mktimeGuess;
  let t1 = t;
  let t2 = t;
  let dst2 = false;
  let z: ZoneInfo | undefined;
  for (let remaining = 6; ; ) {
    z = zone(t);
    if (!z) return undefined;
    const gt = -z.offset;
    if (t === gt) break;
    if (t === t1 && t !== t2 && (isdst < 0 ? !dst2 || z.isdst : (isdst !== 0) !== z.isdst)) {
      // oscillating across a spring-forward gap: keep t (glibc's "offset_found")
      return (mktimeGuess = t);
    }
    if (--remaining === 0) return undefined;
    t1 = t2;
    t2 = t;
    t = gt;
    dst2 = z.isdst;
  }
  if (isdstDiffers(isdst, z.isdst)) t = adjustForIsdst(zone, t, isdst, z.isdst);
  // the match (with its clamped second) must itself be a representable local time, as glibc converts it
  if (!breakDown(host, typeof local === 'bigint' ? local + BigInt(t) : local + t, false)) return undefined;
  return (mktimeGuess = t);
}

/** glibc: probe instants ever further away (both directions, ~1 week steps, ~7 years at most) for one
 * with the requested tm_isdst and use its offset; failing that, assume a one-hour DST difference. */
function adjustForIsdst(zone: (rel: number) => ZoneInfo | undefined, t: number, isdst: number, have: boolean): number {
  const stride = 601200;
  const bound = Math.floor(457243209 / 2) + stride;
  for (let delta = stride; delta < bound; delta += stride) {
    for (const dir of [-1, 1]) {
      const oz = zone(t + delta * dir);
      if (oz && !isdstDiffers(isdst, oz.isdst)) return -oz.offset;
    }
  }
  const dstDifference = (isdst === 0 ? 1 : 0) - (have ? 0 : 1);
  return t + 3600 * dstDifference;
}

// ------------------------------------------------------------------------------------------ strftime

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** Conversions C99 strftime accepts (loslib's L_STRFTIMEC99): one-char, then two-char ones. */
const SINGLE = 'aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%';
const DOUBLE = ['Ec', 'EC', 'Ex', 'EX', 'Ey', 'EY', 'Od', 'Oe', 'OH', 'OI', 'Om', 'OM', 'OS', 'Ou', 'OU', 'OV', 'Ow', 'OW', 'Oy'];

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function pad3(n: number): string {
  return n < 10 ? '00' + n : n < 100 ? '0' + n : String(n);
}

/** glibc's iso_week_days: days since the start of the ISO year's first week (yday 0-based). */
function isoWeekDays(yday: number, wday: number): number {
  return yday - ((yday - wday + 4 + 378) % 7) + 3;
}

/** [ISO year, ISO week number]. */
function isoWeek(tm: Tm): [number, number] {
  let year = tm.year;
  let days = isoWeekDays(tm.yday - 1, tm.wday);
  if (days < 0) {
    year--;
    days = isoWeekDays(tm.yday - 1 + (isLeap(year) ? 366 : 365), tm.wday);
  } else {
    const d = isoWeekDays(tm.yday - 1 - (isLeap(year) ? 366 : 365), tm.wday);
    if (d >= 0) {
      year++;
      days = d;
    }
  }
  return [year, Math.floor(days / 7) + 1];
}

/** The ISO year as glibc prints it (from the C-int year, see cYear). */
function isoYear(tm: Tm): number {
  return (cYear(tm) + isoWeek(tm)[0] - tm.year) | 0;
}

/** One conversion (the letter after any E/O modifier, which the C locale ignores). */
function convert(c: string, tm: Tm): string {
  switch (c) {
    case 'a': return DAYS[tm.wday].slice(0, 3);
    case 'A': return DAYS[tm.wday];
    case 'b': case 'h': return MONTHS[tm.month - 1].slice(0, 3);
    case 'B': return MONTHS[tm.month - 1];
    case 'c': return `${convert('a', tm)} ${convert('b', tm)} ${convert('e', tm)} ${convert('T', tm)} ${cYear(tm)}`;
    case 'C': return String(Math.floor(cYear(tm) / 100));
    case 'd': return pad2(tm.day);
    case 'D': case 'x': return `${pad2(tm.month)}/${pad2(tm.day)}/${convert('y', tm)}`;
    case 'e': return tm.day < 10 ? ' ' + tm.day : String(tm.day);
    case 'F': return `${cYear(tm)}-${pad2(tm.month)}-${pad2(tm.day)}`;
    case 'g': return pad2(mod(isoYear(tm), 100));
    case 'G': return String(isoYear(tm));
    case 'H': return pad2(tm.hour);
    case 'I': return pad2(tm.hour % 12 || 12);
    case 'j': return pad3(tm.yday);
    case 'm': return pad2(tm.month);
    case 'M': return pad2(tm.min);
    case 'n': return '\n';
    case 'p': return tm.hour < 12 ? 'AM' : 'PM';
    case 'r': return `${convert('I', tm)}:${pad2(tm.min)}:${pad2(tm.sec)} ${convert('p', tm)}`;
    case 'R': return `${pad2(tm.hour)}:${pad2(tm.min)}`;
    case 'S': return pad2(tm.sec);
    case 't': return '\t';
    case 'T': case 'X': return `${pad2(tm.hour)}:${pad2(tm.min)}:${pad2(tm.sec)}`;
    case 'u': return String(tm.wday || 7);
    case 'U': return pad2(Math.floor((tm.yday - 1 - tm.wday + 7) / 7));
    case 'V': return pad2(isoWeek(tm)[1]);
    case 'w': return String(tm.wday);
    case 'W': return pad2(Math.floor((tm.yday - 1 - ((tm.wday + 6) % 7) + 7) / 7));
    case 'y': return pad2(mod(tm.year, 100));
    case 'Y': return String(cYear(tm));
    case 'z': return formatOffset(tm.offset);
    case 'Z': return tm.abbr;
    default: return '%'; // '%%'
  }
}

/** tm_year + 1900 as glibc's strftime computes it: in C int arithmetic, wrapping for the largest years. */
function cYear(tm: Tm): number {
  return tm.year | 0;
}

function formatOffset(offset: number): string {
  const minutes = Math.floor(Math.abs(offset) / 60);
  return (offset < 0 ? '-' : '+') + pad2(Math.floor(minutes / 60)) + pad2(minutes % 60);
}

/** os.date's formatting loop; raises for an invalid conversion. */
function strftime(L: LuaState, fmt: string, tm: Tm): string {
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    const c = fmt[pct + 1];
    if (c !== undefined && SINGLE.includes(c)) {
      out += convert(c, tm);
      i = pct + 2;
    } else if (pct + 2 < fmt.length && DOUBLE.includes(fmt.substr(pct + 1, 2))) {
      out += convert(fmt[pct + 2], tm);
      i = pct + 3;
    } else {
      const rest = fmt.slice(pct + 1);
      const z = rest.indexOf('\0');
      argError(L, 1, `invalid conversion specifier '%${z < 0 ? rest : rest.slice(0, z)}'`);
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------- date tables

function setAllFields(L: LuaState, t: LuaTable, tm: Tm): void {
  L.setIndex(t, 'year', tm.year);
  L.setIndex(t, 'month', tm.month);
  L.setIndex(t, 'day', tm.day);
  L.setIndex(t, 'hour', tm.hour);
  L.setIndex(t, 'min', tm.min);
  L.setIndex(t, 'sec', tm.sec);
  L.setIndex(t, 'yday', tm.yday);
  L.setIndex(t, 'wday', tm.wday + 1);
  L.setIndex(t, 'isdst', tm.isdst);
}

/** loslib's getfield: an int field of the date table, shifted by `delta`; `def` < 0 means required. */
function getField(L: LuaState, t: LuaTable, key: string, def: number, delta: number): number {
  const v = L.index(t, key);
  const n = tointeger(v);
  if (n === undefined) {
    if (v !== undefined) luaError(L, `field '${key}' is not an integer`);
    if (def < 0) luaError(L, `field '${key}' missing in date table`);
    return def;
  }
  const ok = n >= 0 ? n <= INT_MAX + delta : INT_MIN + delta <= n;
  if (!ok) luaError(L, `field '${key}' is out-of-bound`);
  return Number(n) - delta;
}

// --------------------------------------------------------------------------------------- the library

function timeArg(L: LuaState, args: LuaValue[], i: number): number | bigint {
  return checkInteger(L, args, i);
}

function osDate(L: LuaState, host: Host, args: LuaValue[]): LuaValue[] {
  let fmt = optString(L, args, 1, '%c');
  const t = args[1] === undefined ? Math.floor(host.now()) : timeArg(L, args, 2);
  const utc = fmt[0] === '!';
  if (utc) fmt = fmt.slice(1);
  const tm = breakDown(host, t, utc);
  if (!tm) luaError(L, 'date result cannot be represented in this installation');
  const z = fmt.indexOf('\0');
  if ((z < 0 ? fmt : fmt.slice(0, z)) === '*t') {
    const res = new LuaTable();
    setAllFields(L, res, tm);
    return [res];
  }
  return [strftime(L, fmt, tm)];
}

function osTime(L: LuaState, host: Host, args: LuaValue[]): LuaValue[] {
  if (args[0] === undefined) return [Math.floor(host.now())];
  const tbl = checkTable(L, args, 1);
  const req: TmRequest = {
    year: getField(L, tbl, 'year', -1, 1900),
    mon: getField(L, tbl, 'month', -1, 1),
    mday: getField(L, tbl, 'day', -1, 0),
    hour: getField(L, tbl, 'hour', 12, 0),
    min: getField(L, tbl, 'min', 0, 0),
    sec: getField(L, tbl, 'sec', 0, 0),
    isdst: boolField(L, tbl, 'isdst'),
  };
  const r = mktime(host, req);
  if (r) setAllFields(L, tbl, r.tm);
  if (!r || r.t === -1) luaError(L, 'time result cannot be represented in this installation');
  return [r.t];
}

function boolField(L: LuaState, t: LuaTable, key: string): number {
  const v = L.index(t, key);
  return v === undefined ? -1 : v === false ? 0 : 1;
}

function fileResult(op: () => void, fname?: string): LuaValue[] {
  try {
    op();
    return [true];
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    return [undefined, fname === undefined ? e.text : `${fname}: ${e.text}`, e.errno];
  }
}

const LOCALE_CATEGORIES = ['all', 'collate', 'ctype', 'monetary', 'numeric', 'time'];

/** Only the C locale exists here: querying, "C", "POSIX" and "" (the environment's, taken as C) succeed. */
function osSetlocale(L: LuaState, args: LuaValue[]): LuaValue[] {
  const locale = optString(L, args, 1, undefined);
  checkOption(L, args, 2, 'all', LOCALE_CATEGORIES);
  return [locale === undefined || locale === '' || locale === 'C' || locale === 'POSIX' ? 'C' : undefined];
}

function osExit(L: LuaState, host: Host, args: LuaValue[]): LuaValue[] {
  const v = args[0];
  const status = typeof v === 'boolean' ? (v ? 0 : 1) : Number(BigInt.asIntN(32, BigInt(optInteger(L, args, 1, 0))));
  if (args[1] !== undefined && args[1] !== false) {
    const closable = L as LuaState & { close?(): void };
    closable.close?.();
  }
  flushAllStreams();
  L.stdout.flush();
  L.stderr.flush();
  host.exit(status & 0xff);
}

function osExecute(L: LuaState, host: Host, args: LuaValue[]): LuaValue[] {
  const cmd = optString(L, args, 1, undefined);
  if (cmd === undefined) return [host.hasShell()];
  try {
    const st = host.execute(cmd);
    return [st.what === 'exit' && st.code === 0 ? true : undefined, st.what, st.code];
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    return [undefined, e.text, e.errno];
  }
}

export function openOs(L: LuaState, host: Host): LuaTable {
  const lib = new LuaTable();
  const def = (name: string, f: (L: LuaState, args: LuaValue[]) => LuaValue[]) =>
    lib.setStr(name, new NativeFunction(name, f));
  def('clock', () => [mkfloat(host.cpuTime())]);
  def('date', (L, a) => osDate(L, host, a));
  def('difftime', (L, a) => {
    const t1 = timeArg(L, a, 1);
    const t2 = timeArg(L, a, 2);
    return [mkfloat(Number(BigInt(t1) - BigInt(t2)))];
  });
  def('execute', (L, a) => osExecute(L, host, a));
  def('exit', (L, a) => osExit(L, host, a));
  def('getenv', (L, a) => [host.getenv(checkString(L, a, 1))]);
  def('remove', (L, a) => {
    const name = checkString(L, a, 1);
    return fileResult(() => host.remove(name), name);
  });
  def('rename', (L, a) => {
    const from = checkString(L, a, 1);
    const to = checkString(L, a, 2);
    return fileResult(() => host.rename(from, to));
  });
  def('setlocale', osSetlocale);
  def('time', (L, a) => osTime(L, host, a));
  def('tmpname', (L) => {
    try {
      return [host.tmpname()];
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      return luaError(L, 'unable to generate a unique filename');
    }
  });
  return lib;
}
