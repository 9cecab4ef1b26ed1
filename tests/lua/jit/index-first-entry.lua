-- GETFIELD/SELF sites keep the first metatable of their __index cache inline: a receiver with that metatable
-- must still see its own keys first (record part or, for a table with many keys, the dictionary part), a
-- changed chain, a nil result cached for a missing field, and other metatables through the rest of the cache.

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

local function call(o) return o:m() end
local function field(o) return o.x end
local function warm(f, o) local r for _ = 1, 30 do r = f(o) end return r end

local A = class()
function A:m() return "A.m" end
local a = setmetatable({}, A)
print(1, warm(call, a), warm(field, a))

-- 2. same metatable, own keys: record part, then a table with many keys (dictionary part)
local own = setmetatable({x = "own x", m = function() return "own m" end}, A)
print(2, call(own), field(own))
local big = setmetatable({}, A)
for i = 1, 200 do big["k" .. i] = i end
print(2, warm(call, big), warm(field, big))
big.m = function() return "big m" end
big.x = "big x"
print(2, call(big), field(big), call(a), field(a))
for i = 1, 200 do big["z" .. i] = i end
print(2, warm(call, big), warm(field, big))
big.m, big.x = nil, nil
print(2, call(big), field(big))

-- 3. the cached nil of a missing field, then the class gains it, loses it, and its parent gets it
local B = class(A)
local b = setmetatable({}, B)
print(3, warm(field, b), warm(call, b))
B.x = "B.x"
print(3, field(b))
B.x = nil
print(3, field(b))
A.x = "A.x"
print(3, warm(field, b), field(a))
rawset(b, "x", false)
print(3, field(b))

-- 4. a polymorphic site: six classes, each in turn, then the first again after a change
local cs, objs = {}, {}
for i = 1, 6 do
  local C = class(i % 2 == 0 and A or nil)
  if i % 2 == 1 then C.m = function() return "C" .. i end end
  C.x = i
  cs[i] = C
  objs[i] = setmetatable({}, C)
end
local out = {}
for r = 1, 3 do for i = 1, 6 do out[#out + 1] = call(objs[i]) .. "/" .. tostring(field(objs[i])) end end
print(4, table.concat(out, " "))
cs[1].m = function() return "C1 again" end
cs[2].x = nil
print(4, call(objs[1]), field(objs[2]), call(objs[2]))

-- 5. __index turned into a function, then back into a table
A.__index = function(t, k) return "fn " .. k end
print(5, field(a), call(setmetatable({m = function() return "own" end}, A)))
print(5, pcall(call, a))
A.__index = A
print(5, call(a), field(a))

-- 6. errors with variable names after the site's cache is warm
local C = class()
local c = setmetatable({}, C)
print(6, warm(field, c))
print(6, pcall(call, c))
print(6, pcall(field, nil))
print(6, pcall(function(o) return o.a.b end, c))
print(6, pcall(call, "str"))

-- 7. string methods from the site's cache: a warm site, then string's table changed, then __index replaced
local function up(s) return s:upper() end
local function len(s) return s:len() end
print(7, warm(up, "abc"), warm(len, "abcd"))
local oldUpper = string.upper
string.upper = function(s) return "UP(" .. s .. ")" end
print(7, up("x"), len("xy"))
string.upper = oldUpper
local smt = getmetatable("")
local sidx = smt.__index
smt.__index = function(s, k) return function(self) return k .. "#" .. self end end
print(7, up("y"), len("z"))
smt.__index = {upper = function(s) return "own upper " .. s end, len = sidx.len}
print(7, warm(up, "w"), len("w"))
smt.__index = nil
print(7, pcall(up, "v"))
smt.__index = sidx
print(7, warm(up, "u"), pcall(up, 5), pcall(up, {}))

-- 8. stores: a new field, a dead field revived, a nil store of a missing field, a table growing into a
-- dictionary, a store into a class whose lookups are cached
local function put(o, v) o.f = v end
local rec = {}
for i = 1, 30 do put(rec, i) end
put(rec, nil)
print(8, rec.f, next(rec))
put(rec, "again")
print(8, rec.f)
local fresh = {}
put(fresh, nil)
print(8, next(fresh))
local grow = {}
for i = 1, 300 do grow["g" .. i] = i; if i % 50 == 0 then put(grow, i) end end
print(8, grow.f, grow.g300)
local D = class()
local d = setmetatable({}, D)
print(8, warm(function(o) return o.f end, d))
put(D, "class f")
print(8, d.f, (function(o) return o.f end)(d))
