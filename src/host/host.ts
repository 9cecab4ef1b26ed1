/*
 * What the io, os and package libraries (and loadfile) need from the machine they run on. The libraries are
 * written against this interface only, so they contain no Node imports and would run unchanged on another
 * host (a browser host could serve an in-memory file system). src/host/node.ts implements it for Node.
 *
 * Invariants: every string crossing this boundary is a Lua byte string (char codes 0..255): file names,
 * file contents, environment values and command lines. System failures are reported by throwing SysError,
 * which carries the C errno number and the C library's strerror text, so that the libraries can build
 * PUC-Lua's `nil, "name: message", errno` triples.
 */

/** A failed system call: `errno` as C would set it, `text` as strerror(errno) would print it. */
export class SysError extends Error {
  constructor(readonly errno: number, readonly text: string) {
    super(text);
  }
}

/** The primitive operations on an open file descriptor; buffering is the io library's business. */
export interface RawFile {
  /** True for regular files (positioned reads and writes, seek); false for pipes, terminals, sockets. */
  readonly seekable: boolean;
  /** Identifies the underlying file (device and inode) so that writers and readers of one file can be kept
   * coherent; undefined when unknown. */
  readonly identity: string | undefined;
  /** Reads up to `n` bytes at `position` (ignored when not seekable); '' at end of file. */
  read(n: number, position: number): string;
  /** Writes all of `s` at `position` (ignored when not seekable or opened for appending). */
  write(s: string, position: number): void;
  /** The current size of the file (for seek "end" and appends). */
  size(): number;
  /** Gives back unconsumed read-ahead, so that the next reader of a shared stream (stdin) sees it. */
  unread?(s: string): void;
  close(): void;
}

/** fopen's modes, decoded. */
export interface OpenFlags {
  read: boolean;
  write: boolean;
  append: boolean;
  truncate: boolean;
  create: boolean;
}

/** How a child process ended, as luaL_execresult reports it. */
export interface ExitStatus {
  what: 'exit' | 'signal';
  code: number;
}

/** A process started by io.popen. */
export interface PipeProcess {
  /** The reading or writing end, as a non-seekable raw file. */
  readonly file: RawFile;
  /** Closes the pipe, waits for the process and reports how it ended. */
  finish(): ExitStatus;
}

/** Local time as C's localtime_r sees it at one instant. */
export interface ZoneInfo {
  /** Seconds east of UTC (tm_gmtoff). */
  offset: number;
  isdst: boolean;
  /** Abbreviation for %Z (tm_zone). */
  abbr: string;
}

export interface Host {
  // ---- files
  /** Opens a file (throws SysError). */
  open(path: string, flags: OpenFlags): RawFile;
  /** An anonymous read/write file removed from the file system (tmpfile()). */
  tmpfile(): RawFile;
  /** The process's standard input as a shared raw file (io.stdin, the REPL, `lua -`). */
  readonly stdin: RawFile;
  /** Reads standard input to its end (`lua -`, loadfile() without a name), after any unread read-ahead. */
  readStdinAll(): string;
  /** Whole-file read for loadfile/dofile/require: undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** Whole-file read that throws SysError with `op` set to 'open' or 'read' (for loadfile's messages). */
  readFileOrThrow(path: string): string;
  /** The identity (see RawFile.identity) of the file a path names, or undefined when there is none. */
  identify(path: string): string | undefined;
  /** True when fopen(path, "r") would succeed (package.searchpath's test). */
  isReadable(path: string): boolean;
  remove(path: string): void;
  rename(from: string, to: string): void;
  /** A fresh file name in the temporary directory, created empty (mkstemp). */
  tmpname(): string;

  // ---- processes
  /** Runs a command through the shell (system()). */
  execute(command: string): ExitStatus;
  /** Whether a shell is available (system(NULL)). */
  hasShell(): boolean;
  /** Starts a command with a pipe to read its output ('r') or feed its input ('w'). */
  popen(command: string, mode: 'r' | 'w'): PipeProcess;
  /** Ends the process with a status after flushing every stream. */
  exit(status: number): never;

  // ---- environment and time
  getenv(name: string): string | undefined;
  /** Processor time used, in seconds (clock() / CLOCKS_PER_SEC). */
  cpuTime(): number;
  /** Seconds since the epoch (time(NULL)); may be fractional, the caller floors it. */
  now(): number;
  /** The local time zone at instant `t` (seconds since the epoch); undefined when localtime() would fail there.
   * Hosts without zone data leave this out, and JS Date's view of the local zone is used. */
  zone?(t: number): ZoneInfo | undefined;
  /** Flushes every buffered output the host knows about (stdout, stderr). */
  flushAll(): void;
  /** Runs `hook` when the process ends (before the host's outputs are flushed for the last time); the io
   * library flushes its file buffers there, as C's exit() does. */
  onExit(hook: () => void): void;
}

/** Adds `op` to SysErrors thrown while loading whole files. */
export class FileLoadError extends SysError {
  constructor(errno: number, text: string, readonly op: 'open' | 'read') {
    super(errno, text);
  }
}
