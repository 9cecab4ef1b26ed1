-- Inline __index chains and field stores of the JS tier: every lookup must follow the current metatables
-- and __index/__newindex values, also when they change after the code has warmed up.

local function show(...) print(...) end

-- three-level class chain: own field, class, base, base of base (the last one beyond the inline levels)
local Base0 = {deep = "base0", shared = "base0"}
Base0.__index = Base0
local Base = setmetatable({mid = "base", shared = "base"}, Base0)
Base.__index = Base
local Class = setmetatable({cls = "class"}, Base)
Class.__index = Class
local obj = setmetatable({own = "own"}, Class)

local function probe(o)
  return o.own, o.cls, o.mid, o.deep, o.shared, o.missing
end

for i = 1, 30 do
  local a, b, c, d, e, f = probe(obj)
  if i == 1 or i == 30 then show(i, a, b, c, d, e, f) end
end

-- metatable swapped mid-loop
local Other = {cls = "other", own = "not-own"}
Other.__index = Other
for i = 1, 40 do
  if i == 20 then setmetatable(obj, Other) end
  if i == 31 then setmetatable(obj, nil) end
  if i % 10 == 0 or i == 19 or i == 20 or i == 31 then show("swap", i, probe(obj)) end
end
setmetatable(obj, Class)

-- __index changed from a table to a function and back, and to a non-table, non-function value
local calls = 0
for i = 1, 40 do
  if i == 10 then Class.__index = function(t, k) calls = calls + 1; return "fn:" .. k end end
  if i == 20 then Class.__index = Class end
  if i == 25 then Class.__index = nil end
  if i == 30 then Class.__index = Class end
  local v = obj.cls
  local w = obj.mid
  if i % 5 == 0 or i == 9 or i == 24 then show("idx", i, v, w, calls) end
end

-- rawset into the prototype after warm-up; then a field that shadows it; then removing both
local P = {}
P.__index = P
local q = setmetatable({}, P)
local seen = {}
for i = 1, 50 do
  if i == 15 then rawset(P, "late", "from-proto") end
  if i == 25 then q.late = "own-late" end
  if i == 35 then q.late = nil end
  if i == 45 then P.late = nil end
  seen[#seen + 1] = tostring(q.late)
end
show(table.concat(seen, " ", 10, 50))

-- nil vs false: false in the object is an answer and stops the chain; nil goes on
local F = {flag = "proto-flag", other = "proto-other"}
F.__index = F
local fo = setmetatable({flag = false}, F)
for i = 1, 20 do
  local a, b = fo.flag, fo.other
  if i == 1 or i == 20 then show("false", a, b) end
end
fo.flag = nil
show("nil", fo.flag)
fo.other = false
show("false2", fo.other)

-- method calls (SELF) through the chain, also on strings and with a changing string metatable __index
local Acc = {}
Acc.__index = Acc
function Acc:add(n) self.total = (self.total or 0) + n; return self end
local acc = setmetatable({}, Acc)
for i = 1, 100 do acc:add(i) end
show("acc", acc.total)
local s = "hello"
local ups = {}
for i = 1, 30 do ups[#ups + 1] = s:sub(i % 5 + 1, i % 5 + 1) end
show(table.concat(ups))
local strmt = getmetatable("")
local saved = strmt.__index
strmt.__index = function(str, k) return function() return "hooked " .. k end end
show(s:upper())
strmt.__index = saved
show(s:upper())

-- __newindex: tables and functions, added and removed after warm-up; existing keys are raw even then
local log = {}
local store = {}
local N = {}
local no = setmetatable({existing = 1}, N)
for i = 1, 40 do
  if i == 10 then N.__newindex = store end
  if i == 20 then N.__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v) end end
  if i == 30 then N.__newindex = nil end
  no.existing = i
  no["k" .. (i % 3)] = i
  no.fresh = i
  if i % 10 == 9 or i == 40 then
    show("newindex", i, no.existing, no.fresh, rawget(no, "fresh"), store.fresh, #log)
    no.fresh = nil
    rawset(no, "k0", nil); rawset(no, "k1", nil); rawset(no, "k2", nil)
  end
end
show(table.concat(log, ","))

-- a dead field (assigned nil) revived, with and without __newindex on the metatable
local D = {}
local dd = setmetatable({a = 1, b = 2}, D)
for i = 1, 30 do
  dd.a = nil
  if i == 15 then D.__newindex = function(t, k, v) rawset(t, k, "nv" .. tostring(v)) end end
  dd.a = i
end
show("dead", dd.a, dd.b)
local keys = {}
for k, v in pairs(dd) do keys[#keys + 1] = k .. ":" .. tostring(v) end
table.sort(keys)
show(table.concat(keys, " "))

-- dictionary-mode tables (many string keys) as objects, as prototypes and as metatables
local big = {}
for i = 1, 60 do big["f" .. i] = i end
big.__index = big
big.name = "big"
local child = setmetatable({}, big)
local grandchild = setmetatable({}, {__index = child})
for i = 1, 30 do
  local a, b, c = child.name, grandchild.f7, grandchild.nothing
  if i == 1 or i == 30 then show("dict", a, b, c) end
end
big.name = nil
show("dict2", child.name, grandchild.name)
local bigmt = {}
for i = 1, 60 do bigmt["m" .. i] = i end
bigmt.__index = {viaBig = "yes"}
local viaBigMt = setmetatable({}, bigmt)
for i = 1, 20 do
  if i == 10 then bigmt.__index = function() return "fn-big" end end
  if i == 1 or i == 9 or i == 10 or i == 20 then show("bigmt", viaBigMt.viaBig) end
end
bigmt.__newindex = function(t, k, v) rawset(t, k, "big-nv") end
viaBigMt.z = 1
show("bigmt-new", rawget(viaBigMt, "z"))

-- a loop in __index chains still ends with the interpreter's message
local L1, L2 = {}, {}
L1.__index = setmetatable({}, L2)
L2.__index = setmetatable({}, L1)
local looped = setmetatable({}, L1)
show(pcall(function() return looped.x end))

-- table constructors: positional with calls and varargs, records, mixed; #t and the keys
local function two() return "a", "b" end
local function none() end
local function pack(...) return {...} end
for i = 1, 3 do
  local t1 = {two(), two()}
  local t2 = {two(), none()}
  local t3 = {none(), two()}
  local t4 = {x = 1, y = 2, two()}
  local t5 = {1, 2, 3, nil, 5, nil}
  local t6 = pack(1, nil, 3)
  local t7 = {n = 1, two(), [10] = "ten", two()}
  if i == 3 then
    show(#t1, t1[1], t1[2], t1[3], #t2, t2[1], t2[2], #t3, t3[1], t3[2], t3[3])
    show(#t4, t4.x, t4[1], t4[2], #t5, t5[5], #t6, t6[3], #t7, t7[3], t7[10])
    local ks = {}
    for k in pairs(t7) do ks[#ks + 1] = tostring(k) end
    table.sort(ks) -- the hash part's order depends on lua5.4's per-run string hash seed
    show(table.concat(ks, ","))
  end
end
local nanT = {0/0, -(0/0), two()}
show(nanT[1] ~= nanT[1], nanT[2] ~= nanT[2], nanT[3])

-- integral-valued float arithmetic (boxed floats) in hot loops
local function fl(x)
  local acc = 0
  for i = 1, 40 do
    x = x / 2
    acc = acc + x % 3 + (x - 1) * 2 - x % -3
    if x < 1 then x = x + 1000.0 end
  end
  return acc, x, 7.0 % 2, -7.0 % 2, 7.0 % -2, 6.0 % -3, -6.0 % 3, 2^53 + 1.0, math.huge % 2, 5.0 % math.huge, -5.0 % math.huge
end
show(fl(1024.0))
show(fl(1000))
