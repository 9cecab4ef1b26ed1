-- __concat, __len and __unm working together on a vector type
local Vec = {}
Vec.__index = Vec
local function new(...) return setmetatable({...}, Vec) end
Vec.__len = function(v) return rawlen(v) end
Vec.__unm = function(v) local r = {} for i = 1, #v do r[i] = -v[i] end return new(table.unpack(r)) end
Vec.__concat = function(a, b)
  local r = {table.unpack(a)}
  for i = 1, #b do r[#r + 1] = b[i] end
  return new(table.unpack(r))
end
Vec.__tostring = function(v) return "(" .. table.concat(v, ",") .. ")" end
local v = new(1, 2, 3)
print(tostring(v), #v, tostring(-v), tostring(v .. new(4)), #(v .. v))
