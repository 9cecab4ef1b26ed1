-- __index / __newindex functions reached from compiled GETFIELD, SELF, GETTABLE, GETI, SETFIELD, SETTABLE
-- and SETI sites are called from the compiled frame (not by deoptimising it, once a function has deoptimised
-- a few times for them: each case below runs 8 times): results, errors, tracebacks, names,
-- debug.getlocal/setlocal, collections and hooks inside the metamethod must be as lua5.4's.

local calls = 0
local Proxy = {}
Proxy.__index = function(t, k)
  calls = calls + 1
  if k == "twice" then return function(self, x) return 2 * x end end
  if type(k) == "number" then return k * 10 end
  return "miss:" .. tostring(k)
end
local stored = {}
Proxy.__newindex = function(t, k, v) stored[#stored + 1] = tostring(k) .. "=" .. tostring(v) end

local function reads(o, key, i)
  local a = o.name            -- GETFIELD
  local b = o:twice(i)        -- SELF
  local c = o[key]            -- GETTABLE
  local d = o[3]              -- GETI
  local e = o.own             -- own field: no call
  return a, b, c, d, e
end
local function writes(o, key, i)
  o.field = i                 -- SETFIELD
  o[key] = i + 1              -- SETTABLE
  o[7] = i + 2                -- SETI
  o.own = i                   -- existing field: raw
end

local o = setmetatable({own = 0}, Proxy)
local acc = {}
for i = 1, 300 do
  local a, b, c, d, e = reads(o, "k" .. (i % 3), i)
  writes(o, "w" .. (i % 2), i)
  if i % 100 == 0 then acc[#acc + 1] = table.concat({a, b, c, d, e}, ",") end
end
print(table.concat(acc, " | "))
print("calls", calls, "stored", #stored, stored[1], stored[#stored], o.own, rawget(o, "field"))

-- the same site seeing a table __index, then a function, then a table again
local A = {__index = {v = "from table"}}
local B = {__index = function(t, k) return "from function " .. k end}
local function getv(x) return x.v end
local out = {}
for i = 1, 200 do
  local obj = setmetatable({}, (i % 50 < 25) and A or B)
  if i % 25 == 0 then out[#out + 1] = getv(obj) end
  getv(obj)
end
print(table.concat(out, "; "))
-- __index of one metatable switched from table to function and back while sites cache it
local M = {__index = {v = 1}}
local m = setmetatable({}, M)
local s = 0
for i = 1, 300 do
  if i == 100 then M.__index = function() return 100 end end
  if i == 200 then M.__index = {v = 10000} end
  s = s + getv(m)
end
print("switched", s)

-- errors raised inside the metamethod: message, traceback names and lines
local E = setmetatable({}, {__index = function(t, k) error("no field " .. k) end,
  __newindex = function(t, k, v) error("read-only " .. k, 2) end})
local function bad(x) return x.missing end
local function badset(x) x.y = 1 end
for i = 1, 8 do
  local r1, r2 = table.pack(pcall(bad, E)), table.pack(pcall(badset, E))
  if i == 1 or i == 8 then print(table.unpack(r1)) print(table.unpack(r2)) end
end
for i = 1, 8 do
  local tb = select(2, xpcall(bad, debug.traceback, E))
  -- (up to xpcall: below it the frames depend on how the test runner loads the chunk)
  if i == 1 or i == 8 then print((tb:match("^(.-\n\t%[C%]: in function 'xpcall')"))) end
end

-- the metamethod's own name and the caller's locals
local seen
local N = setmetatable({}, {__index = function(t, k)
  local info = debug.getinfo(1, "n")
  local name, value = debug.getlocal(2, 1)
  seen = tostring(info.namewhat) .. " " .. tostring(info.name) .. " " .. tostring(name) .. "=" .. type(value)
  debug.setlocal(2, 2, "changed")
  return k
end})
local function named(p)
  local q = "original"
  local r = p.anything
  return q, r
end
for i = 1, 8 do print(named(N)) end
print(seen)

-- a collection inside the metamethod: values held only by the caller's registers stay alive
local weak = setmetatable({}, {__mode = "k"})
local G = setmetatable({}, {__index = function(t, k) collectgarbage(); collectgarbage(); return k end})
local function keep(g)
  local key = {}
  weak[key] = true
  local v = g.x
  return v, weak[key], key ~= nil
end
for i = 1, 8 do print(keep(G)) end

-- a hook set inside the metamethod: the caller continues under it
local lines = {}
local H = setmetatable({}, {__index = function(t, k)
  debug.sethook(function(_, l) lines[#lines + 1] = l end, "l")
  return 1
end})
local function hooked(h)
  local a = h.x
  local b = a + 1
  local c = b + 1
  debug.sethook()
  return c
end
for i = 1, 8 do
  lines = {}
  print(hooked(H), table.concat(lines, ","))
end

-- yields: across the metamethod inside a coroutine, refused on the main thread
local Y = setmetatable({}, {__index = function(t, k) return coroutine.yield(k) end})
local function ask(y) return y.question end
local co = coroutine.wrap(function() for i = 1, 3 do print("answer", ask(Y)) end return "done" end)
print(co(), co(1), co(2), co(3))
for i = 1, 8 do print(pcall(ask, Y)) end

-- runaway recursion through __index
local R = setmetatable({}, {__index = function(t, k) return t[k] end})
for i = 1, 8 do
  local ok, msg = pcall(function() return R.x end)
  print(ok, (string.gsub(tostring(msg), "^.-:%d+: ", "")))
end
