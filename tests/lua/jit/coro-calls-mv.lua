-- Calls inside coroutines whose last argument is a call (multiple values) and tail calls: they reach their
-- callee without a generator level of their own; the callee may be a leaf (plain variant), a generator
-- variant, a native or a special (yield, resume, pcall), and may yield on some calls only.

local function add(a, b) return a + b end
local function sq(x) return x * x end
local function two(x) return x, x + 1 end
local function ysq(x) if x % 50 == 0 then coroutine.yield('sq', x) end return x * x end
local function sum(...) local s = 0 for i = 1, select('#', ...) do s = s + select(i, ...) end return s end
local Y = setmetatable({}, { __add = function(a, b) return coroutine.yield('mm') end })

local co = coroutine.wrap(function()
  local s = 0
  for i = 1, 200 do
    s = add(s, sq(i % 10))
    s = s + sum(two(i))
    s = add(s, ysq(i))
    s = s + select('#', two(i))
  end
  coroutine.yield('mid', s)
  local r = add(Y, sq(2))
  coroutine.yield('mm gave', r)
  return 'end', sum(two(s))
end)
for _ = 1, 8 do print(co('R')) end

-- tail calls: to leaves, to natives, to yielding functions, with multiple values
local function tleaf(x) return sq(x) end
local function tnat(x) return math.max(x, two(x)) end
local function tmv(x) return sum(two(x)) end
local function tyield(x) return coroutine.yield('tail', x) end
local function tyield_mv(x) return coroutine.yield(two(x)) end
local function tmm(x) return add(Y, x) end
local co2 = coroutine.wrap(function()
  local s = 0
  for i = 1, 300 do s = s + tleaf(i) + tnat(i) + tmv(i) end
  coroutine.yield('loop', s)
  print('got', tyield(1))
  print('got', tyield_mv(2))
  print('got', tmm(3))
  return 'done'
end)
for _ = 1, 5 do print(co2('x', 'y')) end

-- pcall with multiple values inside a coroutine, around a leaf that errors and a function that yields
local co3 = coroutine.wrap(function()
  for i = 1, 100 do assert(pcall(add, two(i))) end
  print(pcall(add, {}, two(1)))
  print(pcall(tyield, two(5)))
  return 'ok'
end)
print(co3())
print(co3('resumed'))

-- tail calls to leaves: suspended in a metamethod below a tail-called leaf (traceback, then resumed), errors
-- raised in tail-called leaves (the coroutine body's own tail call included)
local function div(a, b) return a // b end
local function tdiv(a, b) return div(a, b) end
local function tadd(x) return add(x, 1) end
local co4 = coroutine.create(function(n)
  local s = 0
  for i = 1, n do s = s + tadd(i) + tdiv(i, 1) end
  s = s + tadd(Y)
  print('after tail mm', s)
  print(pcall(tdiv, 1, 0))
  print(select(2, xpcall(tdiv, function(m) return (debug.traceback(m, 1):gsub('\n[^\n]*%[C%][^\n]*', '')) end, 1, 0)))
  return div(n, 0)
end)
print(coroutine.resume(co4, 300))
print((debug.traceback(co4):gsub('\n[^\n]*%[C%][^\n]*', '')))
print(coroutine.resume(co4, 7))
print(coroutine.status(co4))
