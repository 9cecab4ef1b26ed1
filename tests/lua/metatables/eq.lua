-- __eq is only consulted for two distinct tables/userdata; result becomes a boolean
local calls = 0
local mt = {__eq = function(a, b) calls = calls + 1; return a.id == b.id end}
local a = setmetatable({id = 1}, mt)
local b = setmetatable({id = 1}, mt)
local c = setmetatable({id = 2}, {__eq = function() calls = calls + 1; return 1 end})
print(a == b, a ~= b, a == a, a == c, c == a, calls)
print(a == 1, 1 == a, a == nil, calls)
local t = {}
t[a] = "a"
print(t[b], t[a])
