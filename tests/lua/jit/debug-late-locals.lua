-- debug.getlocal/setlocal turned on late (by a chunk loaded after other functions compiled): frames of
-- code compiled before must show their locals to getlocal and take setlocal's changes at calls made from
-- then on; a frame already inside a call at that moment keeps its own values.

local probe = function() return nil end

local function show(level)
  local t = {}
  for i = 1, 20 do
    local name, value = probe(level + 1, i)
    if not name then break end
    local tv = type(value)
    if tv == "function" or tv == "table" then value = tv end
    if name:sub(1, 1) ~= "(" then t[#t + 1] = name .. "=" .. tostring(value) end
  end
  return table.concat(t, " ")
end

local set = function() end

local function two() return 7, 8 end
local function callee(...) return select("#", ...), show(2) end

local function f(a, x)
  local b = a * 2
  local c = x * 1.5
  local s = "s" .. a
  local n, seen = callee(b, c)
  set(1, 4, 99)           -- c in f's frame (a float local), seen by the call after
  local m, seen2 = callee(two())
  return b, c, s, n, seen, m, seen2
end

local function g(k)
  local sum = 0
  for i = 1, k do sum = sum + i * 0.5 end
  local keep = sum
  local v = callee(sum)
  return keep, v
end

-- warm up (compiled before getlocal is named: this chunk never names it as a constant)
for i = 1, 50 do f(i, i + 0.25); g(i) end

-- a frame inside a call when the flip happens keeps its values
local getl
local function inner()
  getl = load("return debug['getlocal'], debug['setlocal'], function() return debug.getlocal(1, 1) end")
  local gl, sl, h = getl()
  probe, set, getl = gl, sl, gl
  h()
  return 1
end
local function outer(a)
  local b = a * 2
  local d = a + 0.5
  local r = inner()
  return b + r, d
end
print(outer(5))

-- calls made after the flip by code compiled before it
print(f(3, 2.5))
print(g(4))

-- metamethod calls (__index functions) made by code compiled before the flip
local mt = { __index = function(t, k) return show(2) end }
local function idx(o, q)
  local z = q + 0.75
  return o.missing, z
end
local o = setmetatable({}, mt)
probe = function() return nil end
for i = 1, 100 do idx(o, i) end
probe = getl
print(idx(o, 1))

-- in a coroutine
local co = coroutine.wrap(function(a)
  local w = a * 3
  local y = coroutine.yield(w)
  local u = w + y
  return u, show(1)
end)
print(co(2))
print(co(10))
