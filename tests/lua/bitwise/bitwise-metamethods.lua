-- bitwise metamethods on tables
local mt = {}
for _, ev in ipairs({"band", "bor", "bxor", "shl", "shr", "bnot"}) do
  mt["__" .. ev] = function(a, b) return ev .. "(" .. type(a) .. "," .. type(b) .. ")" end
end
local v = setmetatable({}, mt)
print(v & 1, 1 | v, v ~ v, v << 2, 2 >> v, ~v)
print(1.5 & v, "x" | v)
local mt2 = {__band = function(a, b) return 42 end}
local w = setmetatable({}, mt2)
print(w & 1, 1 & w, pcall(function() return w | 1 end))
