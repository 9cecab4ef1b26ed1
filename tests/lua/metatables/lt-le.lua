-- __lt and __le for ordering objects, including sorting with them
local mt = {}
mt.__lt = function(x, y) return x.v < y.v end
mt.__le = function(x, y) return x.v <= y.v end
local function V(v) return setmetatable({v = v}, mt) end
local list = {V(5), V(1), V(4), V(2), V(3)}
table.sort(list)
local out = {}
for i, x in ipairs(list) do out[i] = x.v end
print(table.concat(out, " "))
print(V(1) < V(2), V(2) <= V(2), V(3) > V(2), V(1) >= V(2))
print(pcall(function() return V(1) < 1 end))
