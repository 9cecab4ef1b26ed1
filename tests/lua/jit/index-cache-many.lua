-- One GETFIELD/SELF site meeting many classes: the site caches four metatables inline and more in an
-- overflow list; every entry must follow method replacements, metatable swaps, inheritance changes and
-- __index switching between a function and a table, after the site has run many times.

local function class(name, parent)
  local c = {name = name}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  function c:who() return self.name .. ":" .. self.id end
  return c
end

local Base = class("base")
function Base:kind() return "base-kind" end
local classes = {}
for i = 1, 20 do classes[i] = class("c" .. i, i % 3 == 0 and Base or nil) end

local objs = {}
for i = 1, 20 do objs[i] = setmetatable({id = i}, classes[i]) end

-- each round starts at `first`, so that the first lookup after a change can be a class the site keeps in its
-- overflow list (class 1-4 inline, 5-16 overflow, 17-20 not cached at the `who` site); `first` is always an
-- integer, so the compiled function is not respecialised (which would start with empty caches)
local function sweep(list, n, first)
  local out = {}
  for r = 1, n do
    for j = 0, #list - 1 do
      local i = (first - 1 + j) % #list + 1
      local o = list[i]
      local s = o:who() .. "/" .. tostring(o.kind and o:kind() or "-") .. "/" .. tostring(o.extra)
      if r == 1 then out[i] = s end -- the first lookups after a change
    end
  end
  return table.concat(out, " ")
end

print(sweep(objs, 30, 1))

-- replace methods on classes cached inline (1..4) and in the overflow (5..16) and beyond (17..20)
for _, i in ipairs({2, 7, 12, 16, 19}) do
  classes[i].who = function(self) return "new" .. i end
end
print(sweep(objs, 3, 7))

-- a field added to an inherited class, then removed
Base.extra = "base-extra"
print(sweep(objs, 3, 7))
Base.extra = nil
Base.kind = function() return "kind2" end
print(sweep(objs, 3, 7))

-- metatables swapped on objects (a class the site has seen, and a new one)
setmetatable(objs[9], classes[1])
setmetatable(objs[10], class("fresh"))
print(sweep(objs, 3, 7))

-- __index of a class switched to a function, then back to a table
local saved = classes[8].__index
classes[8].__index = function(t, k)
  if k == "who" then return function(self) return "fn-who" .. self.id end end
  if k == "extra" then return "fn-extra" end
end
print(sweep(objs, 3, 7))
classes[8].__index = saved
print(sweep(objs, 3, 7))

-- the parent of an inheriting class replaced
getmetatable(classes[6]).__index = {kind = function() return "other-parent" end}
print(sweep(objs, 3, 7))
setmetatable(classes[9], nil)
print(sweep(objs, 3, 7))

-- rawset on a class, and a method shadowed on one instance
rawset(classes[11], "who", function() return "raw11" end)
objs[14].who = function() return "own14" end
print(sweep(objs, 3, 7))
