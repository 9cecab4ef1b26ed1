-- A compiled function that tail-calls a Lua function running in the interpreter (one the JIT does not compile,
-- or, with --jit-threshold=2, one not compiled yet) must leave a frame marked as a tail call: istailcall,
-- "(...tail calls...)" in tracebacks, and no name taken from the caller's call instruction.
-- Found by tests/stress.test.mjs.
local function gtb(x)
  local i = 0
  -- irreducible control flow: the JIT leaves this function to the interpreter
  if x then goto a else goto b end
  ::a:: i = i + 1
  ::b:: i = i + 2
  if i < 5 then goto a end
  local tb = debug.traceback("tb", 1)
  -- the traceback's top frames (the rest names the program's loader, which differs in dump mode)
  return tb:match("^[^\n]*\n[^\n]*\n[^\n]*\n[^\n]*"), debug.getinfo(1, "t").istailcall, debug.getinfo(1, "n").name
end
local function f(a, o) return a(o) end
local function drive(a, o) return f(a, o) end
print(pcall(drive, gtb, true))
print(drive(gtb, false))
