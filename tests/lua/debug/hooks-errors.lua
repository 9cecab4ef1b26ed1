-- hooks that raise errors, protected calls inside hooks, __close and return hooks, hooks across coroutines
-- an error in a line hook unwinds to the pcall around the hooked code, and hooks work afterwards
local function boom() error("hook error", 0) end
local f = load("local a = 1\nlocal b = 2\nreturn a + b")
debug.sethook(function (e, l) if l == 2 then boom() end end, "l")
print(pcall(f))
print(pcall(f))
debug.sethook()
print(f())

-- an error in a call hook of a native
debug.sethook(function (e) if debug.getinfo(2, "n").name == "abs" then error("no abs", 0) end end, "c")
print(pcall(math.abs, -1))
print(pcall(function () return math.abs(-2) end))
debug.sethook()
print(math.abs(-3))

-- protected calls and loads inside a hook
local log = {}
debug.sethook(function (e)
  local ok, err = pcall(error, "inner")
  log[#log + 1] = tostring(ok) .. " " .. err
  local g = load("return 40 + 2")
  log[#log + 1] = tostring(g())
  debug.sethook()
end, "c")
local _ = math.max(1, 2)
print(table.concat(log, "; "))

-- return hooks run after __close
local trace = {}
local function hook(e) trace[#trace + 1] = e .. " " .. tostring(debug.getinfo(2, "n").name) end
local function closing(name) return setmetatable({}, {__close = function () trace[#trace + 1] = "close " .. name end}) end
local function withclose(...)
  local x <close> = closing("x")
  local y <close> = closing("y")
  return ...
end
debug.sethook(hook, "r")
local r1, r2 = withclose(1, 2)
debug.sethook()
print(r1, r2)
print(table.concat(trace, ", "))

-- hooks set inside __close take effect for the rest of the return
trace = {}
local function later(...)
  local x <close> = closing("x2")
  local y <close> = setmetatable({}, {__close = function () debug.sethook(hook, "r") end})
  return ...
end
print(later(10, 20))
debug.sethook()
print(table.concat(trace, ", "))

-- line hooks across coroutine switches
local lines = {}
local co = coroutine.wrap(function ()
  debug.sethook(function (e, l) lines[#lines + 1] = l end, "l")
  for i = 1, 2 do
    coroutine.yield(i)
  end
  debug.sethook()
end)
print(co(), co())
co()
print(#lines > 0, debug.gethook())

-- a hook on a suspended coroutine sees its events when resumed
local evs = {}
local c2 = coroutine.create(function (a)
  local b = coroutine.yield(a + 1)
  return b * 2
end)
print(coroutine.resume(c2, 1))
debug.sethook(c2, function (e) evs[#evs + 1] = e end, "cr")
print(coroutine.resume(c2, 5))
print(table.concat(evs, " "))

-- the stack seen from a hook: level 2 is the hooked function
local info
local function target(a, b)
  local c = a + b
  return c
end
debug.sethook(function (e)
  if e == "call" and debug.getinfo(2, "f").func == target then
    info = {}
    for i = 1, 2 do info[#info + 1] = table.concat({debug.getlocal(2, i)}, "=") end
    info[#info + 1] = debug.getinfo(3, "l").currentline
  end
end, "c")
target(3, 4)
debug.sethook()
print(table.concat(info, " "))

-- a traceback taken where a hook raised an error names the hook
coroutine.wrap(function ()
  local function watched() local x = 1 return x end
  debug.sethook(function (e, l)
    if debug.getinfo(2, "f").func == watched then debug.sethook() error("in hook") end
  end, "l")
  print(xpcall(watched, debug.traceback))
  local n = 0
  debug.sethook(function ()
    if debug.getinfo(2, "f").func == watched then n = n + 1 if n == 2 then error("count hook") end end
  end, "", 1)
  print(xpcall(watched, debug.traceback))
  debug.sethook()
  print(debug.getinfo(1, "n").namewhat, xpcall(watched, debug.traceback))
end)()
