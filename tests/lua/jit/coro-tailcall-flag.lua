-- A tail call made by compiled generator code (inside a coroutine) to a function that is not compiled yet,
-- or gets compiled at that call, still marks the callee's frame as tail-called: tracebacks show
-- "(...tail calls...)" and debug.getinfo reports istailcall, on every call (whatever the jit threshold).
local function gtb(a) return debug.traceback("tb", 1) end
local function gti() local i = debug.getinfo(2, "t") return i.istailcall end
local function f(a) local t = {a()} return t[1] end
local function drive(a) return f(a) end
local function drive2(a, n) if n > 0 then return drive2(a, n - 1) end return f(a) end
local co = coroutine.wrap(function()
  for w = 1, 5 do
    print(w, pcall(drive, gtb))
    print(w, pcall(drive, gti))
    print(w, pcall(drive2, gti, 3))
  end
  return "done"
end)
print(co())
-- the same on the main thread
for w = 1, 5 do print(w, pcall(drive, gti), pcall(drive2, gti, 2)) end
