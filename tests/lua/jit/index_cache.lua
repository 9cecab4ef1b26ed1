-- Cached __index lookups of the JS tier (a per-site cache keyed on the receiver's metatable): every change
-- to a table along a cached chain must be seen at once, by code that already ran the lookup many times,
-- whichever tier or library function makes the change.

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

local function call(o) return o:m() end
local function field(o) return o.x end
local function warm(f, o) local r for _ = 1, 30 do r = f(o) end return r end

-- 1. a method redefined after calls (compiled store, interpreted store, SETTABLE with a variable key, rawset)
local A = class()
function A:m() return "A1" end
local a = setmetatable({}, A)
print(1, warm(call, a))
A.m = function() return "A2" end
print(1, call(a))
local name = "m"
A[name] = function() return "A3" end
print(1, warm(call, a))
rawset(A, "m", function() return "A4" end)
print(1, warm(call, a))
load("local A = ... A.m = function() return 'A5' end")(A)
print(1, warm(call, a))

-- 2. removal and revival of a key, and a nil result that later gets a value
A.m = nil
print(2, pcall(call, a))
A.m = function() return "back" end
print(2, warm(call, a))
print(2, warm(field, a))
A.x = 10
print(2, field(a))
A.x = nil
print(2, warm(field, a))
rawset(A, "x", 11)
print(2, field(a))

-- 3. inheritance: the parent changes; the child gains the key; the child's metatable changes
local P = class()
local C = class(P)
P.x = "P"
local c = setmetatable({}, C)
print(3, warm(field, c))
P.x = "P2"
print(3, field(c))
C.x = "C"
print(3, warm(field, c))
C.x = nil
print(3, warm(field, c))
local Q = class()
Q.x = "Q"
setmetatable(C, {__index = Q})
print(3, warm(field, c))
getmetatable(C).__index = P
print(3, warm(field, c))
debug.setmetatable(C, nil)
print(3, warm(field, c))
setmetatable(C, {__index = P})
print(3, warm(field, c))
setmetatable(P, {__index = {x = "grand"}})
P.x = nil
print(3, warm(field, c))
getmetatable(P).__index.x = "grand2"
print(3, field(c))

-- 4. __index changed: another table, a function, a non-table value, the table again
local D = class()
D.x = "D"
local d = setmetatable({}, D)
print(4, warm(field, d))
D.__index = {x = "other"}
print(4, field(d))
D.__index = function(t, k) return "fn " .. k end
print(4, warm(field, d))
D.__index = D
print(4, warm(field, d))
D.__index = nil
print(4, warm(field, d))
D.__index = D
print(4, warm(field, d))

-- 5. the instance shadows a method after calls, then drops it again
local E = class()
function E:m() return "class" end
local e = setmetatable({}, E)
print(5, warm(call, e))
e.m = function() return "own" end
print(5, call(e))
e.m = nil
print(5, warm(call, e))
rawset(e, "m", function() return "own2" end)
print(5, call(e))

-- 6. the instance's metatable changes
local F, G = class(), class()
F.x, G.x = "F", "G"
local f = setmetatable({}, F)
print(6, warm(field, f))
setmetatable(f, G)
print(6, field(f))
setmetatable(f, nil)
print(6, field(f))

-- 7. weak class tables: weak keys keep string-keyed methods; a weak value is cleared by a collection
local W = class()
setmetatable(W, {__mode = "k"})
W.x = "kept"
local w = setmetatable({}, W)
print(7, warm(field, w))
collectgarbage()
print(7, warm(field, w))
local V = class()
V.__index = setmetatable({}, {__mode = "v"})
V.__index.x = {}
local vobj = setmetatable({}, V)
print(7, type(warm(field, vobj)))
collectgarbage()
print(7, warm(field, vobj))

-- 8. one site sees many metatables (more than the cache holds), some of them changing
local classes = {}
for i = 1, 7 do classes[i] = class(); classes[i].x = i end
local objs = {}
for i = 1, 7 do objs[i] = setmetatable({}, classes[i]) end
local function sweep()
  local s = ""
  for i = 1, 7 do s = s .. tostring(field(objs[i])) end
  return s
end
for _ = 1, 20 do sweep() end
print(8, sweep())
classes[3].x = "c"
classes[6].x = nil
print(8, sweep())
for _ = 1, 20 do sweep() end
classes[1].x = "a"
print(8, sweep())

-- 9. a dictionary-style class table (many keys) and the PIL "self.__index = self" pattern
local Big = class()
for i = 1, 60 do Big["k" .. i] = i end
Big.x = "big"
local big = setmetatable({}, Big)
print(9, warm(field, big))
Big.x = "big2"
print(9, field(big))
Big.x = nil
print(9, field(big))
local Account = {balance = 0}
function Account:new(o)
  o = o or {}
  setmetatable(o, self)
  self.__index = self
  return o
end
function Account:get() return self.balance end
local acc = Account:new()
local Special = Account:new()
local s1 = Special:new()
local function bal(o) return o:get() end
print(9, warm(bal, s1))
function Special:get() return "special " .. self.balance end
print(9, warm(bal, s1))
Special.balance = 7
print(9, bal(s1), bal(acc))

-- 10. globals through a metatable on _ENV
local fallback = {g1 = "fb"}
setmetatable(_G, {__index = fallback})
local function readg() return g1 end
print(10, warm(readg))
fallback.g1 = "fb2"
print(10, readg())
g1 = "own"
print(10, readg())
g1 = nil
print(10, warm(readg))
getmetatable(_G).__index = {g1 = "fb3"}
print(10, readg())
setmetatable(_G, nil)
print(10, readg())

-- 11. a table that is its own metatable; a cycle of __index tables ends in the usual error
local self_mt = {x = "selfx"}
self_mt.__index = self_mt
setmetatable(self_mt, self_mt)
local so = setmetatable({}, self_mt)
print(11, warm(field, so))
self_mt.x = nil
print(11, pcall(field, so))

-- 12. stores by the interpreter (a hook runs every function there) into tables that compiled code cached:
-- SETFIELD, and SETTABUP through an _ENV upvalue
local H = class()
H.x = "h1"
local hobj = setmetatable({}, H)
local function setx(v) H.x = v end
local function envSetter(_ENV) return function(v) x = v end end
local setEnvX = envSetter(H)
print(12, warm(field, hobj))
debug.sethook(function() end, "c")
setx("h2")
debug.sethook()
print(12, warm(field, hobj))
debug.sethook(function() end, "c")
setEnvX("h3")
debug.sethook()
print(12, warm(field, hobj))
setEnvX("h4")
print(12, warm(field, hobj))

-- 13. a class table that changes all the time (a class-wide counter) and its parent: every read sees the
-- latest value, also after the cache gives up on them
local UP = class()
local U = class(UP)
U.n = 0
local uo = setmetatable({}, U)
local function readn(o) return o.n end
local function ready(o) return o.y end
local ok = true
for i = 1, 300 do
  U.n = i
  if readn(uo) ~= i or uo.n ~= i then ok = false end
  UP.y = i
  if ready(uo) ~= i then ok = false end
end
print(13, ok, readn(uo), ready(uo))
UP.y = nil
print(13, warm(ready, uo))
setmetatable(UP, {__index = {y = "grand"}})
print(13, warm(ready, uo))
U.y = "own"
print(13, warm(ready, uo))
setmetatable(U, nil)
print(13, warm(ready, uo), warm(readn, uo))
