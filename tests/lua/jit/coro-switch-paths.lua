-- Direct coroutine switches from compiled code (generator.ts resume): wrap functions and coroutine.resume used
-- in turn by the same sites, coroutines that finish with 0..3 results, yields of 0..3 values (nil holes),
-- errors raised inside (string and table values, from plain and from generator code), deopts and hooks inside
-- generator frames, tail calls of every kind of callee at the end of a coroutine body.

local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  return t.n .. ":" .. table.concat(t, ",")
end

-- one helper that switches with whichever kind it is given (one site sees wraps, then resumes)
local function step(k, ...)
  if type(k) == "function" then return k(...) end
  return coroutine.resume(k, ...)
end

local function body(...)
  local a, b = coroutine.yield()
  coroutine.yield(a)
  coroutine.yield(a, nil, b)
  coroutine.yield(nil)
  return ...
end

for round = 1, 3 do
  for _, mk in ipairs({ coroutine.wrap, coroutine.create }) do
    local k = mk(body)
    local out = {}
    out[#out + 1] = show(step(k, "x", nil, "z"))
    out[#out + 1] = show(step(k, 1, 2))
    out[#out + 1] = show(step(k))
    out[#out + 1] = show(step(k))
    out[#out + 1] = show(step(k))
    out[#out + 1] = show(pcall(step, k))
    if type(k) ~= "function" then out[#out + 1] = coroutine.status(k) .. " " .. show(step(k)) end
    print(round, table.concat(out, " | "))
  end
end

-- finishing with 0..3 results, many times (the end of a coroutine in a loop of switches)
for nres = 0, 3 do
  local sum, last = 0, nil
  for i = 1, 200 do
    local co = coroutine.create(function(x)
      for j = 1, 3 do x = x + coroutine.yield(j) end
      if nres == 0 then return end
      if nres == 1 then return x end
      if nres == 2 then return x, nil end
      return x, nil, "end"
    end)
    local _, v = coroutine.resume(co, i)
    while coroutine.status(co) ~= "dead" do
      sum = sum + v
      last = table.pack(coroutine.resume(co, 1))
      v = last[2]
    end
  end
  print("nres", nres, sum, last.n, tostring(last[1]), tostring(last[2]), tostring(last[3]), tostring(last[4]))
end

-- a generic for over wrap generators that end, again and again
local total = 0
for r = 1, 100 do
  for v, w in coroutine.wrap(function() for i = 1, r % 7 do coroutine.yield(i, -i) end end) do
    total = total + v - w
  end
end
print("tfor", total)

-- errors inside: from plain code (main) and from a coroutine resuming another
local function failing(kind, at)
  return function(...)
    for i = 1, at do coroutine.yield(i) end
    if kind == "table" then error({ code = at }) end
    if kind == "nolevel" then error("plain", 0) end
    local t = nil
    return t.field
  end
end
for _, kind in ipairs({ "table", "nolevel", "index" }) do
  local co = coroutine.create(failing(kind, 3))
  local res = {}
  for i = 1, 5 do
    local ok, e = coroutine.resume(co)
    res[#res + 1] = tostring(ok) .. "/" .. (type(e) == "table" and ("code " .. e.code) or tostring(e))
  end
  print(kind, coroutine.status(co), table.concat(res, " "))
  local w = coroutine.wrap(failing(kind, 2))
  local got = {}
  for i = 1, 3 do
    local ok, e = pcall(w)
    got[#got + 1] = tostring(ok) .. "/" .. (type(e) == "table" and ("code " .. e.code) or tostring(e))
  end
  print(kind, "wrap", table.concat(got, " "))
  -- the same from generator code: an outer coroutine resumes the failing one
  local outer = coroutine.wrap(function()
    local inner = coroutine.create(failing(kind, 1))
    local acc = {}
    for i = 1, 3 do
      local ok, e = coroutine.resume(inner)
      acc[#acc + 1] = tostring(ok) .. "/" .. (type(e) == "table" and ("code " .. e.code) or tostring(e))
      coroutine.yield(#acc)
    end
    return table.concat(acc, " ")
  end)
  local r
  repeat r = outer() until type(r) == "string"
  print(kind, "nested", r)
end

-- a metamethod that yields in the middle of compiled arithmetic (the generator frame deoptimises)
local mt = {}
mt.__add = function(a, b) local y = coroutine.yield("add") return setmetatable({ n = a.n + (type(b) == "table" and b.n or b) + y }, mt) end
mt.__index = function(t, k) return coroutine.yield("index " .. k) end
local co = coroutine.wrap(function(n)
  local acc = 0
  for i = 1, n do
    local x = i
    if i % 4 == 0 then x = setmetatable({ n = i }, mt) + 1 end
    if i % 5 == 0 then x = setmetatable({}, mt).some end
    acc = acc + (type(x) == "table" and x.n or x)
  end
  return "acc", acc
end)
local trace = {}
local v, w = co(12)
while v ~= "acc" do trace[#trace + 1] = tostring(v); v, w = co(100) end
print("mm", table.concat(trace, ","), w)

-- a hook set inside a coroutine: its compiled callees start interpreted (and come back when it is removed)
local function leaf(x) return x * 2 end
local function nonleaf(x) return leaf(x) + 1 end
local hooked = coroutine.wrap(function()
  local s = 0
  for i = 1, 6 do
    if i == 3 then debug.sethook(function() end, "", 1000) end
    if i == 5 then debug.sethook() end
    s = s + nonleaf(i)
    coroutine.yield(s)
  end
  return "done", s
end)
local hs = {}
for i = 1, 7 do hs[#hs + 1] = show(hooked()) end
print("hook", table.concat(hs, " "))

-- tail calls at the end of a coroutine body: leaf, compiled non-leaf, native, multiple values, wrap function
local function three() return 1, 2, 3 end
local tails = {
  function(x) coroutine.yield(x) return leaf(x) end,
  function(x) coroutine.yield(x) return nonleaf(x) end,
  function(x) coroutine.yield(x) return math.max(x, 7, 3) end,
  function(x) coroutine.yield(x) return select(2, three()) end,
  function(x) coroutine.yield(x) return string.rep("ab", x, "-") end,
  function(x) coroutine.yield(x) return coroutine.wrap(function(...) return ... end)(x, "w") end,
}
for round = 1, 2 do
  local res = {}
  for i, f in ipairs(tails) do
    local c = coroutine.create(f)
    local _, y = coroutine.resume(c, i)
    res[#res + 1] = y .. "=" .. show(select(2, coroutine.resume(c)))
    res[#res + 1] = show(coroutine.resume(c))
  end
  print("tail", round, table.concat(res, " "))
end

-- status, running and isyieldable seen from a coroutine resumed by a coroutine
local a, b
b = coroutine.create(function()
  for i = 1, 3 do
    local r, main = coroutine.running()
    coroutine.yield(coroutine.status(a), coroutine.status(b), r == b, main, coroutine.isyieldable())
  end
end)
a = coroutine.create(function()
  for i = 1, 3 do print("status", select(2, coroutine.resume(b))) end
  coroutine.yield(coroutine.status(b))
  return coroutine.resume(b)
end)
print("a", coroutine.resume(a))
print("a", coroutine.resume(a))
print("end", coroutine.status(a), coroutine.status(b), coroutine.resume(b))
