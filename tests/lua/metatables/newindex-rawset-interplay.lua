-- __newindex is not called for keys that already exist (even when set to false)
local n = 0
local t = setmetatable({a = false}, {__newindex = function(t, k, v) n = n + 1; rawset(t, k, v) end})
t.a = 1; t.b = 1; t.b = 2
print(n, t.a, t.b)
t.b = nil
t.b = 3
print(n, t.b)
