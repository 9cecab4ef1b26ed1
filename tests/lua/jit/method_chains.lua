-- Method calls (SELF) and field loads through deep __index chains (class hierarchies beyond the levels the
-- JS tier unrolls): every call must see the current metatables, __index values and class contents, also
-- when they change between calls of a hot call site.

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

local A = class()
function A:name() return "A" end
function A:get() return self.x end
local B = class(A)
function B:b() return "b" end
local C = class(B)
local D = class(C)
local E = class(D)

local objs = {}
for i, cls in ipairs({A, B, C, D, E}) do objs[i] = setmetatable({x = i}, cls) end

local function callAll(tag)
  local out = {}
  for i = 1, #objs do
    local o = objs[i]
    out[#out + 1] = o:name() .. o:get() .. type(o.b) .. tostring(o.missing)
  end
  print(tag, table.concat(out, " "))
end

for i = 1, 30 do if i == 1 or i == 30 then callAll("warm" .. i) end end

-- a class deep in the chain gains and loses a method: seen at once
for i = 1, 40 do
  if i == 10 then function C:name() return "C" end end
  if i == 20 then C.name = nil end
  if i == 25 then rawset(B, "name", function() return "B" end) end
  if i == 30 then rawset(B, "name", nil) end
  if i % 5 == 0 then callAll("gain" .. i) end
end

-- __index of a deep metatable switches between a table, a function and back
local hits = 0
local midMt = getmetatable(C)
for i = 1, 40 do
  if i == 10 then midMt.__index = function(t, k) hits = hits + 1; if k == "name" then return function() return "fn" end end return A[k] end end
  if i == 20 then midMt.__index = B end
  if i == 25 then rawset(midMt, "__index", function(t, k) hits = hits + 1; return A[k] end) end
  if i == 30 then rawset(midMt, "__index", B) end
  if i % 5 == 0 then callAll("switch" .. i) end
end
print("hits", hits)

-- a metatable in the chain replaced, removed, and a class's metatable changed
for i = 1, 40 do
  if i == 10 then setmetatable(D, {__index = A}) end
  if i == 20 then setmetatable(D, nil) end
  if i == 30 then setmetatable(D, {__index = C}) end
  if i % 5 == 0 then
    local ok, err = pcall(callAll, "mt" .. i)
    if not ok then print("mt" .. i, err) end
  end
end

-- a missing method deep in the chain: lua5.4's error, with the method name
local function callMissing(o) return o:nothere(1) end
for i = 1, 25 do
  local ok, err = pcall(callMissing, objs[5])
  if i == 1 or i == 25 then print("missing", ok, err) end
end
E.nothere = function(self, v) return "now " .. v end
print("missing then", callMissing(objs[5]))
E.nothere = nil

-- an __index that is neither a table nor a function, deep in the chain
local bad = setmetatable({}, {__index = setmetatable({}, {__index = setmetatable({}, {__index = 42})})})
local function badLoad(o) return o.field end
for i = 1, 25 do
  local ok, err = pcall(badLoad, bad)
  if i == 1 or i == 25 then print("bad", ok, err) end
end

-- a cyclic __index chain: lua5.4's loop error
local c1, c2 = {}, {}
setmetatable(c1, {__index = c2}); setmetatable(c2, {__index = c1})
local cyc = setmetatable({}, {__index = c1})
for i = 1, 25 do
  local ok, err = pcall(badLoad, cyc)
  if i == 1 or i == 25 then print("cycle", ok, err) end
end
rawset(c2, "field", "found")
print("cycle then", badLoad(cyc))

-- a long chain (more levels than any unrolling) that ends in a value
local top = {field = "top"}
local cur = top
for _ = 1, 60 do cur = setmetatable({}, {__index = cur}) end
for i = 1, 25 do
  local v = badLoad(cur)
  if i == 1 or i == 25 then print("long", v) end
end
rawset(top, "field", nil)
print("long then", badLoad(cur))

-- a class in dictionary mode (many methods) deep in the chain
local Big = class()
for k = 1, 40 do Big["m" .. k] = function(self) return "m" .. k .. ":" .. self.x end end
local Mid1 = class(Big)
local Mid2 = class(Mid1)
local Leaf = class(Mid2)
local lo = setmetatable({x = "lo"}, Leaf)
local function callBig(o, k) if k % 2 == 0 then return o:m7() end return o:m33() end
for i = 1, 30 do
  if i == 15 then Big.m7 = function(self) return "new7" end end
  if i == 20 then Mid2.m33 = function(self) return "mid33" end end
  if i % 5 == 0 or i == 1 then print("big", i, callBig(lo, i), callBig(lo, i + 1)) end
end

-- string methods keep working at a method call site also used for tables
local function up(s) return s:upper() end
for i = 1, 25 do
  local r = up(i % 2 == 0 and "abc" or setmetatable({}, {__index = setmetatable({}, {__index = {upper = function() return "TBL" end}})}))
  if i == 24 or i == 25 then print("str", r) end
end
