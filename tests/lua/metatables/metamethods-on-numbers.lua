-- metatables for other types (via debug.setmetatable) apply to all values of that type
debug.setmetatable(0, {__index = {double = function(n) return n * 2 end}, __call = function(n, x) return n + x end})
local n = 21
print(n:double(), (5)(10), (2.5):double())
debug.setmetatable(0, nil)
print(pcall(function() return n:double() end))
debug.setmetatable(nil, {__index = function() return "nil-index" end})
local z = nil
print(z.anything)
debug.setmetatable(nil, nil)
print(pcall(function() return z.anything end))
debug.setmetatable(print, {__index = {name = "a function"}})
print(print.name, (function() end).name)
debug.setmetatable(print, nil)
