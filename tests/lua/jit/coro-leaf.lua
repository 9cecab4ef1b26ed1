-- Leaves (functions without calls or to-be-closed variables) called from compiled code inside coroutines run
-- their plain (non-generator) variant. Everything that can still yield in them (metamethods reached from
-- their instructions) must suspend and resume exactly, and a wrong "cannot yield" guess must show here:
-- functions that yield only on some path, call sites whose callee is replaced by one that yields, errors,
-- tracebacks, hooks and status while a leaf's metamethod is suspended.

local function show(...) print(select('#', ...), ...) end

-- plain leaves, many calls (hot enough to be compiled at any threshold)
local function add(a, b) return a + b end
local function lt(a, b) return a < b end
local function idx(t, k) return t[k] end
local function len(t) return #t end
local function cat(a, b) return a .. b end
local function neg(a) return -a end
local function eq(a, b) return a == b end
local function many(a) return a, a * 2, a * 3 end
local function va(...) local a, b = ... return select and b, a end

local Y = setmetatable({}, {
  __add = function(a, b) return coroutine.yield('add') end,
  __lt = function(a, b) return coroutine.yield('lt') end,
  __index = function(t, k) return coroutine.yield('index ' .. tostring(k)) end,
  __len = function(t) return coroutine.yield('len') end,
  __concat = function(a, b) return coroutine.yield('concat') end,
  __unm = function(a) return coroutine.yield('unm') end,
  __eq = function(a, b) return coroutine.yield('eq') end,
})
local Y2 = setmetatable({}, getmetatable(Y))

local function body()
  local s = 0
  for i = 1, 300 do
    s = add(s, i)
    if lt(i, 1000) then s = add(s, 1) end
    local a, b, c = many(i)
    s = s + a + b + c + len({ 1, 2, 3 }) + idx({ 5 }, 1)
    s = s + #cat('a', i) + neg(-1)
    if eq(i, i) then s = s + 1 end
  end
  coroutine.yield('sum', s)
  -- the same sites, now meeting metamethods that yield
  local r = add(Y, 1)
  coroutine.yield('add gave', r)
  r = lt(Y, Y)
  coroutine.yield('lt gave', r)
  r = idx(Y, 'key')
  coroutine.yield('idx gave', r)
  r = len(Y)
  coroutine.yield('len gave', r)
  r = cat(Y, 'x')
  coroutine.yield('cat gave', r)
  r = neg(Y)
  coroutine.yield('neg gave', r)
  r = eq(Y, Y2)
  coroutine.yield('eq gave', r)
  return 'done', va(1, 2, 3)
end

local co = coroutine.create(body)
local vals = { 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P' }
local k = 0
while true do
  k = k + 1
  local res = table.pack(coroutine.resume(co, vals[k]))
  show(k, coroutine.status(co), table.unpack(res, 1, res.n))
  if coroutine.status(co) == 'dead' then break end
end

-- a function that yields only on some path, called from a hot loop in a coroutine
local function maybe(i)
  if i % 97 == 0 then coroutine.yield(i) end
  return i
end
local gen = coroutine.wrap(function()
  local s = 0
  for i = 1, 1000 do s = s + maybe(i) end
  return 'total', s
end)
local out = {}
while true do
  local a, b = gen()
  out[#out + 1] = tostring(a) .. (b and ('=' .. b) or '')
  if a == 'total' then break end
end
print(table.concat(out, ' '))

-- a call site whose callee is a leaf for many calls, then is replaced by a function that yields
local f = function(x) return x + 1 end
local co2 = coroutine.wrap(function()
  local s = 0
  for i = 1, 500 do
    if i == 400 then f = function(x) coroutine.yield('replaced at ' .. x); return x + 2 end end
    s = s + f(i)
  end
  return s
end)
print(co2())
print(co2('go'))
for _ = 1, 99 do co2() end
print(co2())

-- errors raised inside a leaf in a coroutine: positions, tracebacks, and the coroutine after them
local function bad(a, b) return a // b end
local function badi(t) return t.x.y end
local co3 = coroutine.create(function()
  for i = 1, 200 do bad(i, 1) end
  print(pcall(bad, 1, 0))
  print(pcall(badi, {}))
  print(select(2, xpcall(badi, function(m) return (debug.traceback(m, 1):gsub('\n[^\n]*%[C%][^\n]*', '')) end, {})))
  return bad(1, 0)
end)
print(coroutine.resume(co3))
print(coroutine.status(co3))

-- a coroutine suspended inside a metamethod called from a leaf: traceback, status, running, isyieldable
local W = setmetatable({}, { __index = function(t, k)
  local co, main = coroutine.running()
  coroutine.yield(k, main, coroutine.isyieldable())
  return k * 10
end })
local function get(t, k) return t[k] end
local co4 = coroutine.create(function(n)
  local s = 0
  for i = 1, n do s = s + get({ i }, 1) end
  return s + get(W, 7)
end)
print(coroutine.resume(co4, 300))
print(coroutine.status(co4))
print((debug.traceback(co4):gsub('\n[^\n]*%[C%][^\n]*', '')))
print(coroutine.resume(co4))
print(coroutine.status(co4), coroutine.resume(co4))

-- hooks set while leaves run in a coroutine: the calls then run interpreted, the hook sees them
local calls = 0
local co5 = coroutine.create(function()
  local s = 0
  for i = 1, 100 do s = add(s, i) end
  debug.sethook(function(ev) if ev == 'call' then calls = calls + 1 end end, 'c')
  for i = 1, 10 do s = add(s, i) end
  debug.sethook()
  return s
end)
print(coroutine.resume(co5))
print('hooked calls >= 10:', calls >= 10)

-- coroutine.close on a coroutine suspended in a leaf's metamethod
local co6 = coroutine.create(function() for i = 1, 200 do add(i, i) end return add(Y, 2) end)
print(coroutine.resume(co6))
print(coroutine.close(co6), coroutine.status(co6))

-- deep recursion with leaves in between, inside a coroutine, up to a stack overflow
local function rec(n) if n == 0 then return 0 end return add(rec(n - 1), 1) end
local co7 = coroutine.create(function() return rec(5000) end)
print(coroutine.resume(co7))
local function inf(n) return add(inf(n + 1), 1) end
local ok, msg = coroutine.resume(coroutine.create(function() return inf(1) end))
print(ok, (string.gsub(msg, ':%d+:', ':?:')))

-- hooks met by a tail-called leaf's prologue, at a coroutine body's bottom frame and above it
local function tl(x) return add(x, 1) end
local events = {}
local co8 = coroutine.create(function(n)
  local s = 0
  for i = 1, 200 do s = s + tl(i) end
  debug.sethook(function(ev) events[#events + 1] = ev .. ':' .. tostring(debug.getinfo(2, 'S').linedefined) end, 'cr')
  s = s + tl(1)
  return add(s, n)
end)
print(coroutine.resume(co8, 5))
debug.sethook()
print(table.concat(events, ' '))
