/*
 * Output streams for the embedding API: adapters from the state's byte-string OutputStream to what a JS
 * developer passes (a text callback) or expects by default (the process's real stdout/stderr under Node).
 *
 * Invariants: no Node module is imported (the API must run in browsers): the process streams are reached
 * through `globalThis.process`. Adapted streams buffer and are flushed by the API at the end of each call into
 * the state, before the Lua thread suspends on a promise, and (stdout) before anything is written to stderr, so
 * that the two streams keep their relative order.
 */
import type { OutputStream } from '../runtime/state.js';
import { luaStringToBytes } from './convert.js';

/** What `stdout`/`stderr` options accept: a byte-string stream, a text callback, or null to discard. */
export type OutputOption = OutputStream | ((text: string) => void) | null;

/** Flush the buffer once it holds this many bytes. */
const LIMIT = 1 << 16;

/** A buffered stream that the API flushes at its own points. */
export abstract class BufferedOutput implements OutputStream {
  protected buf = '';
  /** Flushed before every write reaching this stream (stderr names stdout here). */
  before: BufferedOutput | undefined = undefined;
  constructor(private readonly unbuffered: boolean) {}

  write(s: string): void {
    if (this.before !== undefined) this.before.flush();
    this.buf += s;
    if (this.unbuffered || this.buf.length >= LIMIT) this.flush();
  }

  flush(): void {
    if (this.buf.length === 0) return;
    const s = this.buf;
    this.buf = '';
    this.emit(s);
  }

  protected abstract emit(bytes: string): void;
}

/** Sends UTF-8-decoded text to a callback (a streaming decoder keeps characters split across flushes whole). */
export class TextCallbackOutput extends BufferedOutput {
  private readonly decoder = new TextDecoder('utf-8');
  constructor(private readonly sink: (text: string) => void, unbuffered: boolean) {
    super(unbuffered);
  }
  protected emit(bytes: string): void {
    const text = /[^\x00-\x7f]/.test(bytes) ? this.decoder.decode(luaStringToBytes(bytes), { stream: true }) : bytes;
    if (text.length > 0) this.sink(text);
  }
}

interface ProcessWritable {
  write(chunk: Uint8Array): unknown;
}

/** The process's stdout or stderr (Node, Bun, Deno's process shim), written as raw bytes. */
export class ProcessOutput extends BufferedOutput {
  constructor(private readonly target: ProcessWritable, unbuffered: boolean) {
    super(unbuffered);
  }
  protected emit(bytes: string): void {
    this.target.write(luaStringToBytes(bytes));
  }
}

/** Discards everything. */
export class NullOutput implements OutputStream {
  write(_s: string): void {}
  flush(): void {}
}

function processStream(which: 'stdout' | 'stderr'): ProcessWritable | undefined {
  const proc = (globalThis as { process?: { stdout?: unknown; stderr?: unknown } }).process;
  const s = proc?.[which] as ProcessWritable | undefined;
  return s !== undefined && typeof s.write === 'function' ? s : undefined;
}

/** Builds the state's streams from the options; `owned` lists the ones the API must flush. */
export function makeOutputs(stdout: OutputOption | undefined, stderr: OutputOption | undefined): {
  stdout: OutputStream; stderr: OutputStream; owned: BufferedOutput[];
} {
  const owned: BufferedOutput[] = [];
  const make = (opt: OutputOption | undefined, which: 'stdout' | 'stderr'): OutputStream => {
    const unbuffered = which === 'stderr';
    let out: OutputStream;
    if (opt === null) return new NullOutput();
    if (typeof opt === 'function') out = new TextCallbackOutput(opt, unbuffered);
    else if (opt !== undefined) return opt;
    else {
      const target = processStream(which);
      if (target === undefined) return new NullOutput();
      out = new ProcessOutput(target, unbuffered);
    }
    owned.push(out as BufferedOutput);
    return out;
  };
  const out = make(stdout, 'stdout');
  const err = make(stderr, 'stderr');
  if (err instanceof BufferedOutput && out instanceof BufferedOutput) err.before = out;
  return { stdout: out, stderr: err, owned };
}
