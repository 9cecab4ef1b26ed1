-- Yields from compiled code at depth: nested Lua calls, tail calls, varargs, multiple results, recursion.
local function leaf(x, ...)
  local a, b = coroutine.yield(x, select('#', ...), ...)
  return a + b, "leaf"
end
local function mid(n, ...)
  if n == 0 then return leaf(100, ...) end
  local r, tag = mid(n - 1, n, ...)
  return r * 2, tag
end
local function tailing(n)
  if n == 0 then return coroutine.yield("tail bottom") end
  return tailing(n - 1)
end
local co = coroutine.create(function(start)
  local r, tag = mid(5, start)
  print("mid returned", r, tag)
  print("tail returned", tailing(300))
  local t = {}
  for i = 1, 3 do t[#t + 1] = coroutine.yield(i * 10) end
  return table.concat(t, ","), select(2, coroutine.yield())
end)
print(coroutine.resume(co, "s"))
print(coroutine.resume(co, 1, 2))
print(coroutine.resume(co, "tail ok"))
print(coroutine.resume(co, "a"))
print(coroutine.resume(co, "b"))
print(coroutine.resume(co, "c"))
print(coroutine.resume(co, "x", "y", "z"))
print(coroutine.status(co), coroutine.resume(co))
-- deep recursion inside a coroutine (beyond the generator depth limit: continues interpreted)
local function deep(n) if n == 0 then return coroutine.yield("deep") end return 1 + deep(n - 1) end
local d = coroutine.wrap(function() return deep(5000) end)
print(d())
print(d(7))
-- a generator loop with a yield per iteration, as a wrap iterator
local function range(n, step)
  return coroutine.wrap(function() for i = 1, n, step do coroutine.yield(i, i * i) end end)
end
local s = 0
for i, sq in range(20, 3) do s = s + i + sq end
print("range", s)
