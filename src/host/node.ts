/*
 * Everything Node-specific the engine needs: buffered stdout/stderr (NodeOutput), synchronous stdin, file
 * descriptors for the io library, child processes, the environment, clocks and the local time zone, all
 * behind the Host interface (host.ts) that the io, os and package libraries use.
 *
 * Output model (DESIGN.md §2): an output appends to a JS string and writes it with one fs.writeSync of
 * latin1 bytes when it passes 64 KB, on flush(), at process exit and before any read from stdin. Like C's
 * stdio, stdout is line-buffered on a terminal and fully buffered otherwise; stderr is unbuffered. As in
 * lua5.4, where print() flushes stdout and io.write() does not, a write to stderr first writes out what
 * stdout holds up to the end of the last print() (`settled`), and leaves later io.write() output buffered, so
 * stdout and stderr sent to one pipe interleave as they do with lua5.4.
 *
 * Byte strings: Lua strings are bytes, so file names go to fs as latin1 Buffers (exact bytes). Command lines,
 * environment names and values cross Node's string APIs, which speak UTF-8: they are converted so that valid
 * UTF-8 round-trips byte for byte (other bytes cannot be passed exactly).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tty from 'node:tty';
import { spawnSync } from 'node:child_process';
import type { OutputStream } from '../runtime/state.js';
import {
  SysError, FileLoadError,
  type Host, type RawFile, type OpenFlags, type ExitStatus, type PipeProcess, type ZoneInfo,
} from './host.js';
import { parseTzif, posixZone, dateZone, UTC_ZONE, type Zone } from './tz.js';

// ------------------------------------------------------------------------------------------ errno

/** glibc's strerror texts, by Node error code. */
const STRERROR: Record<string, string> = {
  EPERM: 'Operation not permitted', ENOENT: 'No such file or directory', ESRCH: 'No such process',
  EINTR: 'Interrupted system call', EIO: 'Input/output error', ENXIO: 'No such device or address',
  E2BIG: 'Argument list too long', ENOEXEC: 'Exec format error', EBADF: 'Bad file descriptor',
  ECHILD: 'No child processes', EAGAIN: 'Resource temporarily unavailable', ENOMEM: 'Cannot allocate memory',
  EACCES: 'Permission denied', EFAULT: 'Bad address', EBUSY: 'Device or resource busy', EEXIST: 'File exists',
  EXDEV: 'Invalid cross-device link', ENODEV: 'No such device', ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory', EINVAL: 'Invalid argument', ENFILE: 'Too many open files in system',
  EMFILE: 'Too many open files', ENOTTY: 'Inappropriate ioctl for device', ETXTBSY: 'Text file busy',
  EFBIG: 'File too large', ENOSPC: 'No space left on device', ESPIPE: 'Illegal seek',
  EROFS: 'Read-only file system', EMLINK: 'Too many links', EPIPE: 'Broken pipe',
  EDOM: 'Numerical argument out of domain', ERANGE: 'Numerical result out of range',
  EDEADLK: 'Resource deadlock avoided', ENAMETOOLONG: 'File name too long', ENOLCK: 'No locks available',
  ENOSYS: 'Function not implemented', ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links', EOVERFLOW: 'Value too large for defined data type',
  EILSEQ: 'Invalid or incomplete multibyte or wide character', ENOTSUP: 'Operation not supported',
  EOPNOTSUPP: 'Operation not supported', ECONNREFUSED: 'Connection refused', ECONNRESET: 'Connection reset by peer',
  ETIMEDOUT: 'Connection timed out', EDQUOT: 'Disk quota exceeded', ESTALE: 'Stale file handle',
  ECANCELED: 'Operation canceled', ENOTSOCK: 'Socket operation on non-socket', ENODATA: 'No data available',
};

/** Linux numbers, used where the platform does not define a code. */
const LINUX_ERRNO: Record<string, number> = { EPERM: 1, ENOENT: 2, EIO: 5, EBADF: 9, EAGAIN: 11, EACCES: 13, EEXIST: 17, EISDIR: 21, EINVAL: 22, ESPIPE: 29 };

/** The SysError C would report for errno code `code` ('ENOENT'...). */
export function sysError(code: string): SysError {
  const n = (os.constants.errno as Record<string, number>)[code] ?? LINUX_ERRNO[code] ?? 0;
  return new SysError(n, STRERROR[code] ?? (n ? `Unknown error ${n}` : code));
}

/** Converts whatever Node threw into a SysError (rethrowing non-system errors unchanged). */
function toSysError(e: unknown): SysError {
  if (e instanceof SysError) return e;
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string') return sysError(err.code);
  throw e;
}

/** Runs a Node call, turning its system errors into SysErrors. */
function sys<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw toSysError(e);
  }
}

/** A Lua byte string as a file-system path (exact bytes). */
function fsPath(p: string): Buffer {
  return Buffer.from(p, 'latin1');
}

/** A Lua byte string for Node's string-only APIs (argv, env): valid UTF-8 round-trips exactly. */
function toNodeString(s: string): string {
  return Buffer.from(s, 'latin1').toString('utf8');
}

function fromNodeString(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread briefly (for EAGAIN on non-blocking pipes and terminals). */
function pause(ms: number): void {
  Atomics.wait(sleepCell, 0, 0, ms);
}

// ----------------------------------------------------------------------------------------- outputs

const OUTPUT_LIMIT = 65536;
const outputs = new Set<NodeOutput>();
const exitHooks: (() => void)[] = [];
let exiting = false;

/** Writes every byte of `s` to `fd`, waiting out EAGAIN. On a closed pipe (EPIPE) the process ends quietly
 * with the status a SIGPIPE death shows in the shell, as a C program would die (Node ignores SIGPIPE). Other
 * failures (a closed descriptor) drop the data, as print() ignores fwrite errors in C. */
function writeAll(fd: number, s: string): void {
  const b = Buffer.from(s, 'latin1');
  let off = 0;
  while (off < b.length) {
    try {
      off += fs.writeSync(fd, b, off, b.length - off);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') pause(1);
      else if (code === 'EPIPE') return brokenPipe();
      else return;
    }
  }
}

function brokenPipe(): void {
  for (const o of outputs) o.discard();
  if (!exiting) process.exit(141);
}

/** stdout or stderr of the process, buffered as described in the header. */
export class NodeOutput implements OutputStream {
  private buf = '';
  /** Length of the prefix of `buf` that C would have written already (it ends with a print()). */
  private settled = 0;
  private mode: 'no' | 'line' | 'full';

  /** `_flushFirst` is accepted for callers that name the stream to flush before this one; every output's
   * settled part is written before an unbuffered write anyway. */
  constructor(readonly fd: number, _flushFirst?: NodeOutput) {
    this.mode = fd === 2 ? 'no' : isTerminal(fd) ? 'line' : 'full';
    outputs.add(this);
    installExitHandler();
  }

  write(s: string): void {
    if (this.mode === 'full') {
      this.buf += s;
      if (this.buf.length >= OUTPUT_LIMIT) this.flush();
    } else if (this.mode === 'line') {
      this.buf += s;
      if (this.buf.length >= OUTPUT_LIMIT || s.indexOf('\n') >= 0) this.flush();
    } else {
      for (const o of outputs) if (o !== this) o.flushSettled(); // keep the order of what C has written
      writeAll(this.fd, s);
    }
  }

  flush(): void {
    this.settled = 0;
    if (this.buf.length === 0) return;
    const s = this.buf;
    this.buf = '';
    writeAll(this.fd, s);
  }

  settle(): void {
    this.settled = this.buf.length;
  }

  /** Writes the settled prefix of the buffer (see the header). */
  flushSettled(): void {
    const n = this.settled;
    if (n === 0) return;
    this.settled = 0;
    const s = this.buf;
    this.buf = s.length === n ? '' : s.slice(n);
    writeAll(this.fd, n === s.length ? s : s.slice(0, n));
  }

  /** setvbuf for the standard outputs. */
  setBuffering(mode: 'no' | 'line' | 'full'): void {
    this.flush();
    this.mode = mode;
  }

  discard(): void {
    this.buf = '';
    this.settled = 0;
  }
}

function isTerminal(fd: number): boolean {
  try {
    return tty.isatty(fd);
  } catch {
    return false;
  }
}

/** Flushes every output except `except` (all of them when undefined). */
export function flushOutputs(except?: NodeOutput): void {
  for (const o of outputs) if (o !== except) o.flush();
}

let exitHandlerInstalled = false;

function installExitHandler(): void {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  process.on('exit', () => {
    exiting = true;
    for (const hook of exitHooks) {
      try {
        hook();
      } catch {
        // a failing flush at exit has nobody left to report to
      }
    }
    flushOutputs();
  });
}

// ------------------------------------------------------------------------------------------- stdin

const CHUNK = 65536;
let scratch = Buffer.allocUnsafe(CHUNK);

function scratchOf(n: number): Buffer {
  if (scratch.length < n) scratch = Buffer.allocUnsafe(n);
  return scratch;
}

/** The process's standard input, shared by io.stdin, the REPL and `lua -`: read-ahead given back with
 * unread() is served first, and every real read flushes the outputs first (prompts appear before input). */
class StdinFile implements RawFile {
  readonly seekable = false;
  readonly identity = undefined;
  private pending = '';

  read(n: number): string {
    if (this.pending.length > 0) {
      const s = this.pending.length <= n ? this.pending : this.pending.slice(0, n);
      this.pending = this.pending.slice(s.length);
      return s;
    }
    flushOutputs();
    const len = Math.min(n, CHUNK);
    const buf = scratchOf(len);
    for (;;) {
      try {
        const got = fs.readSync(0, buf, 0, len, null);
        return buf.toString('latin1', 0, got);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') pause(10);
        else if (code === 'EOF') return '';
        else throw toSysError(e);
      }
    }
  }

  unread(s: string): void {
    this.pending = s + this.pending;
  }

  write(): void {
    throw sysError('EBADF');
  }

  size(): number {
    throw sysError('ESPIPE');
  }

  close(): void {
    // the standard input stays open
  }
}

// ------------------------------------------------------------------------------------- file descriptors

/** An open file descriptor: positioned reads and writes on regular files, sequential ones otherwise. */
class FdFile implements RawFile {
  constructor(
    private fd: number,
    readonly seekable: boolean,
    readonly identity: string | undefined,
    private append: boolean,
  ) {}

  read(n: number, position: number): string {
    const len = Math.min(n, 1 << 24);
    const buf = len <= CHUNK ? scratchOf(len) : Buffer.allocUnsafe(len);
    const got = sys(() => fs.readSync(this.fd, buf, 0, len, this.seekable ? position : null));
    return buf.toString('latin1', 0, got);
  }

  write(s: string, position: number): void {
    const b = Buffer.from(s, 'latin1');
    const positioned = this.seekable && !this.append;
    let off = 0;
    while (off < b.length) {
      try {
        off += fs.writeSync(this.fd, b, off, b.length - off, positioned ? position + off : null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') pause(1);
        else throw toSysError(e);
      }
    }
  }

  size(): number {
    return sys(() => fs.fstatSync(this.fd).size);
  }

  close(): void {
    const fd = this.fd;
    this.fd = -1;
    sys(() => fs.closeSync(fd));
  }
}

function openFd(fd: number, append: boolean): FdFile {
  try {
    const st = fs.fstatSync(fd);
    const seekable = st.isFile() || st.isBlockDevice();
    return new FdFile(fd, seekable, `${st.dev}:${st.ino}`, append);
  } catch {
    return new FdFile(fd, false, undefined, append);
  }
}

function openFlags(f: OpenFlags): number {
  const c = fs.constants;
  let n = f.read && f.write ? c.O_RDWR : f.write ? c.O_WRONLY : c.O_RDONLY;
  if (f.create) n |= c.O_CREAT;
  if (f.truncate) n |= c.O_TRUNC;
  if (f.append) n |= c.O_APPEND;
  return n;
}

/** A read-only, non-seekable view of bytes already in memory (the output of a popen'ed command). */
class StringFile implements RawFile {
  readonly seekable = false;
  readonly identity = undefined;
  private at = 0;
  constructor(private data: string) {}
  read(n: number): string {
    const s = this.data.slice(this.at, this.at + n);
    this.at += s.length;
    return s;
  }
  write(): void {
    throw sysError('EBADF');
  }
  size(): number {
    throw sysError('ESPIPE');
  }
  close(): void {
    this.data = '';
  }
}

/** Collects what is written to a popen(..., 'w') pipe; the command runs when the pipe is closed. */
class CollectFile implements RawFile {
  readonly seekable = false;
  readonly identity = undefined;
  parts: string[] = [];
  read(): string {
    throw sysError('EBADF');
  }
  write(s: string): void {
    this.parts.push(s);
  }
  size(): number {
    throw sysError('ESPIPE');
  }
  close(): void {}
}

// ---------------------------------------------------------------------------------------- processes

function exitStatus(r: ReturnType<typeof spawnSync>): ExitStatus {
  if (r.error) throw toSysError(r.error);
  if (r.status !== null) return { what: 'exit', code: r.status };
  const sig = r.signal ? (os.constants.signals as Record<string, number>)[r.signal] ?? 0 : 0;
  return { what: 'signal', code: sig };
}

function runShell(command: string, options: Parameters<typeof spawnSync>[2]): ReturnType<typeof spawnSync> {
  return spawnSync(toNodeString(command), { shell: true, maxBuffer: Infinity, ...options });
}

// -------------------------------------------------------------------------------------- time zones

let zoneSpec: string | undefined | null = null; // the TZ value the cached zone was built for
let zone: Zone = UTC_ZONE;

/** The zone glibc's tzset would pick for the current TZ: a zoneinfo file, else a POSIX TZ string. */
function currentZone(): Zone {
  const tz = process.env.TZ;
  if (tz === zoneSpec) return zone;
  zoneSpec = tz;
  zone = loadZone(tz);
  return zone;
}

function loadZone(tz: string | undefined): Zone {
  if (tz === undefined) return readZoneFile('/etc/localtime') ?? dateZone;
  if (tz === '') return UTC_ZONE;
  const name = tz[0] === ':' ? tz.slice(1) : tz;
  const file = name[0] === '/' ? name : path.join(process.env.TZDIR ?? '/usr/share/zoneinfo', name);
  return readZoneFile(file) ?? posixZone(name) ?? UTC_ZONE;
}

function readZoneFile(file: string): Zone | undefined {
  try {
    return parseTzif(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

// -------------------------------------------------------------------------------------------- host

const stdinFile = new StdinFile();
const TMP_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Creates a new empty file with a unique name like mkstemp("/tmp/lua_XXXXXX"); returns name and fd. */
function makeTemp(): { name: string; fd: number } {
  const dir = process.platform === 'win32' ? os.tmpdir() : '/tmp';
  for (let tries = 0; ; tries++) {
    let suffix = '';
    for (let k = 0; k < 6; k++) suffix += TMP_CHARS[Math.floor(Math.random() * TMP_CHARS.length)];
    const name = path.join(dir, 'lua_' + suffix);
    try {
      return { name, fd: fs.openSync(name, 'wx+', 0o600) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || tries > 100) throw toSysError(e);
    }
  }
}

/** One line of standard input without its '\n' (the REPL's fgets), or undefined at end of input. */
export function readStdinLine(): string | undefined {
  let line = '';
  for (;;) {
    const s = stdinFile.read(CHUNK);
    if (s === '') return line === '' ? undefined : line;
    const nl = s.indexOf('\n');
    if (nl >= 0) {
      stdinFile.unread(s.slice(nl + 1));
      return line + s.slice(0, nl);
    }
    line += s;
  }
}

export const nodeHost: Host = {
  stdin: stdinFile,

  open(p: string, flags: OpenFlags): RawFile {
    const fd = sys(() => fs.openSync(fsPath(p), openFlags(flags), 0o666));
    return openFd(fd, flags.append);
  },

  tmpfile(): RawFile {
    const { name, fd } = makeTemp();
    try {
      fs.unlinkSync(name);
    } catch {
      // Windows cannot remove an open file; it stays as an ordinary temporary file
    }
    return openFd(fd, false);
  },

  readFile(p: string): string | undefined {
    try {
      return nodeHost.readFileOrThrow(p);
    } catch (e) {
      if (e instanceof SysError) return undefined;
      throw e;
    }
  },

  readFileOrThrow(p: string): string {
    let fd: number;
    try {
      fd = fs.openSync(fsPath(p), 'r');
    } catch (e) {
      const s = toSysError(e);
      throw new FileLoadError(s.errno, s.text, 'open');
    }
    try {
      return fs.readFileSync(fd).toString('latin1');
    } catch (e) {
      const s = toSysError(e);
      throw new FileLoadError(s.errno, s.text, 'read');
    } finally {
      fs.closeSync(fd);
    }
  },

  identify(p: string): string | undefined {
    try {
      const st = fs.statSync(fsPath(p));
      return `${st.dev}:${st.ino}`;
    } catch {
      return undefined;
    }
  },

  isReadable(p: string): boolean {
    try {
      fs.closeSync(fs.openSync(fsPath(p), 'r'));
      return true;
    } catch {
      return false;
    }
  },

  remove(p: string): void {
    // C's remove(): unlink, or rmdir for a directory
    try {
      fs.unlinkSync(fsPath(p));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EISDIR' && code !== 'EPERM') throw toSysError(e);
      let isDir = false;
      try {
        isDir = fs.lstatSync(fsPath(p)).isDirectory();
      } catch {
        // fall through with the unlink error
      }
      if (!isDir) throw toSysError(e);
      sys(() => fs.rmdirSync(fsPath(p)));
    }
  },

  rename(from: string, to: string): void {
    sys(() => fs.renameSync(fsPath(from), fsPath(to)));
  },

  tmpname(): string {
    const { name, fd } = makeTemp();
    fs.closeSync(fd);
    return fromNodeString(name);
  },

  execute(command: string): ExitStatus {
    // like system(): the outputs are not flushed, so a child writes before our pending buffer (as in C)
    return exitStatus(runShell(command, { stdio: 'inherit' }));
  },

  hasShell(): boolean {
    return process.platform === 'win32' || fs.existsSync('/bin/sh');
  },

  popen(command: string, mode: 'r' | 'w'): PipeProcess {
    flushOutputs(); // l_popen does fflush(NULL)
    if (mode === 'r') {
      // the command runs to completion now; its output is then read from memory
      const r = runShell(command, { stdio: ['inherit', 'pipe', 'inherit'] });
      if (r.error) throw toSysError(r.error);
      const file = new StringFile((r.stdout as Buffer).toString('latin1'));
      return { file, finish: () => exitStatus(r) };
    }
    const file = new CollectFile();
    return {
      file,
      finish: () => {
        flushOutputs();
        const input = Buffer.from(file.parts.join(''), 'latin1');
        return exitStatus(runShell(command, { stdio: ['pipe', 'inherit', 'inherit'], input }));
      },
    };
  },

  exit(status: number): never {
    flushOutputs();
    process.exit(status);
  },

  getenv(name: string): string | undefined {
    const v = process.env[toNodeString(name)];
    return v === undefined ? undefined : fromNodeString(v);
  },

  cpuTime(): number {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  },

  now(): number {
    return Date.now() / 1000;
  },

  zone(t: number): ZoneInfo | undefined {
    return currentZone().at(t);
  },

  flushAll(): void {
    flushOutputs();
  },

  onExit(hook: () => void): void {
    exitHooks.push(hook);
    installExitHandler();
  },

  readStdinAll(): string {
    const parts: string[] = [];
    for (;;) {
      const s = stdinFile.read(CHUNK);
      if (s === '') return parts.join('');
      parts.push(s);
    }
  },
};
