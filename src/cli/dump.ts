/*
 * `moonrise --dump tokens|ast|bytecode [file.lua]`: prints one stage of the pipeline for a script (stdin when
 * the script is `-` or absent) and exits. The file is read like luaL_loadfile reads it (a first line starting
 * with '#' is skipped, line numbers kept) and named `@file` (`=stdin`), so `--dump bytecode` prints what
 * `luac5.4 -l -l file.lua` prints, function addresses aside (ours are preorder numbers: 0x00000001 is main).
 * Errors (a file that cannot be read, a syntax error) print like any other CLI error, with status 1.
 */
import { inspect, LuaError } from '../api/index.js';
import { FileLoadError, SysError } from '../host/host.js';
import { nodeHost, type NodeOutput } from '../host/node.js';
import type { DumpKind } from './args.js';

/** Returns true on success. */
export function dumpStage(kind: DumpKind, file: string | undefined, out: NodeOutput, err: NodeOutput,
  progname: string): boolean {
  const fromStdin = file === undefined || file === '-';
  let source: string;
  try {
    source = fromStdin ? nodeHost.readStdinAll() : nodeHost.readFileOrThrow(file);
  } catch (e) {
    if (!(e instanceof SysError)) throw e;
    const what = e instanceof FileLoadError ? `${e.op} ${file}` : 'read stdin';
    err.write(`${progname}: cannot ${what}: ${e.text}\n`);
    return false;
  }
  const chunkname = fromStdin ? '=stdin' : '@' + file;
  try {
    out.write(inspect[kind](inspect.skipShebang(source), chunkname));
    return true;
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    err.write(`${progname}: ${String(e.value)}\n`);
    return false;
  }
}
