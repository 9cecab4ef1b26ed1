-- Self tail calls (`return f(...)` where f is the running function) as the JIT runs them: the frame is
-- reused as lua5.4 reuses it (tail call marks, upvalues closed per iteration, parameters retyped), in
-- constant JS stack and constant frame count.

-- long loop: constant stack, and the frame count stays the same
local function count(n, acc)
  if n == 0 then return acc, debug.getinfo(1, "t").istailcall end
  return count(n - 1, acc + 1)
end
print("count", count(10000000, 0))
print("count0", count(0, 5))

-- the frame seen from inside the loop: a tail call, and a traceback that says so
local function tb(n)
  if n == 0 then
    local info = debug.getinfo(1, "tnl")
    print("tb info", info.istailcall, info.name, info.currentline)
    -- up to the main chunk (what runs the chunk below it differs between runners)
    print((debug.traceback("here", 1):match("^(.-main chunk)")))
    return "done"
  end
  return tb(n - 1)
end
print(tb(3))
print(tb(0))

-- levels seen by getinfo: the loop does not add frames
local function depth(n)
  if n == 0 then
    local d = 1
    while debug.getinfo(d + 1, "l") do d = d + 1 end
    return d
  end
  return depth(n - 1)
end
print("depth", depth(5) == depth(0), depth(100) == depth(0))

-- closures made in the body capture each iteration's own parameters and locals
local function collect(n, acc)
  local g = function() return n end
  local m = n * 10
  acc[#acc + 1] = g
  acc[#acc + 1] = function() return m end
  if n == 0 then return acc end
  return collect(n - 1, acc)
end
local fs = collect(4, {})
local vals = {}
for i = 1, #fs do vals[i] = fs[i]() end
print("captures", table.concat(vals, " "))

-- a closure that changes its captured parameter before the tail call
local function shared(n, acc)
  local get = function() return n end
  local set = function(v) n = v end
  acc[#acc + 1] = get
  if n <= 0 then return acc end
  set(n - 2)
  return shared(n, acc)
end
local gs = shared(6, {})
vals = {}
for i = 1, #gs do vals[i] = gs[i]() end
print("shared", table.concat(vals, " "))

-- parameter types change during the loop: integers, floats, integral floats, strings, big integers
local function flip(n, x, acc)
  acc[#acc + 1] = math.type(x) or type(x)
  acc[#acc + 1] = tostring(x + 1)
  if n == 0 then return table.concat(acc, " ") end
  if n == 5 then return flip(n - 1, 2.5, acc) end
  if n == 4 then return flip(n - 1, 3.0, acc) end
  if n == 3 then return flip(n - 1, "10", acc) end
  if n == 2 then return flip(n - 1, math.maxinteger, acc) end
  return flip(n - 1, x * 2, acc)
end
print("flip", flip(7, 1, {}))
print("flip2", flip(1, 1.5, {}))
local function flipn(n)
  if n == 1.5 then return "float " .. n end
  if n == "s" then return "string" end
  if n > 3 then return flipn(n - 1) end
  if n == 3 then return flipn(1.5) end
  return n
end
print("flipn", flipn(6), flipn("s"))

-- fewer and more arguments than parameters, and results of a call as the arguments
local function args(a, b, c)
  if a == 0 then return a, b, c end
  if a == 1 then return args(a - 1) end
  if a == 2 then return args(a - 1, b, c, "extra") end
  return args(a - 1, select(2, "x", b, c))
end
print("args", args(5, "b", "c"))
local function two(b) return 0, (b or -1000) + 100 end
local function one(b) return b end
local function multi(a, b)
  if a == 0 then return b end
  if a == 1 then return multi(two(b)) end
  if a == 5 then return multi(one(a - 1)) end
  return multi(a - 1, b)
end
print("multi", multi(3, 1), multi(7, 0))

-- errors raised in the loop body name the right line
local function bad(n, t)
  if n == 0 then return t.x.y end
  return bad(n - 1, t)
end
print(pcall(bad, 3, {}))
local function bad2(n)
  local s = "a" .. n
  if n == 2 then error("stop at " .. n) end
  return bad2(n - 1)
end
print(pcall(bad2, 5))
local function bad3(n, x)
  if n == 0 then return x + 1 end
  return bad3(n - 1, n == 1 and {} or x)
end
print(pcall(bad3, 4, 1))

-- a tail call of another closure of the same function is a real call of that closure
local function mk(tag)
  local function f(n)
    if n == 0 then return tag end
    return f(n - 1)
  end
  return f
end
local fa, fb = mk("a"), mk("b")
local function other(n, g)
  if n == 0 then return g(3) end
  return other(n - 1, g)
end
print("closures", fa(3), fb(5), other(3, fb))

-- hooks set inside the loop: later iterations are real tail calls again
local events = {}
local function hooked(n)
  if n == 2 then debug.sethook(function(e) events[#events + 1] = e end, "c") end
  if n == 0 then debug.sethook(); return "hooked" end
  return hooked(n - 1)
end
print(hooked(4), table.concat(events, " "))

-- a generic for (a to-be-closed slot) in a function that tail-calls itself
local function walk(t, i, acc)
  for _, v in ipairs(t[i] or {}) do acc = acc + v end
  if i == 0 then return acc end
  return walk(t, i - 1, acc)
end
print("walk", walk({{1, 2}, {3}, {4, 5, 6}}, 3, 0))

-- inside a coroutine
local co = coroutine.wrap(function(n)
  local function loop(k, acc)
    if k == 0 then return "sum " .. acc end
    if k % 1000 == 0 then coroutine.yield(k) end
    return loop(k - 1, acc + k)
  end
  return loop(n, 0)
end)
local ys = {}
local r = co(3000)
while math.type(r) == "integer" and #ys < 10 do ys[#ys + 1] = r; r = co() end
print("coroutine", table.concat(ys, " "), r)
