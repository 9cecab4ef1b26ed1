-- coroutine.resume and wrap functions called through the switching fast entries of call sites (one result,
-- two results, none; 0..4 arguments and more; for-in iterators), from plain code and from code running in
-- a coroutine; what the entries must leave to the general path (dead, running, non-coroutine arguments,
-- errors, hooks); the resume's own frame as debug.getlocal and tracebacks see it.

local function counter(n)
  return coroutine.create(function(...)
    local got = { ... }
    for i = 1, n do
      local a, b, c, d, e = coroutine.yield(i, #got, got[1])
      got = { a, b, c, d, e }
    end
    return "end", #got
  end)
end

-- one site, each shape of result list, arguments 0..5
local co = counter(8)
for i = 1, 9 do
  local ok, v = coroutine.resume(co, i, i + 1, i + 2, i + 3, i + 4)   -- two results, five arguments
  print(ok, v)
end
co = counter(6)
print(coroutine.resume(co))                    -- all results
for k = 0, 5 do
  coroutine.resume(co, 1, 2, 3, 4)             -- none wanted
  local x = coroutine.resume(co, 1, 2, 3)      -- one wanted
  print(k, x, coroutine.status(co))
end
print(coroutine.resume(co))                    -- dead: the general path's message
print(pcall(coroutine.resume, 42))
local r1 = coroutine.resume(co)
print(r1)
local ok, msg = coroutine.resume(co)
print(ok, msg)
for _, bad in ipairs({ 1, "x", {}, false }) do
  print(pcall(function() local a, b = coroutine.resume(bad) return a, b end))
end

-- wrap functions at one site: a new one every few calls, one result, two results, for-in
local function gen(n, tag)
  return coroutine.wrap(function(s, c)
    for i = 1, n do s, c = coroutine.yield(i, tag, s, c) end
    return nil
  end)
end
local total = 0
for round = 1, 4 do
  for v in gen(round * 3, round) do total = total + v end
  for a, b in gen(round, "t" .. round) do total = total + a + #b end
end
print("total", total)
local seen = {}
for i = 1, 6 do
  local g = gen(2, i)
  local a = g(i, i)
  local b, t = g()
  seen[#seen + 1] = a .. ":" .. b .. ":" .. tostring(t)
end
print(table.concat(seen, " "))
-- state and control values of a generic for reach the coroutine as the resume's arguments
for i, tag, s, c in gen(3, "sc"), "state", 0 do print(i, tag, s, c) end

-- resumed from inside a coroutine (generator code): a pipeline with one and two result sites
local function producer(n)
  return coroutine.create(function()
    for i = 1, n do coroutine.yield(i) end
    return nil
  end)
end
local function filter(src)
  return coroutine.create(function()
    while true do
      local _, v = coroutine.resume(src)
      if v == nil then return nil end
      if v % 3 ~= 0 then coroutine.yield(v * 2) end
    end
  end)
end
local f = filter(producer(50))
local acc = {}
while true do
  local _, v = coroutine.resume(f)
  if v == nil then break end
  acc[#acc + 1] = v
end
print(#acc, acc[1], acc[#acc])
local wgen = coroutine.wrap(function()
  local inner = gen(5, "in")
  while true do
    local v = inner()
    if v == nil then return "out" end
    coroutine.yield(v * 10)
  end
end)
for _ = 1, 6 do io.write(tostring(wgen()), " ") end
print()

-- errors: wrap propagates with its position, resume returns them
local bad = coroutine.wrap(function(x) coroutine.yield(x) error("boom " .. x) end)
print(bad(1))
print(pcall(bad, 2))
print(pcall(bad, 3))
local badc = coroutine.create(function(x) coroutine.yield(x) local t = nil; return t.field end)
print(coroutine.resume(badc, 1))
print(coroutine.resume(badc))
print(coroutine.resume(badc))

-- resuming a running or normal coroutine through the same site
local self
self = coroutine.create(function()
  for _ = 1, 3 do
    print("self", coroutine.resume(self))
    coroutine.yield()
  end
end)
for _ = 1, 4 do print(coroutine.resume(self)) end
local outer
outer = coroutine.wrap(function()
  local innerc = coroutine.create(function() return coroutine.resume(coroutine.running()) end)
  for _ = 1, 2 do print("nested", coroutine.resume(innerc)) end
  print(pcall(outer))
end)
outer()

-- the resume's frame: its arguments as debug.getlocal reads them, tracebacks through it
local mainth = coroutine.running()
local function show(v) return type(v) == "thread" and "thread" or tostring(v) end
local probeco
local probe = coroutine.create(function(a, b)
  for i = 1, 3 do
    print("in", a, b, i, coroutine.isyieldable(), coroutine.status(coroutine.running()), coroutine.status(mainth))
    local info = debug.getinfo(mainth, 0, "nSl")
    print("resumer", info.name, info.what, info.currentline, (debug.traceback(mainth, "m", 0):match("^[^\n]*\n[^\n]*\n[^\n]*"):gsub("\t", "  ")))
    local ln, lv = debug.getlocal(mainth, 0, 1)
    print("local", ln, show(lv), lv == probeco)
    a, b = coroutine.yield(i)
  end
end)
probeco = probe
for i = 1, 4 do
  local ok, v = coroutine.resume(probe, "a" .. i, i)
  print(ok, v)
end
local tb = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield((debug.traceback("tb", 1):gsub("\t", "  "))) end
end)
for _ = 1, 2 do print(tb()) end
local outerLocals = coroutine.wrap(function()
  for i = 1, 2 do
    local main = debug.getinfo(2, "n")
    coroutine.yield(main and main.name or "?")
  end
end)
print(outerLocals(), outerLocals())

-- a hook set by the coroutine on its resumer, and one set on the coroutine itself
local hooked = coroutine.create(function()
  local n = 0
  for i = 1, 3 do
    if i == 2 then debug.sethook(function() n = n + 1 end, "l") end
    coroutine.yield(i)
  end
  debug.sethook()
  return n > 0
end)
for _ = 1, 4 do print(coroutine.resume(hooked)) end
