-- wrap inside wrap, coroutine.close/isyieldable/running/status, errors and tracebacks inside compiled
-- coroutine code, debug.getinfo/traceback of a suspended coroutine, a type flip (deopt) in a coroutine.
local outer = coroutine.wrap(function()
  local inner = coroutine.wrap(function()
    for i = 1, 3 do coroutine.yield("inner " .. i, coroutine.isyieldable()) end
    return "inner done"
  end)
  for i = 1, 4 do coroutine.yield("outer sees " .. tostring(inner())) end
  local co, main = coroutine.running()
  print("running", type(co), main, coroutine.status(co))
  return "outer done"
end)
for i = 1, 5 do print(outer()) end
print(coroutine.isyieldable(), select(2, coroutine.running()))

local function fails(x) local t = nil; return t.field + x end
local co = coroutine.create(function(x)
  coroutine.yield(x)
  return fails(x)
end)
print(coroutine.resume(co, 1))
print(coroutine.resume(co))
print(coroutine.status(co))
print(debug.traceback(co))
print(coroutine.close(co))

local w = coroutine.wrap(function() coroutine.yield(1) error({ code = 42 }) end)
w()
local ok, e = pcall(w)
print("wrap error", ok, type(e), e.code)
local w2 = coroutine.wrap(function() local x = {} .. 1 end)
print(pcall(w2))
print(pcall(w2))

local function level2() coroutine.yield("at level2") end
local function level1() level2(); return "l1" end
local co2 = coroutine.create(function() return level1() end)
coroutine.resume(co2)
print(debug.traceback(co2))
print(debug.traceback(co2, "msg", 1))
local info = debug.getinfo(co2, 1, "nSl")
print(info.currentline, info.short_src, info.name, info.what)
info = debug.getinfo(co2, 2, "nl")
print(info.currentline, info.name)
print(coroutine.resume(co2))

-- closing a suspended coroutine with pending to-be-closed variables
local co3 = coroutine.create(function()
  local a <close> = setmetatable({}, { __close = function(_, err) print("close a", err) end })
  local b <close> = setmetatable({}, { __close = function(_, err) print("close b", err) end })
  coroutine.yield(1)
end)
coroutine.resume(co3)
print("close", coroutine.close(co3), coroutine.status(co3))

-- type flips inside a coroutine's compiled frames: arithmetic, comparisons and indexing deopt
local function add(a, b) return a + b end
local flip = coroutine.wrap(function(...)
  local acc = 0
  local vals = { 1, 2.5, "3", 2 ^ 53, math.maxinteger, setmetatable({}, { __add = function() return 100 end }) }
  for i = 1, #vals do
    acc = add(acc, vals[i])
    coroutine.yield(math.type(acc) or type(acc), acc)
  end
  return "flip done"
end)
for i = 1, 7 do print(flip()) end
