/*
 * The io library (liolib.c's behaviour and messages) over the Host's raw files (src/host/host.ts).
 *
 * A Lua file handle is a Userdata whose data is a Stream and whose metatable is the registry's "FILE*".
 * Stream plays the part of C's FILE: it owns a read buffer (a latin1 string plus an index) and a write buffer,
 * keeps the logical position itself and does positioned reads and writes on regular files, so read, write and
 * seek interleave exactly (unlike C, no fseek is needed between reading and writing). Standard output and
 * error are not buffered here: their writes go straight to the State's OutputStreams, which print() also uses,
 * so io.write and print interleave correctly.
 *
 * Buffering and garbage collection: C closes (and flushes) a dropped file when it is collected; JavaScript
 * cannot run that synchronously. So that dropped files still behave as if closed, pending writes of a file in
 * the default buffering mode are flushed before any other handle reads, writes or truncates the same file
 * (same device and inode), and every pending write is flushed at process exit. A file whose buffering was set
 * explicitly with setvbuf keeps C's exact semantics (its buffer is invisible to other handles until flushed).
 */
import { LuaTable, addressOf } from '../runtime/table.js';
import { LuaError } from '../runtime/errors.js';
import { NativeFunction, Userdata, NONE, isNumber, isInteger, truthy, toDouble, type LuaValue } from '../runtime/value.js';
import { str2number, formatG } from '../runtime/number.js';
import type { LuaState, OutputStream } from '../runtime/state.js';
import {
  luaError, argError, typeError, checkAny, checkInteger, checkString, checkOption, optInteger, optString,
} from '../runtime/auxlib.js';
import { SysError, type Host, type RawFile, type OpenFlags, type PipeProcess } from '../host/host.js';

const CHUNK = 65536; // read-ahead and default write buffer size
const LUAL_BUFFERSIZE = 1024; // setvbuf's default size argument (sizes are advisory here)
const MAX_NUMERAL = 200; // L_MAXLENNUM: longest numeral read by "n"
const MAX_LINES_ARGS = 250; // MAXARGLINE

type BufMode = 'default' | 'no' | 'full' | 'line';
type Kind = 'file' | 'popen' | 'std';

const EBADF = () => new SysError(9, 'Bad file descriptor');
const ESPIPE = () => new SysError(29, 'Illegal seek');
const EINVAL = () => new SysError(22, 'Invalid argument');

/** Streams with pending writes (flushed at exit), and those in default mode by file identity (coherence). */
const pendingWrites = new Set<Stream>();
const dirtyByIdentity = new Map<string, Set<Stream>>();

/** Flushes the default-mode writers of one file except `self`, as if dropped handles had been collected. */
function syncIdentity(identity: string | undefined, self: Stream | undefined): void {
  if (identity === undefined) return;
  const set = dirtyByIdentity.get(identity);
  if (!set) return;
  for (const s of set) {
    if (s === self) continue;
    try {
      s.flushWrites();
    } catch {
      // the error belongs to the other handle; C would have reported it to nobody either (closed by GC)
    }
  }
}

/** popen(..., "w") streams not closed yet: their command runs at exit at the latest (C's child would have
 * read its input through the pipe and finished). */
const openWritePipes = new Set<Stream>();

function finishAtExit(): void {
  flushAllStreams();
  for (const s of [...openWritePipes]) closeStream(s);
}

/** Flushes every pending write (exit, popen). Errors are ignored as C's exit() ignores them. */
export function flushAllStreams(): void {
  for (const s of [...pendingWrites]) {
    try {
      s.flushWrites();
    } catch {
      pendingWrites.delete(s);
    }
  }
}

/** C's FILE. All failures throw SysError. */
export class Stream {
  closed = false;
  /** File position of the next byte read or written (the user's view). */
  pos = 0;
  private rbuf = '';
  private rpos = 0;
  private wbuf = '';
  private wstart = 0;
  bufMode: BufMode = 'default';
  private bufSize = CHUNK;
  /** Called before each read that reaches the raw file (stdin flushes stdout first). */
  beforeFill: (() => void) | undefined = undefined;

  constructor(
    readonly kind: Kind,
    readonly raw: RawFile | undefined,
    readonly out: OutputStream | undefined,
    readonly readable: boolean,
    readonly writable: boolean,
    readonly append: boolean,
    readonly proc?: PipeProcess,
  ) {}

  // ------------------------------------------------------------------------------------ reading

  /** Makes sure unread bytes are buffered; false at end of file. */
  private fill(): boolean {
    if (this.rpos < this.rbuf.length) return true;
    if (this.wbuf.length > 0) this.flushWrites();
    const raw = this.raw;
    if (!this.readable || !raw) throw EBADF();
    syncIdentity(raw.identity, this);
    this.beforeFill?.();
    this.rbuf = raw.read(CHUNK, this.pos);
    this.rpos = 0;
    return this.rbuf.length > 0;
  }

  private consume(k: number): void {
    this.rpos += k;
    this.pos += k;
  }

  /** The next byte without consuming it, or -1 at end of file. */
  peek(): number {
    return this.fill() ? this.rbuf.charCodeAt(this.rpos) : -1;
  }

  /** Consumes the byte peek() returned. */
  skip(): void {
    this.consume(1);
  }

  private numeral = '';

  /** Starts collecting a numeral (read "n"). */
  markNumeral(): void {
    this.numeral = '';
  }

  /** Consumes byte c (the one peek() returned) into the numeral being collected. */
  takeNumeralByte(c: number): void {
    this.numeral += String.fromCharCode(c);
    this.consume(1);
  }

  numeralText(): string {
    const t = this.numeral;
    this.numeral = '';
    return t;
  }

  /** A line without (chop) or with its '\n'; undefined when nothing at all could be read. */
  readLine(chop: boolean): string | undefined {
    let acc: string | undefined;
    while (this.fill()) {
      const nl = this.rbuf.indexOf('\n', this.rpos);
      if (nl >= 0) {
        const piece = this.rbuf.slice(this.rpos, chop ? nl : nl + 1);
        this.consume(nl + 1 - this.rpos);
        return acc === undefined ? piece : acc + piece;
      }
      const rest = this.rbuf.slice(this.rpos);
      this.consume(rest.length);
      acc = acc === undefined ? rest : acc + rest;
    }
    return acc;
  }

  /** Up to n bytes; undefined when none could be read. */
  readChars(n: number): string | undefined {
    const parts: string[] = [];
    let got = 0;
    while (got < n && this.fill()) {
      const take = Math.min(n - got, this.rbuf.length - this.rpos);
      parts.push(this.rbuf.slice(this.rpos, this.rpos + take));
      this.consume(take);
      got += take;
    }
    return got > 0 ? (parts.length === 1 ? parts[0] : parts.join('')) : undefined;
  }

  readAll(): string {
    const parts: string[] = [];
    while (this.fill()) {
      parts.push(this.rpos === 0 ? this.rbuf : this.rbuf.slice(this.rpos));
      this.consume(this.rbuf.length - this.rpos);
    }
    return parts.join('');
  }

  /** Gives unconsumed read-ahead back to a shared raw file (stdin), so other readers see it. */
  release(): void {
    if (this.rpos < this.rbuf.length && this.raw?.unread) {
      this.raw.unread(this.rbuf.slice(this.rpos));
      this.rbuf = '';
      this.rpos = 0;
    }
  }

  // ------------------------------------------------------------------------------------ writing

  write(s: string): void {
    if (s.length === 0) return; // fwrite of nothing succeeds, even on a read-only stream
    if (!this.writable) throw EBADF();
    const out = this.out;
    if (out) {
      out.write(s);
      if (this.bufMode === 'no' || (this.bufMode === 'line' && s.indexOf('\n') >= 0)) out.flush();
      return;
    }
    if (this.rpos < this.rbuf.length) this.dropReadAhead();
    if (this.wbuf.length === 0) this.startPending();
    this.wbuf += s;
    this.pos += s.length;
    if (
      this.bufMode === 'no' ||
      this.wbuf.length >= this.bufSize ||
      (this.bufMode === 'line' && s.indexOf('\n') >= 0)
    ) this.flushWrites();
  }

  private startPending(): void {
    this.wstart = this.pos;
    pendingWrites.add(this);
    const id = this.raw?.identity;
    if (this.bufMode === 'default' && id !== undefined) {
      let set = dirtyByIdentity.get(id);
      if (!set) dirtyByIdentity.set(id, (set = new Set()));
      set.add(this);
    }
  }

  private endPending(): void {
    pendingWrites.delete(this);
    const id = this.raw?.identity;
    if (id !== undefined) {
      const set = dirtyByIdentity.get(id);
      if (set && set.delete(this) && set.size === 0) dirtyByIdentity.delete(id);
    }
  }

  /** Writes the buffered bytes out (data is dropped on failure, so an error is reported once). */
  flushWrites(): void {
    if (this.wbuf.length === 0) return;
    const s = this.wbuf;
    this.wbuf = '';
    this.endPending();
    const raw = this.raw!;
    syncIdentity(raw.identity, this);
    raw.write(s, this.wstart);
    if (this.append && raw.seekable) this.pos = raw.size();
  }

  private dropReadAhead(): void {
    if (this.raw?.seekable) {
      this.rbuf = '';
      this.rpos = 0;
    } else this.release();
  }

  flush(): void {
    if (this.out) this.out.flush();
    else this.flushWrites();
  }

  seek(whence: number, offset: number): number {
    if (this.out || !this.raw) throw ESPIPE();
    this.flushWrites();
    const raw = this.raw;
    if (!raw.seekable) throw ESPIPE();
    const base = whence === 0 ? 0 : whence === 1 ? this.pos : raw.size();
    const target = base + offset;
    if (target < 0 || !Number.isSafeInteger(target)) throw EINVAL();
    const bufStart = this.pos - this.rpos;
    if (!this.writable && target >= bufStart && target <= bufStart + this.rbuf.length) {
      this.rpos = target - bufStart; // still inside the read buffer (glibc keeps it for read-only streams)
    } else {
      this.rbuf = '';
      this.rpos = 0;
    }
    this.pos = target;
    return target;
  }

  setBuffering(mode: 'no' | 'full' | 'line', size: number): void {
    if (this.out) {
      this.out.flush();
      const o = this.out as OutputStream & { setBuffering?(m: string): void };
      o.setBuffering?.(mode);
    } else this.flushWrites();
    this.bufMode = mode;
    this.bufSize = mode === 'full' ? Math.max(1, size) : CHUNK;
  }

  /** fclose: flushes, then releases the raw file even when the flush failed. */
  closeRaw(): void {
    try {
      this.flushWrites();
    } finally {
      this.endPending();
      this.raw?.close();
    }
  }
}

// ------------------------------------------------------------------------------------ file handles

/** State of one io library instance (one per LuaState). */
interface IoContext {
  host: Host;
  mt: LuaTable;
  stdinStream: Stream;
}

function isFileHandle(cx: IoContext, v: LuaValue): v is Userdata {
  return v instanceof Userdata && v.metatable === cx.mt && v.data instanceof Stream;
}

/** luaL_checkudata(L, i, "FILE*"). */
function toHandle(L: LuaState, cx: IoContext, args: LuaValue[], i: number): Userdata {
  const v = args[i - 1];
  if (!isFileHandle(cx, v)) typeError(L, i, 'FILE*', v, args);
  return v as Userdata;
}

/** tofile: a handle that must be open. */
function toStream(L: LuaState, cx: IoContext, args: LuaValue[], i: number): Stream {
  const s = toHandle(L, cx, args, i).data as Stream;
  if (s.closed) luaError(L, 'attempt to use a closed file');
  return s;
}

function newHandle(cx: IoContext, s: Stream): Userdata {
  return new Userdata(s, cx.mt);
}

function failure(e: unknown, fname?: string): LuaValue[] {
  if (!(e instanceof SysError)) throw e;
  return [undefined, fname === undefined ? e.text : `${fname}: ${e.text}`, e.errno];
}

/** aux_close: marks the handle closed and runs its kind's close function. */
function closeStream(s: Stream): LuaValue[] {
  if (s.kind === 'std') {
    return [undefined, 'cannot close standard file'];
  }
  s.closed = true;
  if (s.kind === 'popen') {
    openWritePipes.delete(s);
    try {
      s.closeRaw();
      const st = s.proc!.finish();
      return [st.what === 'exit' && st.code === 0 ? true : undefined, st.what, st.code];
    } catch (e) {
      return failure(e);
    }
  }
  try {
    s.closeRaw();
    return [true];
  } catch (e) {
    return failure(e);
  }
}

/** Decodes an fopen mode already checked against '[rwa]%+?b*'. */
function decodeMode(mode: string): OpenFlags {
  const plus = mode[1] === '+';
  const m = mode[0];
  return {
    read: m === 'r' || plus,
    write: m !== 'r' || plus,
    append: m === 'a',
    truncate: m === 'w',
    create: m !== 'r',
  };
}

function openStream(cx: IoContext, fname: string, mode: string): Stream {
  const flags = decodeMode(mode);
  // dropped writers of a file about to be truncated write first, as if they had been collected already
  if (flags.truncate && dirtyByIdentity.size > 0) syncIdentity(cx.host.identify(fname), undefined);
  const raw = cx.host.open(fname, flags);
  const s = new Stream('file', raw, undefined, flags.read, flags.write, flags.append);
  if (flags.append && !flags.read && raw.seekable) s.pos = raw.size(); // glibc starts "a" (not "a+") at the end
  return s;
}

/** opencheck: open or raise "cannot open file 'x' (reason)". */
function openOrRaise(L: LuaState, cx: IoContext, fname: string, mode: string): Userdata {
  try {
    return newHandle(cx, openStream(cx, fname, mode));
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    return luaError(L, `cannot open file '${fname}' (${e.text})`);
  }
}

// ---------------------------------------------------------------------------------------- reading

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function isDigit(c: number, hex: boolean): boolean {
  return (c >= 48 && c <= 57) || (hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)));
}

/** read("n") (liolib's l_getn): consumes the longest prefix that can start a numeral, at most 200 chars, and
 * converts it; nil when that prefix is not a valid numeral. One reader is reused: no allocation per call. */
class NumeralReader {
  private s!: Stream;
  private c = 0; // look-ahead byte (-1 at end of file)
  private n = 0; // bytes accepted
  private overflow = false;

  read(s: Stream): LuaValue {
    this.s = s;
    let c: number;
    while (isSpace((c = s.peek()))) s.skip();
    this.c = c;
    this.n = 0;
    this.overflow = false;
    s.markNumeral();
    let count = 0;
    let hex = false;
    this.test2(45, 43); // '-' '+'
    if (this.test2(48, 48)) {
      if (this.test2(120, 88)) hex = true; // 'x' 'X'
      else count = 1;
    }
    count += this.digits(hex);
    if (this.test2(46, 46)) count += this.digits(hex); // '.'
    if (count > 0 && (hex ? this.test2(112, 80) : this.test2(101, 69))) {
      this.test2(45, 43);
      this.digits(false);
    }
    const text = s.numeralText();
    return this.overflow ? undefined : str2number(text);
  }

  private accept(): boolean {
    if (this.n >= MAX_NUMERAL) {
      this.overflow = true;
      return false;
    }
    this.n++;
    this.s.takeNumeralByte(this.c);
    this.c = this.s.peek();
    return true;
  }

  private test2(a: number, b: number): boolean {
    return this.c === a || this.c === b ? this.accept() : false;
  }

  private digits(hex: boolean): number {
    let k = 0;
    while (isDigit(this.c, hex) && this.accept()) k++;
    return k;
  }
}

const numeralReader = new NumeralReader();

/** g_read: reads with the formats args[first-1..]; returns the results, or nil, message, errno on failure. */
function readFormats(L: LuaState, s: Stream, args: LuaValue[], first: number): LuaValue[] {
  try {
    if (args.length < first) return [s.readLine(true)];
    const results: LuaValue[] = [];
    for (let n = first; n <= args.length; n++) {
      const v = readOne(L, s, args, n);
      results.push(v);
      if (v === undefined) break;
    }
    return results;
  } catch (e) {
    return failure(e);
  } finally {
    s.release();
  }
}

function readOne(L: LuaState, s: Stream, args: LuaValue[], n: number): LuaValue {
  const fmt = args[n - 1];
  if (isNumber(fmt)) {
    const count = checkInteger(L, args, n);
    if (count < 0) throw new LuaError('not enough memory');
    if (count === 0 || count === 0n) return s.peek() >= 0 ? '' : undefined;
    return s.readChars(Number(count));
  }
  const p = checkString(L, args, n);
  switch (p[0] === '*' ? p[1] : p[0]) {
    case 'n':
      return numeralReader.read(s);
    case 'l':
      return s.readLine(true);
    case 'L':
      return s.readLine(false);
    case 'a':
      return s.readAll();
    default:
      return argError(L, n, 'invalid format');
  }
}

// ---------------------------------------------------------------------------------------- writing


/** g_write: writes args[first-1..]; returns the file, or nil, message, errno. */
function writeValues(L: LuaState, s: Stream, file: LuaValue, args: LuaValue[], first: number): LuaValue[] {
  let err: unknown;
  for (let i = first; i <= args.length; i++) {
    const v = args[i - 1];
    let text: string;
    if (typeof v === 'string') text = v;
    else if (isNumber(v)) text = isInteger(v) ? String(v) : formatG(toDouble(v), 14);
    else text = checkString(L, args, i);
    if (err !== undefined) continue;
    try {
      s.write(text);
    } catch (e) {
      if (!(e instanceof SysError)) throw e;
      err = e;
    }
  }
  return err === undefined ? [file] : failure(err);
}

// -------------------------------------------------------------------------------------- the library

function fn(name: string, f: (L: LuaState, args: LuaValue[]) => LuaValue[]): NativeFunction {
  return new NativeFunction(name, f);
}

/** The default input or output handle; raises when it is closed. */
function defaultFile(L: LuaState, key: '_IO_input' | '_IO_output'): Userdata {
  const h = L.registry.getStr(key) as Userdata;
  if ((h.data as Stream).closed) luaError(L, `default ${key.slice(4)} file is closed`);
  return h;
}

/** The iterator of io.lines / f:lines (io_readline). */
function linesIterator(cx: IoContext, handle: Userdata, formats: LuaValue[], toclose: boolean): NativeFunction {
  const s = handle.data as Stream;
  const readArgs = [handle, ...formats]; // g_read's view: formats from argument 2 on
  return fn('lines_iterator', (L) => {
    if (s.closed) luaError(L, 'file is already closed');
    const res = readFormats(L, s, readArgs, 2);
    if (truthy(res[0])) return res;
    if (res.length > 1) luaError(L, String(res[1]));
    if (toclose) closeStream(s);
    return NONE;
  });
}

function checkLinesCount(L: LuaState, nformats: number): void {
  if (nformats > MAX_LINES_ARGS) argError(L, MAX_LINES_ARGS + 2, 'too many arguments');
}

export function openIo(L: LuaState, host: Host): LuaTable {
  const mt = new LuaTable();
  const stdinStream = new Stream('std', host.stdin, undefined, true, false, false);
  stdinStream.beforeFill = () => L.stdout.flush();
  const cx: IoContext = { host, mt, stdinStream };
  buildMetatable(cx);
  L.registry.setStr('FILE*', mt);

  const io = new LuaTable();
  const stdin = newHandle(cx, stdinStream);
  const stdout = newHandle(cx, new Stream('std', undefined, L.stdout, false, true, false));
  const stderr = newHandle(cx, new Stream('std', undefined, L.stderr, false, true, false));
  io.setStr('stdin', stdin);
  io.setStr('stdout', stdout);
  io.setStr('stderr', stderr);
  L.registry.setStr('_IO_input', stdin);
  L.registry.setStr('_IO_output', stdout);
  for (const [name, f] of libraryFunctions(cx)) io.setStr(name, fn(name, f));
  registerExitFlush(host);
  return io;
}

const hostsWithExitFlush = new WeakSet<Host>();

function registerExitFlush(host: Host): void {
  if (hostsWithExitFlush.has(host)) return;
  hostsWithExitFlush.add(host);
  host.onExit(finishAtExit);
}

type Lib = [string, (L: LuaState, a: LuaValue[]) => LuaValue[]][];

function libraryFunctions(cx: IoContext): Lib {
  return [
    ['close', (L, a) => {
      if (a.length === 0) a = [L.registry.getStr('_IO_output')];
      const s = toStream(L, cx, a, 1);
      return closeStream(s);
    }],
    ['flush', (L) => {
      const s = defaultFile(L, '_IO_output').data as Stream;
      return fileResult(() => s.flush());
    }],
    ['input', (L, a) => selectFile(L, cx, a, '_IO_input', 'r')],
    ['output', (L, a) => selectFile(L, cx, a, '_IO_output', 'w')],
    ['lines', (L, a) => ioLines(L, cx, a)],
    ['open', (L, a) => {
      const fname = checkString(L, a, 1);
      const mode = optString(L, a, 2, 'r');
      const cmode = mode.split('\0')[0]; // C sees the mode up to its first zero byte
      if (!/^[rwa]\+?b*$/.test(cmode)) argError(L, 2, 'invalid mode');
      try {
        return [newHandle(cx, openStream(cx, fname, cmode))];
      } catch (e) {
        return failure(e, fname);
      }
    }],
    ['popen', (L, a) => {
      const prog = checkString(L, a, 1);
      const mode = optString(L, a, 2, 'r');
      if (mode !== 'r' && mode !== 'w') argError(L, 2, 'invalid mode');
      flushAllStreams();
      L.stdout.flush();
      L.stderr.flush();
      try {
        const proc = cx.host.popen(prog, mode as 'r' | 'w');
        const s = new Stream('popen', proc.file, undefined, mode === 'r', mode === 'w', false, proc);
        if (mode === 'w') openWritePipes.add(s);
        return [newHandle(cx, s)];
      } catch (e) {
        return failure(e, prog);
      }
    }],
    ['read', (L, a) => readFormats(L, defaultFile(L, '_IO_input').data as Stream, a, 1)],
    ['tmpfile', () => {
      try {
        return [newHandle(cx, new Stream('file', cx.host.tmpfile(), undefined, true, true, false))];
      } catch (e) {
        return failure(e);
      }
    }],
    ['type', (L, a) => {
      checkAny(L, a, 1);
      const v = a[0];
      if (!isFileHandle(cx, v)) return [undefined];
      return [(v.data as Stream).closed ? 'closed file' : 'file'];
    }],
    ['write', (L, a) => {
      const h = defaultFile(L, '_IO_output');
      return writeValues(L, h.data as Stream, h, a, 1);
    }],
  ];
}

/** luaL_fileresult around an operation. */
function fileResult(op: () => void): LuaValue[] {
  try {
    op();
    return [true];
  } catch (e) {
    return failure(e);
  }
}

/** io.input / io.output (g_iofile). */
function selectFile(L: LuaState, cx: IoContext, a: LuaValue[], key: string, mode: string): LuaValue[] {
  const v = a[0];
  if (v !== undefined) {
    if (typeof v === 'string' || isNumber(v)) {
      L.registry.setStr(key, openOrRaise(L, cx, checkString(L, a, 1), mode));
    } else {
      toStream(L, cx, a, 1);
      L.registry.setStr(key, v);
    }
  }
  return [L.registry.getStr(key)];
}

function ioLines(L: LuaState, cx: IoContext, a: LuaValue[]): LuaValue[] {
  if (a[0] === undefined) {
    const h = L.registry.getStr('_IO_input');
    toStream(L, cx, [h], 1);
    checkLinesCount(L, Math.max(0, a.length - 1));
    return [linesIterator(cx, h as Userdata, a.slice(1), false)];
  }
  const fname = checkString(L, a, 1);
  const h = openOrRaise(L, cx, fname, 'r');
  if (a.length - 1 > MAX_LINES_ARGS) closeStream(h.data as Stream); // C leaves it to the collector
  checkLinesCount(L, a.length - 1);
  return [linesIterator(cx, h, a.slice(1), true), undefined, undefined, h];
}

function buildMetatable(cx: IoContext): void {
  const { mt } = cx;
  const methods = new LuaTable();
  const method = (name: string, f: (L: LuaState, a: LuaValue[], s: Stream) => LuaValue[]) =>
    methods.setStr(name, fn(name, (L, a) => f(L, a, toStream(L, cx, a, 1))));
  method('close', (_L, _a, s) => closeStream(s));
  method('flush', (_L, _a, s) => fileResult(() => s.flush()));
  method('lines', (L, a) => {
    checkLinesCount(L, a.length - 1);
    return [linesIterator(cx, a[0] as Userdata, a.slice(1), false)];
  });
  method('read', (L, a, s) => readFormats(L, s, a, 2));
  method('seek', (L, a, s) => {
    const whence = checkOption(L, a, 2, 'cur', ['set', 'cur', 'end']);
    const offset = optInteger(L, a, 3, 0);
    try {
      return [s.seek(whence, Number(offset))];
    } catch (e) {
      return failure(e);
    }
  });
  method('setvbuf', (L, a, s) => {
    const mode = checkOption(L, a, 2, undefined, ['no', 'full', 'line']);
    const size = optInteger(L, a, 3, LUAL_BUFFERSIZE);
    s.setBuffering((['no', 'full', 'line'] as const)[mode], Number(size));
    return [true];
  });
  method('write', (L, a, s) => writeValues(L, s, a[0], a, 2));
  mt.setStr('__name', 'FILE*');
  mt.setStr('__index', methods);
  const gc = fn('__gc', (L, a) => {
    const s = toHandle(L, cx, a, 1).data as Stream;
    if (!s.closed) closeStream(s);
    return NONE;
  });
  mt.setStr('__gc', gc);
  mt.setStr('__close', gc);
  mt.setStr('__tostring', fn('__tostring', (L, a) => {
    const s = toHandle(L, cx, a, 1).data as Stream;
    return [s.closed ? 'file (closed)' : `file (${addressOf(s)})`];
  }));
}
