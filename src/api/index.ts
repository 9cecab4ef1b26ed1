/*
 * The public embedding API: the one door through which the CLI and host applications use the engine.
 *
 *   const lua = new Lua();
 *   lua.set('greet', (name: string) => `hello, ${name}`);
 *   lua.doString('return greet("moon")');          // ['hello, moon']
 *   await lua.doStringAsync('return fetchIt()');     // JS functions may return promises here
 *
 * Two layers:
 *  - the JS-value layer (doString, call, get/set, load, callAsync, doStringAsync, doFile, toLua/fromLua/toJS):
 *    arguments and results are converted by src/api/convert.ts (numbers, bigints, UTF-8 text, arrays, objects,
 *    functions); errors surface as LuaError with a UTF-8-decoded `message`, the raw Lua `value` and `luaStack`.
 *  - the raw layer in Moonrise's own representation (runtime/value.ts: byte strings, LFloat, bigint beyond
 *    2^53), used by the CLI: getGlobal/setGlobal, tryLoad, protectedCall, runChunk, runFile, tostring, warn.
 *
 * Invariants: calls are refused while the state is suspended on a promise (callAsync) and after close(); the
 * API's own output buffers are flushed when the outermost API call returns and before the thread suspends.
 */
import { State } from '../interp/state.js';
import type { BudgetLimits } from '../interp/budget.js';
import { SpecialFunction, S_XPCALL } from '../interp/call.js';
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
import {
  Bridge, float, multi, LuaMulti, HostObject, encodeUtf8, decodeUtf8, bytesToLuaString, luaStringToBytes,
  type LuaCallable, type FromLuaOptions, type ToJSOptions,
} from './convert.js';
import { makeOutputs, type BufferedOutput, type OutputOption } from './output.js';
import { openSelectedLibs, LIB_NAMES, type LibName } from './libs.js';

export { LuaError, LuaTable, LuaFunction, NativeFunction };
export { LFloat };
export { Userdata, NONE } from '../runtime/value.js';
export { float, multi, LuaMulti, HostObject, LIB_NAMES };
export type { LuaValue, NativeFn, OutputStream, Host, LuaCallable, FromLuaOptions, ToJSOptions, OutputOption, LibName, BudgetLimits };

declare module '../runtime/errors.js' {
  interface LuaError {
    /** The Lua stack traceback at the error point ("stack traceback:\n\t..."), when the error was raised by a
     * call made through the API. */
    luaStack?: string;
  }
}

export interface LuaOptions {
  /** Where print/io.write go: a byte-string OutputStream, a callback receiving UTF-8-decoded text, or null to
   * discard. Default: the process's stdout under Node (and runtimes with `process.stdout.write`), else discarded. */
  stdout?: OutputOption;
  /** Where warnings and io.stderr go; same forms and default (the process's stderr). */
  stderr?: OutputOption;
  /** File system, processes, clocks. Without a host the io, os and package libraries are absent, and
   * loadfile/dofile/doFile cannot read files. Under Node: `nodeHost` from src/host/node.ts. */
  host?: Host;
  /** Libraries to open (base is always opened): e.g. ['string', 'table', 'math']. Default: all (io, os and
   * package only with a host). Naming io, os or package without a host throws. */
  libs?: readonly LibName[];
  /** Like `lua -E`: ignore LUA_PATH and friends. */
  ignoreEnv?: boolean;
  /** Execution tier: 'jit' (default: functions compiled to JavaScript, src/jit; the interpreter where the
   * environment forbids generated code) or 'interp' (the bytecode interpreter only). */
  tier?: string;
  /** jit tier: calls before a function is compiled (0: at its first call). */
  jitThreshold?: number;
  /** jit tier: receives the generated JavaScript of each compiled function (`--dump js`). */
  onJitCompile?: (source: string, chunkname: string, line: number) => void;
  /** jit tier: receives compile and deoptimisation events (`--trace-jit`). */
  jitTrace?: (msg: string) => void;
  /** Enables execution budgets with these initial limits (`{}`: enabled, unlimited; change them later with
   * `setBudget`). A step is a loop iteration or a call made by Lua code; running out raises the Lua error
   * "step budget exhausted" / "time budget exhausted" at the current instruction, and again at every further
   * step. Without this option no check is compiled in and `setBudget` throws. */
  budget?: BudgetLimits;
}

export type Outcome = { ok: true; values: LuaValue[] } | { ok: false; error: string; value: LuaValue };

const TIERS = ['interp', 'jit'];

/** xpcall as a value the API can call directly (the global may be absent or replaced). */
const apiXpcall = new SpecialFunction('?', S_XPCALL);
/** `t[k]` and `t[k] = v` as natives, so that getField/setField run protected like every API call. */
const apiIndex = new NativeFunction('index', (L: State, a: LuaValue[]) => [L.index(a[0], a[1])]);
const apiSetIndex = new NativeFunction('setindex', (L: State, a: LuaValue[]) => {
  L.setIndex(a[0], a[1], a[2]);
  return [];
});

/** Whether `new Function` works here (it throws under a CSP without 'unsafe-eval'). */
let codeGen: boolean | undefined;
function codeGenerationAllowed(): boolean {
  if (codeGen === undefined) {
    try {
      codeGen = new Function('return 1')() === 1;
    } catch {
      codeGen = false;
    }
  }
  return codeGen;
}

export class Lua {
  readonly state: State;
  private readonly bridge: Bridge;
  private readonly outputs: BufferedOutput[];
  private depth = 0;
  private closed = false;
  private asyncActive = false;
  private hostErr: { value: LuaValue; cause: unknown } | undefined = undefined;

  /** Restarts the execution budget with new limits (time counted from now). Requires the `budget` option. */
  setBudget(limits: BudgetLimits): void {
    const b = this.state.budget;
    if (b === undefined) throw new Error('execution budgets are not enabled: create the Lua instance with the budget option');
    b.set(limits);
  }

  /** Steps left in the execution budget (Infinity without a step limit or without budgets). */
  get budgetRemaining(): number {
    return this.state.budget === undefined ? Infinity : this.state.budget.remaining();
  }

  /** Several results from a JS function: `return Lua.multi(a, b)`. */
  static readonly multi = multi;
  /** Marks a number as a Lua float: `Lua.float(1)` is 1.0. */
  static readonly float = float;

  constructor(options: LuaOptions = {}) {
    if (options.tier !== undefined && !TIERS.includes(options.tier)) {
      throw new Error(`unknown tier '${options.tier}' (available: ${TIERS.join(', ')})`);
    }
    const outs = makeOutputs(options.stdout, options.stderr);
    this.outputs = outs.owned;
    this.state = new State({ stdout: outs.stdout, stderr: outs.stderr, host: options.host, budget: options.budget });
    if (options.ignoreEnv) this.state.registry.setStr('LUA_NOENV', true);
    if (options.libs !== undefined) openSelectedLibs(this.state, options.host, options.libs);
    else openLibs(this.state, options.host);
    // the jit is the default; where generated code is forbidden (a CSP without 'unsafe-eval', Node's
    // --disallow-code-generation-from-strings) the default falls back to the interpreter
    if (options.tier === 'jit' || (options.tier === undefined && codeGenerationAllowed())) {
      const dump = options.onJitCompile;
      enableJit(this.state, {
        threshold: options.jitThreshold,
        onCompile: dump && ((p, src) => dump(src, p.source, p.linedefined)),
        trace: options.jitTrace,
      });
    }
    const self = this;
    this.bridge = new Bridge({
      state: this.state,
      callLua: (fn, args) => this.callRaw(fn, args),
      get asyncRunning() {
        return self.asyncActive;
      },
      beforeSuspend: () => this.flush(),
      noteHostError: (value, cause) => {
        this.hostErr = { value, cause };
      },
    });
  }

  // ------------------------------------------------------------------------------------ JS-value layer

  /** The global table (raw). */
  get globals(): LuaTable {
    return this.state.globals;
  }

  /** A global variable, converted to JS (fromLua). */
  get<T = unknown>(name: string, opts?: FromLuaOptions): T {
    return this.bridge.fromLua(this.state.globals.getStr(encodeUtf8(name)), opts) as T;
  }

  /** Sets a global variable from a JS value (toLua). */
  set(name: string, value: unknown): void {
    this.state.globals.setStr(encodeUtf8(name), this.bridge.toLua(value));
  }

  /** JS -> Lua value (see the conversion table in the README). */
  toLua(value: unknown): LuaValue {
    return this.bridge.toLua(value);
  }

  /** Lua -> JS value, one level: tables stay LuaTable, functions become callable wrappers. */
  fromLua(value: LuaValue, opts?: FromLuaOptions): unknown {
    return this.bridge.fromLua(value, opts);
  }

  /** Lua -> JS, converting tables deeply (arrays for sequences, objects, Maps); cycles become cycles. */
  toJS(value: unknown, opts?: ToJSOptions): unknown {
    return this.bridge.toJS(this.bridge.toLua(value), opts);
  }

  /** `t[key]` with metamethods (__index), key and result converted. */
  getField<T = unknown>(table: unknown, key: unknown, opts?: FromLuaOptions): T {
    const r = this.callRaw(apiIndex, [this.bridge.toLua(table), this.bridge.toLua(key)]);
    return this.bridge.fromLua(r[0], opts) as T;
  }

  /** `t[key] = value` with metamethods (__newindex). */
  setField(table: unknown, key: unknown, value: unknown): void {
    this.callRaw(apiSetIndex, [this.bridge.toLua(table), this.bridge.toLua(key), this.bridge.toLua(value)]);
  }

  /** Wraps a JS function as a Lua function value. */
  newFunction(name: string, fn: NativeFn): NativeFunction {
    return new NativeFunction(name, fn);
  }

  /** Compiles a chunk (JS text is UTF-8 encoded; a Uint8Array is the bytes) into a Lua function value, for
   * `call`/`callAsync` (`fromLua(f)` makes it a JS callable); throws LuaError with the syntax error.
   * `chunkname` defaults to the source itself (`[string "..."]` in messages). */
  load(source: string | Uint8Array, chunkname?: string, mode = 'bt'): LuaFunction {
    return this.loadRaw(source, chunkname, mode) as LuaFunction;
  }

  /** Runs a chunk and returns its results converted to JS; throws LuaError. */
  doString(source: string | Uint8Array, chunkname?: string): unknown[] {
    return this.fromList(this.callRaw(this.loadRaw(source, chunkname), []));
  }

  /** Runs a file read through the host (like dofile); throws LuaError, or Error without a host. */
  doFile(path: string): unknown[] {
    return this.fromList(this.callRaw(this.loadFile(path), []));
  }

  /** Calls a Lua function (or any callable value) with JS arguments; returns all results converted. */
  call(fn: unknown, ...args: unknown[]): unknown[] {
    return this.fromList(this.callRaw(this.bridge.toLua(fn), args.map((a) => this.bridge.toLua(a))));
  }

  /** Like doString, but JS functions called from Lua (at any depth, in coroutines and pcall too) may return
   * promises: the Lua thread suspends until each settles. */
  async doStringAsync(source: string | Uint8Array, chunkname?: string): Promise<unknown[]> {
    return this.fromList(await this.callAsyncRaw(this.loadRaw(source, chunkname), []));
  }

  async doFileAsync(path: string): Promise<unknown[]> {
    return this.fromList(await this.callAsyncRaw(this.loadFile(path), []));
  }

  /** Like call, with promise-returning JS functions suspending the Lua thread (see doStringAsync). */
  async callAsync(fn: unknown, ...args: unknown[]): Promise<unknown[]> {
    return this.fromList(await this.callAsyncRaw(this.bridge.toLua(fn), args.map((a) => this.bridge.toLua(a))));
  }

  // ------------------------------------------------------------------------------------ raw layer

  /** A global in Moonrise's representation (byte strings, LFloat, LuaTable, LuaFunction). */
  getGlobal(name: string): LuaValue {
    return this.state.globals.getStr(name);
  }

  /** Sets a global to a value in Moonrise's representation (no conversion). */
  setGlobal(name: string, value: LuaValue): void {
    this.state.globals.setStr(name, value);
  }

  newTable(): LuaTable {
    return new LuaTable();
  }

  private loadRaw(source: string | Uint8Array, chunkname?: string, mode = 'bt'): LuaValue {
    const bytes = toByteString(source);
    return this.loadBytes(bytes, chunkname === undefined ? bytes : encodeUtf8(chunkname), mode);
  }

  private loadBytes(bytes: string, chunkname: string, mode: string): LuaValue {
    this.checkUsable();
    const r = this.state.load(bytes, chunkname, mode);
    if (Array.isArray(r)) throw this.makeError(r[1], undefined);
    return r;
  }

  /** Calls a Lua value with raw arguments and results; throws LuaError (decoded message, luaStack). */
  callRaw(fn: LuaValue, args: LuaValue[]): LuaValue[] {
    return this.guarded(() => {
      const L = this.state;
      let stack: string | undefined;
      const r = L.pcall(fn, args, (err) => {
        stack = traceback(L, undefined, 1);
        return err;
      });
      if (r.ok) return r.values;
      throw this.makeError(r.error, stack);
    });
  }

  /** callAsync with raw arguments and results. */
  async callAsyncRaw(fn: LuaValue, args: LuaValue[]): Promise<LuaValue[]> {
    this.checkUsable();
    if (this.asyncActive || this.state.jsDepth !== 0) {
      throw new Error('cannot start an asynchronous call: the Lua state is busy (await the running call first)');
    }
    const L = this.state;
    let stack: string | undefined;
    const handler = new NativeFunction('?', (_L, a) => {
      stack = traceback(L, undefined, 1);
      return [a[0]];
    });
    this.asyncActive = true;
    if (this.depth++ === 0) this.hostErr = undefined;
    let r: LuaValue[];
    try {
      r = await L.callAsync(apiXpcall, [fn, handler, ...args]);
    } finally {
      this.asyncActive = false;
      if (--this.depth === 0) this.flush();
    }
    if (r[0] === true) return r.slice(1);
    throw this.makeError(r[1], stack);
  }

  /** Compiles a chunk of byte-string source, reporting the error message instead of throwing. */
  tryLoad(source: string, chunkname: string): { ok: true; fn: LuaValue } | { ok: false; error: string } {
    const r = this.state.load(source, chunkname, 'bt');
    if (Array.isArray(r)) return { ok: false, error: String(r[1]) };
    return { ok: true, fn: r };
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

  /** luaL_tolstring of a raw value (byte string). */
  tostring(v: LuaValue): string {
    return this.state.tostring(v);
  }

  warn(msg: string, tocont: boolean): void {
    this.state.warn(msg, tocont);
  }

  /** lua_close: runs every pending `__gc` finalizer (newest first; errors become warnings) and flushes the
   * outputs. The state cannot be used afterwards (calls throw); closing twice does nothing. */
  close(): void {
    if (this.closed) return;
    this.checkUsable();
    try {
      this.state.close();
    } finally {
      this.closed = true;
      this.flush();
    }
  }

  /** Flushes the API's own output buffers (streams passed as OutputStream are the caller's to flush). */
  flush(): void {
    for (const o of this.outputs) o.flush();
  }

  // ------------------------------------------------------------------------------------ internals

  private fromList(values: LuaValue[]): unknown[] {
    return values.map((v) => this.bridge.fromLua(v));
  }

  private loadFile(path: string): LuaValue {
    this.checkUsable();
    const host = this.state.host;
    if (!host) throw new Error(`cannot read '${path}': this Lua state has no host (pass the 'host' option)`);
    const data = readFileText(host, encodeUtf8(path));
    if (data.error !== undefined) throw this.makeError(data.error, undefined);
    return this.loadBytes(prepareChunkText(data.text), '@' + encodeUtf8(path), 'bt');
  }

  /** Runs `f` as an API call: refused when the state cannot be used; outputs flushed at the outermost level. */
  private guarded<T>(f: () => T): T {
    this.checkUsable();
    if (this.depth++ === 0) this.hostErr = undefined;
    try {
      return f();
    } finally {
      if (--this.depth === 0) this.flush();
    }
  }

  private checkUsable(): void {
    if (this.closed) throw new Error('the Lua state is closed');
    if (this.asyncActive && this.state.jsDepth === 0) {
      throw new Error('the Lua state is suspended in an asynchronous call (await it before using the state again)');
    }
  }

  /** The LuaError surfacing in JS: `value` is the Lua error value, `message` its text decoded from UTF-8,
   * `luaStack` the traceback at the error point, `cause` the JS exception behind it (if a JS function threw). */
  private makeError(value: LuaValue, stack: string | undefined): LuaError {
    const e = new LuaError(value);
    e.name = 'LuaError';
    let text: string;
    try {
      text = messageText(this.state, value, false);
    } catch {
      text = `(error object is a ${typeName(value)} value)`;
    }
    e.message = decodeUtf8(text);
    if (stack !== undefined) {
      e.luaStack = decodeUtf8(stack);
      e.traceback = e.luaStack;
    }
    if (this.hostErr !== undefined && this.hostErr.value === value) (e as { cause?: unknown }).cause = this.hostErr.cause;
    this.hostErr = undefined;
    return e;
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
  return typeof source === 'string' ? encodeUtf8(source) : bytesToLuaString(source);
}

/** Byte-string helpers: Lua strings are byte strings (char codes 0..255). */
export const bytes = {
  /** JS text -> the byte string of its UTF-8 encoding. */
  fromText: encodeUtf8,
  /** A byte string -> JS text (UTF-8; invalid sequences become U+FFFD). */
  toText: decodeUtf8,
  fromUint8Array: bytesToLuaString,
  toUint8Array: luaStringToBytes,
};

/** The pipeline stages as text, for `--dump` and tools. */
export const inspect = {
  tokens: (source: string, chunkname: string): string => dumpTokens(tokenize(source, chunkname)),
  ast: (source: string, chunkname: string): string => dumpAst(parse(source, chunkname)),
  bytecode: (source: string, chunkname: string): string => disassemble(compile(parse(source, chunkname))),
  skipShebang: prepareChunkText,
};

export { traceback };
