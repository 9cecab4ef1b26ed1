-- __index as a table, chained through several levels
local base = {greet = "hello", x = 1}
local mid = setmetatable({y = 2}, {__index = base})
local obj = setmetatable({z = 3}, {__index = mid})
print(obj.z, obj.y, obj.x, obj.greet, obj.none)
print(rawget(obj, "x"), rawget(obj, "z"))
base.late = "added later"
print(obj.late)
obj.x = 100
print(obj.x, base.x)
