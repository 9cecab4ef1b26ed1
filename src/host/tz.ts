/*
 * Time zones the way glibc's localtime_r computes them, so that os.date/os.time agree with lua5.4 to the
 * second, including tm_isdst and %Z abbreviations: a parser for compiled zoneinfo files (TZif, RFC 8536) and
 * for POSIX TZ strings ("EST5EDT,M3.2.0,M11.1.0"), which also serve as the footer rule of a TZif file for
 * instants after its last transition. Pure code over bytes (no Node imports): node.ts reads the files.
 *
 * Conventions: instants are seconds since the epoch (JS numbers; callers keep them within +-2^53), offsets are
 * seconds east of UTC (tm_gmtoff). JS Date's own time zone support is not used because it hides the
 * abbreviation and tm_isdst, and ICU does not understand POSIX TZ strings.
 */
import type { ZoneInfo } from './host.js';

/** A zone: answers "which offset, DST flag and abbreviation are in effect at instant t". */
export interface Zone {
  /** undefined where glibc's localtime fails (a rule-based zone whose UTC year does not fit a C int) */
  at(t: number): ZoneInfo | undefined;
}

const UTC_INFO: ZoneInfo = { offset: 0, isdst: false, abbr: 'UTC' };

export const UTC_ZONE: Zone = { at: () => UTC_INFO };

// ------------------------------------------------------------------------------------------- calendar

/** Days from 1970-01-01 to the given proleptic Gregorian date (month 1..12); exact for any safe year. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1];
}

/** The proleptic Gregorian date [year, month 1..12, day] of a day count from 1970-01-01. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The year (UTC) containing instant t. */
function utcYear(t: number): number {
  return civilFromDays(Math.floor(t / 86400))[0];
}

// ------------------------------------------------------------------------------------ POSIX TZ strings

/** A date rule: Jn (julian, no Feb 29), n (zero-based day of year) or Mm.w.d; `secs` after local midnight. */
interface DateRule {
  kind: 'J' | 'D' | 'M';
  n: number; // J/D: the day; M: the month
  week: number;
  wday: number;
  secs: number;
}

interface PosixRule {
  stdAbbr: string;
  stdOffset: number; // seconds east
  dstAbbr: string | undefined;
  dstOffset: number;
  start: DateRule | undefined;
  end: DateRule | undefined;
}

class Parser {
  i = 0;
  constructor(readonly s: string) {}
  peek(): string {
    return this.s[this.i] ?? '';
  }
  name(): string | undefined {
    const s = this.s;
    if (s[this.i] === '<') {
      const close = s.indexOf('>', this.i);
      if (close < 0) return undefined;
      const n = s.slice(this.i + 1, close);
      this.i = close + 1;
      return n.length >= 3 ? n : undefined;
    }
    const start = this.i;
    while (/[A-Za-z]/.test(s[this.i] ?? '')) this.i++;
    return this.i - start >= 3 ? s.slice(start, this.i) : undefined;
  }
  /** [+-]hh[:mm[:ss]] in seconds, or undefined. */
  hms(maxHours: number): number | undefined {
    let sign = 1;
    if (this.peek() === '+' || this.peek() === '-') sign = this.s[this.i++] === '-' ? -1 : 1;
    const parts: number[] = [];
    for (;;) {
      const m = /^\d{1,3}/.exec(this.s.slice(this.i));
      if (!m) return undefined;
      parts.push(Number(m[0]));
      this.i += m[0].length;
      if (parts.length === 3 || this.peek() !== ':') break;
      this.i++;
    }
    if (parts[0] > maxHours || (parts[1] ?? 0) > 59 || (parts[2] ?? 0) > 59) return undefined;
    return sign * (parts[0] * 3600 + (parts[1] ?? 0) * 60 + (parts[2] ?? 0));
  }
  dateRule(): DateRule | undefined {
    const s = this.s.slice(this.i);
    let m: RegExpExecArray | null;
    let rule: DateRule;
    if ((m = /^M(\d{1,2})\.(\d)\.(\d)/.exec(s))) {
      rule = { kind: 'M', n: +m[1], week: +m[2], wday: +m[3], secs: 7200 };
      if (rule.n < 1 || rule.n > 12 || rule.week < 1 || rule.week > 5 || rule.wday > 6) return undefined;
    } else if ((m = /^J(\d{1,3})/.exec(s))) {
      rule = { kind: 'J', n: +m[1], week: 0, wday: 0, secs: 7200 };
      if (rule.n < 1 || rule.n > 365) return undefined;
    } else if ((m = /^(\d{1,3})/.exec(s))) {
      rule = { kind: 'D', n: +m[1], week: 0, wday: 0, secs: 7200 };
      if (rule.n > 365) return undefined;
    } else return undefined;
    this.i += m[0].length;
    if (this.peek() === '/') {
      this.i++;
      const secs = this.hms(167);
      if (secs === undefined) return undefined;
      rule.secs = secs;
    }
    return rule;
  }
}

/** Parses a POSIX TZ string; undefined when even the standard-time name is malformed. */
export function parsePosixTZ(spec: string): PosixRule | undefined {
  const p = new Parser(spec);
  const stdAbbr = p.name();
  if (stdAbbr === undefined) return undefined;
  const std = p.hms(24);
  // glibc keeps the name and uses offset 0 when the offset is missing ("Nowhere/Zone" -> "Nowhere", UTC)
  if (std === undefined) return { stdAbbr, stdOffset: 0, dstAbbr: undefined, dstOffset: 0, start: undefined, end: undefined };
  const rule: PosixRule = { stdAbbr, stdOffset: -std, dstAbbr: undefined, dstOffset: -std + 3600, start: undefined, end: undefined };
  if (p.i >= spec.length) return rule;
  const dstAbbr = p.name();
  if (dstAbbr === undefined) return rule;
  rule.dstAbbr = dstAbbr;
  if (p.peek() !== ',' && p.peek() !== '') {
    const dst = p.hms(24);
    if (dst !== undefined) rule.dstOffset = -dst;
  }
  if (p.peek() === ',') {
    p.i++;
    rule.start = p.dateRule();
    if (p.peek() === ',') p.i++;
    rule.end = p.dateRule();
  }
  if (!rule.start || !rule.end) {
    // glibc's default rule when none is given (or it is malformed): the US one
    rule.start = { kind: 'M', n: 3, week: 2, wday: 0, secs: 7200 };
    rule.end = { kind: 'M', n: 11, week: 1, wday: 0, secs: 7200 };
  }
  return rule;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/** glibc's compute_change: midnight (UTC) of the day the rule selects in `year`, in seconds. Like glibc, years
 * up to 1970 count from 1970-01-01 (so rules never apply before 1970), and the weekday comes from Zeller's
 * congruence with C's truncating division. */
function ruleDay(r: DateRule, year: number): number {
  // glibc counts the days to January 1st in C int arithmetic, which wraps for years beyond ~5.8 million
  const base = year > 1970
    ? (Math.imul(year - 1970, 365) + (Math.trunc((year - 1) / 4) - 492) - (Math.trunc((year - 1) / 100) - 19) +
      (Math.trunc((year - 1) / 400) - 4)) | 0
    : 0;
  const leap = isLeap(year) ? 1 : 0;
  let day: number;
  if (r.kind === 'J') day = r.n - 1 + (r.n >= 60 ? leap : 0);
  else if (r.kind === 'D') day = r.n;
  else {
    const before = DAYS_BEFORE_MONTH[r.n - 1] + (r.n > 2 ? leap : 0);
    const len = DAYS_BEFORE_MONTH[r.n] - DAYS_BEFORE_MONTH[r.n - 1] + (r.n === 2 ? leap : 0);
    const m1 = ((r.n + 9) % 12) + 1;
    const yy0 = r.n <= 2 ? year - 1 : year;
    const yy1 = Math.trunc(yy0 / 100);
    const yy2 = yy0 % 100;
    let dow = (Math.trunc((26 * m1 - 2) / 10) + 1 + yy2 + Math.trunc(yy2 / 4) + Math.trunc(yy1 / 4) - 2 * yy1) % 7;
    if (dow < 0) dow += 7;
    let d = r.wday - dow;
    if (d < 0) d += 7;
    for (let i = 1; i < r.week && d + 7 < len; i++) d += 7;
    day = before + d;
  }
  return (base + day) * 86400;
}

function posixZoneAt(r: PosixRule, t: number): ZoneInfo | undefined {
  const year = utcYear(t);
  if (year - 1900 > 2147483647 || year - 1900 < -2147483648) return undefined; // glibc's __offtime fails
  if (r.dstAbbr === undefined || !r.start || !r.end) return { offset: r.stdOffset, isdst: false, abbr: r.stdAbbr };
  // the start is given in standard local time, the end in daylight local time (glibc's compute_change)
  const start = ruleDay(r.start, year) + r.start.secs - r.stdOffset;
  const end = ruleDay(r.end, year) + r.end.secs - r.dstOffset;
  const dst = start < end ? t >= start && t < end : !(t >= end && t < start);
  return dst ? { offset: r.dstOffset, isdst: true, abbr: r.dstAbbr } : { offset: r.stdOffset, isdst: false, abbr: r.stdAbbr };
}

export function posixZone(spec: string): Zone | undefined {
  const r = parsePosixTZ(spec);
  if (!r) return undefined;
  return { at: (t) => posixZoneAt(r, t) };
}

// ------------------------------------------------------------------------------------------ TZif files

interface TzifData {
  transitions: number[];
  typeIdx: number[];
  types: ZoneInfo[];
  footer: PosixRule | undefined;
}

function readInt(b: Uint8Array, at: number, size: 4 | 8): number {
  let v = 0;
  for (let k = 0; k < size; k++) v = v * 256 + b[at + k];
  const half = size === 4 ? 2 ** 31 : 2 ** 63;
  return v >= half ? v - 2 * half : v;
}

function parseBlock(b: Uint8Array, at: number, size: 4 | 8): { data: TzifData; end: number } | undefined {
  if (at + 44 > b.length || String.fromCharCode(b[at], b[at + 1], b[at + 2], b[at + 3]) !== 'TZif') return undefined;
  const count = (k: number) => readInt(b, at + 20 + 4 * k, 4);
  const [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt] = [0, 1, 2, 3, 4, 5].map(count);
  let p = at + 44;
  const transitions: number[] = [];
  for (let k = 0; k < timecnt; k++, p += size) transitions.push(readInt(b, p, size));
  const typeIdx: number[] = [];
  for (let k = 0; k < timecnt; k++) typeIdx.push(b[p++]);
  const raw: [number, boolean, number][] = [];
  for (let k = 0; k < typecnt; k++, p += 6) raw.push([readInt(b, p, 4), b[p + 4] !== 0, b[p + 5]]);
  let chars = '';
  for (let k = 0; k < charcnt; k++) chars += String.fromCharCode(b[p + k]);
  p += charcnt + leapcnt * (size + 4) + isstdcnt + isutcnt;
  const types = raw.map(([offset, isdst, idx]) => ({ offset, isdst, abbr: chars.slice(idx, chars.indexOf('\0', idx) >>> 0) }));
  return { data: { transitions, typeIdx, types, footer: undefined }, end: p };
}

/** Parses a compiled zoneinfo file (version 1, 2 or 3); undefined when it is not one. */
export function parseTzif(b: Uint8Array): Zone | undefined {
  const v1 = parseBlock(b, 0, 4);
  if (!v1) return undefined;
  let data = v1.data;
  if (b[4] >= 0x32) {
    const v2 = parseBlock(b, v1.end, 8);
    if (v2) {
      data = v2.data;
      let footer = '';
      for (let k = v2.end + 1; k < b.length && b[k] !== 10; k++) footer += String.fromCharCode(b[k]);
      if (footer) data.footer = parsePosixTZ(footer);
    }
  }
  if (data.types.length === 0) return undefined;
  return { at: (t) => tzifAt(data, t) };
}

function tzifAt(d: TzifData, t: number): ZoneInfo | undefined {
  const tr = d.transitions;
  if (tr.length === 0 || t < tr[0]) {
    // before any transition: the first standard-time type, as glibc's __tzfile_compute does
    const std = d.types.find((x) => !x.isdst);
    return std ?? d.types[0];
  }
  if (t >= tr[tr.length - 1]) {
    const last = d.types[d.typeIdx[tr.length - 1]];
    return (d.footer && posixZoneAt(d.footer, t)) || last;
  }
  let lo = 0;
  let hi = tr.length - 1; // tr[lo] <= t < tr[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (tr[mid] <= t) lo = mid;
    else hi = mid;
  }
  return d.types[d.typeIdx[lo]];
}

// ------------------------------------------------------------------------------ JS Date's time zone

/** Seconds east of UTC at instant t (seconds) according to JS Date, exact to the second (LMT offsets have
 * seconds, which getTimezoneOffset() rounds away). */
function dateOffset(t: number): number {
  const d = new Date(t * 1000);
  const u = new Date(0);
  u.setUTCFullYear(d.getFullYear(), d.getMonth(), d.getDate());
  u.setUTCHours(d.getHours(), d.getMinutes(), d.getSeconds(), 0);
  return Math.round((u.getTime() - Math.floor(t) * 1000) / 1000);
}

let abbrFormat: Intl.DateTimeFormat | undefined;

/** A glibc-style abbreviation: the short name when ICU has one, else the numeric "+04"/"+0530" form. */
function dateAbbr(t: number, offset: number): string {
  let name: string | undefined;
  try {
    abbrFormat ??= new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });
    name = abbrFormat.formatToParts(new Date(t * 1000)).find((p) => p.type === 'timeZoneName')?.value;
  } catch {
    name = undefined;
  }
  if (name && !/^GMT[+-]/.test(name)) return name;
  if (offset % 60 !== 0) return 'LMT';
  const a = Math.abs(offset);
  const hm = String(Math.floor(a / 3600)).padStart(2, '0') + (a % 3600 ? String((a % 3600) / 60).padStart(2, '0') : '');
  return (offset < 0 ? '-' : '+') + hm;
}

const DATE_LIMIT = 8.64e12; // JS Date's range, in seconds

/** The host's local zone as JS Date sees it (used where no zoneinfo data can be read, e.g. browsers). */
export const dateZone: Zone = {
  at(t: number): ZoneInfo {
    const tt = Math.max(-DATE_LIMIT, Math.min(DATE_LIMIT, t));
    const offset = dateOffset(tt);
    const year = new Date(tt * 1000).getFullYear();
    const jan = dateOffset(Date.UTC(year, 0, 1) / 1000);
    const jul = dateOffset(Date.UTC(year, 6, 1) / 1000);
    return { offset, isdst: offset > Math.min(jan, jul), abbr: dateAbbr(tt, offset) };
  },
};
