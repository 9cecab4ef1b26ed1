-- traceback through a metamethod
local v = setmetatable({}, {__add = function(a, b) return a.x + b end})
print(v + 1)
