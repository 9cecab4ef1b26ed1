/*
 * `moonrise --dump tokens|ast|bytecode file.lua`: prints one stage of the pipeline for a script (or stdin
 * when the script is `-` or absent) and exits. Errors (e.g. syntax errors) print like any other CLI error.
 */
import { inspect, LuaError } from '../api/index.js';
import { nodeHost, type NodeOutput } from '../host/node.js';

export function dumpStage(kind: 'tokens' | 'ast' | 'bytecode', file: string | undefined, out: NodeOutput,
  err: NodeOutput, progname: string): number {
  const fromStdin = file === undefined || file === '-';
  const source = fromStdin ? nodeHost.readStdinAll() : nodeHost.readFile(file);
  if (source === undefined) {
    err.write(`${progname}: cannot open ${file}\n`);
    return 1;
  }
  const chunkname = fromStdin ? '=stdin' : '@' + file;
  try {
    out.write(inspect[kind](inspect.skipShebang(source), chunkname));
    return 0;
  } catch (e) {
    if (!(e instanceof LuaError)) throw e;
    err.write(`${progname}: ${String(e.value)}\n`);
    return 1;
  }
}
