/*
 * The public embedding API: the one door through which the CLI and host applications use the engine.
 *
 *   const lua = new Lua({ stdout, stderr, host });
 *   lua.doString('x = 6 * 7');  lua.getGlobal('x')  // 42
 *
 * Text given as a JS string is Lua source text and is encoded as UTF-8 bytes (Lua strings are byte strings);
 * a Uint8Array is taken as the bytes themselves. Values cross the boundary in Moonrise's own representation
 * (runtime/value.ts): integers beyond 2^53 are bigints, integral floats are LFloat boxes, strings are byte
 * strings. Errors surface as LuaError, whose `value` is the Lua error value.
 */
import { State } from '../interp/state.js';
import { traceback } from '../interp/traceback.js';
import { LuaError } from '../runtime/errors.js';
import { LuaTable } from '../runtime/table.js';
import { LFloat, LuaFunction, NativeFunction, typeName, type LuaValue, type NativeFn } from '../runtime/value.js';
import type { OutputStream } from '../runtime/state.js';
import type { Host } from '../host/host.js';
import { openLibs } from '../lib/init.js';
import { prepareChunkText } from '../lib/package.js';
import { tokenize, parse } from '../syntax/parser.js';
import { dumpTokens, dumpAst } from '../syntax/dump.js';
import { compile, disassemble } from '../compiler/index.js';
import { enableJit } from '../jit/index.js';

export { LuaError, LuaTable, LuaFunction, NativeFunction };
export { LFloat };
export { Userdata, NONE } from '../runtime/value.js';
export type { LuaValue, NativeFn, OutputStream, Host };

export interface LuaOptions {
  /** Where print/io.write go. Default: a stream that discards output unless a host provides one. */
  stdout?: OutputStream;
  stderr?: OutputStream;
  /** File system, processes, clocks; without a host, io/os/package/loadfile have no file access. */
  host?: Host;
  /** Like `lua -E`: ignore LUA_PATH and friends. */
  ignoreEnv?: boolean;
  /** Execution tier: 'interp' (default) or 'jit' (functions compiled to JavaScript, src/jit). */
  tier?: string;
  /** jit tier: calls before a function is compiled (0: at its first call). */
  jitThreshold?: number;
  /** jit tier: receives the generated JavaScript of each compiled function (`--dump js`). */
  onJitCompile?: (source: string, chunkname: string, line: number) => void;
  /** jit tier: receives compile and deoptimisation events (`--trace-jit`). */
  jitTrace?: (msg: string) => void;
}

export type Outcome = { ok: true; values: LuaValue[] } | { ok: false; error: string; value: LuaValue };

const TIERS = ['interp', 'jit'];

export class Lua {
  readonly state: State;

  constructor(options: LuaOptions = {}) {
    if (options.tier !== undefined && !TIERS.includes(options.tier)) {
      throw new Error(`unknown tier '${options.tier}' (available: ${TIERS.join(', ')})`);
    }
    this.state = new State({ stdout: options.stdout, stderr: options.stderr, host: options.host });
    if (options.ignoreEnv) this.state.registry.setStr('LUA_NOENV', true);
    openLibs(this.state, options.host);
    if (options.tier === 'jit') {
      const dump = options.onJitCompile;
      enableJit(this.state, {
        threshold: options.jitThreshold,
        onCompile: dump && ((p, src) => dump(src, p.source, p.linedefined)),
        trace: options.jitTrace,
      });
    }
  }

  get globals(): LuaTable {
    return this.state.globals;
  }

  getGlobal(name: string): LuaValue {
    return this.state.globals.getStr(name);
  }

  setGlobal(name: string, value: LuaValue): void {
    this.state.globals.setStr(name, value);
  }

  newTable(): LuaTable {
    return new LuaTable();
  }

  /** Wraps a JS function as a Lua function value. */
  newFunction(name: string, fn: NativeFn): NativeFunction {
    return new NativeFunction(name, fn);
  }

  /** Compiles a chunk; throws LuaError with the syntax error message. */
  load(source: string | Uint8Array, chunkname?: string, mode = 'bt'): LuaValue {
    const bytes = toByteString(source);
    const r = this.state.load(bytes, chunkname ?? bytes, mode);
    if (Array.isArray(r)) throw new LuaError(r[1]);
    return r;
  }

  /** Compiles a chunk of byte-string source, reporting the error message instead of throwing. */
  tryLoad(source: string, chunkname: string): { ok: true; fn: LuaValue } | { ok: false; error: string } {
    const r = this.state.load(source, chunkname, 'bt');
    if (Array.isArray(r)) return { ok: false, error: String(r[1]) };
    return { ok: true, fn: r };
  }

  /** Runs a chunk and returns its results; throws LuaError. */
  doString(source: string | Uint8Array, chunkname?: string): LuaValue[] {
    return this.call(this.load(source, chunkname));
  }

  /** Calls a Lua value with Lua semantics; throws LuaError. */
  call(fn: LuaValue, ...args: LuaValue[]): LuaValue[] {
    return this.state.call(fn, args);
  }

  /** Calls a value in protected mode. With `withTraceback`, the error text gets a stack traceback appended
   * (lua.c's message handler: non-string errors use __tostring or "(error object is a X value)"). */
  protectedCall(fn: LuaValue, args: LuaValue[], withTraceback = true): Outcome {
    const L = this.state;
    let text: string | undefined;
    const r = L.pcall(fn, args, (err) => {
      // lua.c's msghandler runs at the error point, before the stack unwinds
      text = messageText(L, err, withTraceback);
      return err;
    });
    if (r.ok) return r;
    return { ok: false, error: text ?? messageText(L, r.error, false), value: r.error };
  }

  /** Loads and runs a chunk of byte-string source like lua.c's dostring. */
  runChunk(source: string, chunkname: string): { ok: true } | { ok: false; error: string } {
    const r = this.tryLoad(source, chunkname);
    if (!r.ok) return r;
    const res = this.protectedCall(r.fn, []);
    return res.ok ? { ok: true } : res;
  }

  /** Loads a file like luaL_loadfile (stdin when `path` is undefined) and runs it with `args`. */
  runFile(path: string | undefined, args: LuaValue[]): { ok: true } | { ok: false; error: string } {
    const host = this.state.host;
    let text: string;
    if (path === undefined) {
      text = host ? host.readStdinAll() : '';
    } else {
      const data = readFileText(host, path);
      if (data.error !== undefined) return { ok: false, error: data.error };
      text = data.text;
    }
    const r = this.tryLoad(prepareChunkText(text), path === undefined ? '=stdin' : '@' + path);
    if (!r.ok) return r;
    const res = this.protectedCall(r.fn, args);
    return res.ok ? { ok: true } : res;
  }

  tostring(v: LuaValue): string {
    return this.state.tostring(v);
  }

  warn(msg: string, tocont: boolean): void {
    this.state.warn(msg, tocont);
  }

  /** lua_close: runs every pending `__gc` finalizer (newest first; errors become warnings). Call it when done
   * with the state, as lua.c does at exit; the state should not be used afterwards. */
  close(): void {
    this.state.close();
  }
}

function readFileText(host: Host | undefined, path: string): { text: string; error?: undefined } | { error: string } {
  if (!host) return { error: `cannot open ${path}` };
  try {
    return { text: host.readFileOrThrow(path) };
  } catch (e) {
    const err = e as { op?: string; text?: string };
    if (err.op !== undefined) return { error: `cannot ${err.op} ${path}: ${err.text}` };
    throw e;
  }
}

/** lua.c's msghandler: string (or number) messages get a traceback; other values use their __tostring
 * (without a traceback) or become "(error object is a X value)". */
function messageText(L: State, v: LuaValue, withTraceback: boolean): string {
  let msg: string;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || v instanceof LFloat) {
    msg = typeof v === 'string' ? v : L.tostring(v);
  } else {
    const mt = L.getMetatable(v);
    const h = mt?.getStr('__tostring');
    if (h !== undefined) {
      const s = L.pcall(h, [v]);
      if (s.ok && typeof s.values[0] === 'string') return s.values[0];
    }
    msg = `(error object is a ${typeName(v)} value)`;
  }
  return withTraceback ? traceback(L, msg, 1) : msg;
}

/** JS text -> UTF-8 bytes as a byte string; a Uint8Array is taken as bytes. */
export function toByteString(source: string | Uint8Array): string {
  if (typeof source === 'string') {
    if (!/[^\x00-\x7f]/.test(source)) return source; // ASCII: already its own bytes
    source = new TextEncoder().encode(source);
  }
  let s = '';
  for (let i = 0; i < source.length; i += 8192) {
    s += String.fromCharCode.apply(null, source.subarray(i, i + 8192) as unknown as number[]);
  }
  return s;
}

/** The pipeline stages as text, for `--dump` and tools. */
export const inspect = {
  tokens: (source: string, chunkname: string): string => dumpTokens(tokenize(source, chunkname)),
  ast: (source: string, chunkname: string): string => dumpAst(parse(source, chunkname)),
  bytecode: (source: string, chunkname: string): string => disassemble(compile(parse(source, chunkname))),
  skipShebang: prepareChunkText,
};

export { traceback };
