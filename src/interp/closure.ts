/*
 * Lua closures and upvalues as the interpreter sees them.
 *
 * An upvalue is a (array, index) cell: while the variable is still live in a frame ("open") the array is the
 * owning thread's value stack and the index its slot; closing copies the value into a private 1-element array.
 * Reads and writes are always `uv.arr[uv.idx]`, with no open/closed branch. This relies on thread stacks never
 * being replaced, only grown in place (see coroutine.ts).
 */
import { LuaFunction, type LuaValue } from '../runtime/value.js';
import type { Proto } from '../compiler/proto.js';

export class UpVal {
  constructor(public arr: LuaValue[], public idx: number) {}

  get value(): LuaValue {
    return this.arr[this.idx];
  }

  set value(v: LuaValue) {
    this.arr[this.idx] = v;
  }

  /** Detaches the cell from the stack, keeping the current value. */
  close(): void {
    // always a generic (PACKED_ELEMENTS) array, as thread stacks are: `[v]` would take v's elements kind
    // (Smi, double or object), so upvalue reads in compiled code would meet several array maps (polymorphic
    // loads, a deopt at each new one, and a transition when a later value changes kind)
    const a: LuaValue[] = [undefined];
    a[0] = this.arr[this.idx];
    this.arr = a;
    this.idx = 0;
  }
}

/** A Lua function value: a prototype plus its captured upvalues. */
export class LuaClosure extends LuaFunction {
  constructor(readonly p: Proto, readonly upvals: UpVal[]) {
    super();
  }

  get name(): string {
    return '?';
  }
}
