-- coroutine.create/wrap/status/running/isyieldable called from compiled sites (fast entries): the common
-- case, then arguments of other types (errors with positions and names), several results and no results.
local function try(f, ...)
  local ok, e = pcall(f, ...)
  print(ok, e)
end

local function body(a) local b = coroutine.yield(a + 1) return b * 2 end
local sum = 0
for i = 1, 30 do
  local co = coroutine.create(body)
  print(i <= 2 and coroutine.status(co) or nil, coroutine.isyieldable(co))
  local ok, v = coroutine.resume(co, i)
  sum = sum + v
  local st = coroutine.status(co)
  ok, v = coroutine.resume(co, 3)
  sum = sum + v
  if i % 10 == 0 then print(i, st, coroutine.status(co), ok, v, sum) end
  local g = coroutine.wrap(body)
  sum = sum + g(i) + g(5)
end
print(sum)

-- values of other types at the same sites
local bad = { 1, "x", {}, nil, true, coroutine.running() }
for i = 1, 6 do
  local v = bad[i]
  try(function() return coroutine.create(v) end)
  try(function() return coroutine.wrap(v) end)
  try(function() return coroutine.status(v) end)
  try(function() return coroutine.isyieldable(v) end)
end
try(function() return coroutine.create() end)
try(function() return coroutine.status() end)
print(select('#', coroutine.running()), type((coroutine.running())), select(2, coroutine.running()))
print(coroutine.isyieldable(), coroutine.isyieldable(coroutine.running()))
local co = coroutine.create(function(...)
  local t, m = coroutine.running()
  print(type(t), m, coroutine.isyieldable(), coroutine.status(t), select('#', ...))
  local a, b, c = coroutine.running()
  print(a == t, b, c)
  for i = 1, 3 do print(coroutine.isyieldable(), (coroutine.running()) == t, coroutine.status(t)) end
  coroutine.yield()
end)
coroutine.resume(co, 1, 2)
print(coroutine.status(co), coroutine.isyieldable(co))
-- a coroutine whose body is not a Lua function, and one created from a native
local w = coroutine.wrap(print)
w("from print")
local c2 = coroutine.create(string.rep)
print(coroutine.resume(c2, "ab", 3))
print(coroutine.status(c2))
-- status of a normal coroutine, from inside the coroutine it resumed
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function() return coroutine.status(outer), coroutine.isyieldable() end)
  return coroutine.resume(inner)
end)
print(coroutine.resume(outer))
