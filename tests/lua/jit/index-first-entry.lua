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
