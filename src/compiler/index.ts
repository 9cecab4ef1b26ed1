/*
 * Public entry points of the compiler: syntax tree -> Lua 5.4 function prototype, plus the disassembler and
 * the binary-chunk writer. Compile errors are thrown as LuaError with PUC-Lua's message text and position.
 */
import type { Chunk } from '../syntax/ast.js';
import type { Proto } from './proto.js';
import { CodeGen } from './codegen.js';
import { Session } from './scope.js';

export { disassemble } from './disasm.js';
export { dump } from './dump.js';

/** Compiles a parsed chunk into the main function's prototype (vararg, one upvalue `_ENV`). */
export function compile(chunk: Chunk): Proto {
  return new CodeGen(new Session(chunk.source)).compileMain(chunk);
}
