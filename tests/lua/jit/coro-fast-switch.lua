-- Direct switches between compiled code and coroutines running compiled generator code (resume and wrap
-- called from compiled code, yields of compiled code): values in both directions, starts and ends,
-- errors, statuses, tracebacks, hooks, yields across C boundaries, to-be-closed variables, the collector.
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  return t.n .. ": " .. table.concat(t, " ")
end

-- values through resume/yield: none, nils, many, infinities, integral floats (NaN signs vary: README)
local co = coroutine.create(function(a, b, ...)
  print("start", show(a, b, ...))
  local x, y, z = coroutine.yield()
  print("got", show(x, y, z))
  print("got", show(coroutine.yield(nil, nil)))
  print("got", show(coroutine.yield(1, 2.0, -0.0, 1e308 * 10, -1e308 * 10, "s", true, nil)))
  for i = 1, 3 do print("loop", show(coroutine.yield(i, i * 1.5))) end
  return "r1", nil, 3
end)
for i = 1, 10 do
  print("resume", show(coroutine.resume(co, i, i .. "", nil, i + 0.5)))
end
print(coroutine.status(co))

-- wrap: the for-in generator shape, and a wrap started with arguments, ending with several values
local function range(n, step)
  return coroutine.wrap(function()
    for i = 1, n, step do coroutine.yield(i, -i) end
  end)
end
local s = 0
for a, b in range(100, 3) do s = s + a * 2 + b end
print("range sum", s)
local w = coroutine.wrap(function(...)
  local n = select("#", ...)
  local r = { coroutine.yield(n) }
  return n, #r, ...
end)
print(show(w(1, nil, 3)))
print(show(w("a", "b")))
print(pcall(w))

-- a coroutine resuming another one (generator code on both sides), nested three deep
local function chain(depth)
  if depth == 0 then
    return coroutine.create(function(x) while true do x = coroutine.yield(x + 1) end end)
  end
  local inner = chain(depth - 1)
  return coroutine.create(function(x)
    while true do
      local ok, v = coroutine.resume(inner, x * 2)
      x = coroutine.yield(v, coroutine.status(inner), coroutine.isyieldable())
    end
  end)
end
local c3 = chain(3)
for i = 1, 4 do print("chain", coroutine.resume(c3, i)) end

-- statuses and running inside a coroutine resumed by compiled code
local main = coroutine.running()
local watcher
watcher = coroutine.create(function()
  for i = 1, 3 do
    local me, ismain = coroutine.running()
    print("status", coroutine.status(me), coroutine.status(main), me == watcher, ismain, coroutine.isyieldable())
    coroutine.yield()
  end
end)
for i = 1, 4 do print(coroutine.resume(watcher)) end
print(coroutine.status(watcher))

-- resuming dead, running and normal coroutines
print(coroutine.resume(watcher))
local selfco
selfco = coroutine.create(function()
  for i = 1, 2 do
    print("self", coroutine.resume(selfco))
    print("main", coroutine.resume(main))
    coroutine.yield()
  end
end)
for i = 1, 3 do print(coroutine.resume(selfco)) end
local dead = coroutine.wrap(function() coroutine.yield(1) end)
dead(); dead()
print(pcall(dead))
local outerw
outerw = coroutine.wrap(function()
  local innerw = coroutine.wrap(function() coroutine.yield(pcall(outerw)) end)
  for i = 1, 2 do coroutine.yield(innerw()) end
end)
print(outerw())

-- errors after direct switches: positions, values, tracebacks, wrap rethrowing with its position
local function boom(n) if n > 2 then local t = nil; return t.x end return n end
local ec = coroutine.create(function(n)
  while true do n = coroutine.yield(boom(n)) end
end)
for i = 1, 4 do print("err", coroutine.resume(ec, i)) end
print(coroutine.status(ec), coroutine.close(ec))
local ew = coroutine.wrap(function(n)
  while true do n = coroutine.yield(n); if n == 3 then error("bad " .. n) end; if n == 4 then error({}) end end
end)
ew(1)
print(pcall(ew, 2))
print(pcall(ew, 3))
print(pcall(ew, 4))
local ew2 = coroutine.wrap(function() coroutine.yield(); error(setmetatable({}, { __tostring = function() return "obj" end })) end)
ew2()
local ok, e = pcall(ew2)
print(ok, tostring(e))
-- an error caught by a pcall inside the coroutine, then more switches
local pc = coroutine.wrap(function()
  for i = 1, 3 do
    local ok2, e2 = pcall(function() coroutine.yield("in pcall " .. i); if i == 2 then error("e" .. i) end; return i end)
    coroutine.yield(ok2, e2)
  end
  return "pc done"
end)
for i = 1, 7 do print("pc", pc()) end

-- tracebacks: a suspended coroutine's and the resumer's, seen from inside
local tb = coroutine.create(function()
  -- (the resumer's traceback up to the main chunk: below it the test harness may add frames)
  local function deep(n) if n == 0 then coroutine.yield(debug.traceback(main):match("^[^\n]*\n[^\n]*\n[^\n]*")) else deep(n - 1) end end
  deep(2)
  deep(1)
end)
print(select(2, coroutine.resume(tb)))
print(debug.traceback(tb))
print(coroutine.resume(tb))
print(debug.traceback(tb))

-- yields from deep compiled frames, metamethods and __close, and refused across C calls
local mt = { __add = function(a, b) return coroutine.yield("add") end, __index = function(t, k) return coroutine.yield("index " .. k) end }
local mm = coroutine.wrap(function()
  local obj = setmetatable({}, mt)
  local r = obj + 1
  local f = obj.field
  do
    local tbc <close> = setmetatable({}, { __close = function() coroutine.yield("closing") end })
    coroutine.yield("before close")
  end
  local ok3, e3 = pcall(table.sort, { 3, 2, 1 }, function(a, b) coroutine.yield("never") end)
  coroutine.yield(ok3, e3)
  local ok4, e4 = pcall(string.gsub, "x", "x", function() return coroutine.yield() end)
  return r, f, ok4, e4
end)
print(mm())
print(mm(10))
print(mm("v"))
print(mm())
print(mm())
print(mm())
local function rec(n) if n == 0 then return coroutine.yield("bottom") end return rec(n - 1) + 1 end
local rc = coroutine.wrap(function() for i = 1, 2 do coroutine.yield(rec(150)) end end)
print(rc(), rc(1), rc(2))

-- coroutine.close of a coroutine suspended by a direct switch runs its pending __close
local cl = coroutine.create(function()
  local x <close> = setmetatable({}, { __close = function(_, err) print("closed", err) end })
  while true do coroutine.yield() end
end)
coroutine.resume(cl); coroutine.resume(cl)
print(coroutine.close(cl), coroutine.status(cl), coroutine.resume(cl))

-- hooks: set inside a coroutine (its own), and on the main thread from inside one
local hc = coroutine.create(function()
  coroutine.yield(1)
  local n = 0
  debug.sethook(function() n = n + 1 end, "l")
  for i = 1, 3 do coroutine.yield(i) end
  debug.sethook()
  return n > 0
end)
for i = 1, 6 do print("hook", coroutine.resume(hc)) end
local calls = 0
local hm = coroutine.wrap(function()
  coroutine.yield()
  debug.sethook(main, function(ev) calls = calls + 1 end, "r")
  coroutine.yield()
end)
hm(); hm()
debug.sethook(main)
print("main hook ran", calls > 0)

-- the collector while coroutines are suspended: values only a suspended frame holds stay alive
local weak = setmetatable({}, { __mode = "v" })
local keep = coroutine.wrap(function()
  local t = { 1, 2, 3 }
  weak[1] = t
  coroutine.yield()
  coroutine.yield()
  collectgarbage()
  return #t, weak[1] == t
end)
keep(); keep()
collectgarbage(); collectgarbage()
print("kept", weak[1] ~= nil, keep())

-- many short coroutines (start and end through the direct path)
local total = 0
for i = 1, 200 do
  local g = coroutine.wrap(function(a) local b = coroutine.yield(a + 1); return b * 2, a end)
  local x = g(i)
  local y, z = g(x)
  total = total + x + y + z
end
print("total", total)

-- deep nesting of resumes ends in lua's error (each level adds a position: only the end is compared)
local function nest(n)
  return coroutine.wrap(function() if n == 0 then return "deep" end return nest(n - 1)() end)
end
local okn, en = pcall(nest(250))
print(okn, en:match("[^:]*$"), en:sub(1, 40))
print(nest(100)())
