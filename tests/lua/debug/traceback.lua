-- debug.traceback: messages, levels, threads, non-string messages. Stacks are built inside coroutines so that
-- they do not depend on how the main chunk was started.
print(debug.traceback(print) == print)
local t = {}
print(debug.traceback(t, 1) == t, debug.traceback(true) == true)
print(select('#', debug.traceback(nil)))

local function inco(f, ...)
  return select(2, coroutine.resume(coroutine.create(f), ...))
end

print(inco(function () return debug.traceback("msg") end))
print(inco(function () return debug.traceback("msg", 0) end))
print(inco(function () return debug.traceback(42) end))
print(inco(function () return debug.traceback() end))
print(inco(function () return debug.traceback(nil, 2) end))
print(inco(function () return debug.traceback("deep", 50) end))
print(inco(function () return debug.traceback("neg", -1) end))

local function lvl3() return debug.traceback("from lvl3", 1) end
local function lvl2() return (lvl3()) end
local obj = {}
function obj.lvl1() return (lvl2()) end
function obj:m() return (obj.lvl1()) end
print(inco(function () return obj:m() end))

-- tail calls are marked
local function tailee() return debug.traceback("tail") end
local function tailer() return tailee() end
print(inco(function () return (tailer()) end))

-- C functions in the stack
print(inco(function () return select(2, pcall(debug.traceback, "in pcall")) end))
print(inco(function () return (string.gsub("x", "x", function () return debug.traceback("in gsub") end)) end))
print(inco(function () return select(2, xpcall(function () error("oops") end, debug.traceback)) end))

-- another thread's stack: level 0 is its running (or yielded) function
local co = coroutine.create(function (n)
  local function rec(k)
    if k == 0 then coroutine.yield() else rec(k - 1) end
  end
  rec(n)
end)
coroutine.resume(co, 3)
print(debug.traceback(co))
print(debug.traceback(co, "with message"))
print(debug.traceback(co, "level 2", 2))
print(debug.traceback(co, nil, 10))
print(debug.traceback(coroutine.create(print)))
local dead = coroutine.create(function () local x = nil; return x.field end)
print(coroutine.resume(dead))
print(debug.traceback(dead, "dead"))

-- long stacks are abbreviated
local function deep(n, lvl) if n == 0 then return debug.traceback("deep", lvl) end return (deep(n - 1, lvl)) end
print(inco(deep, 30, 1))
print(inco(deep, 30, 15))
print(inco(deep, 19, 1))
print(inco(deep, 20, 1))

-- arguments
print(pcall(debug.traceback, "m", "x"))
print(pcall(debug.traceback, co, "m", {}))
