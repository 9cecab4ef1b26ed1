-- raw operations bypass metamethods
local mt = {__index = function() return "mm" end, __newindex = function() error("blocked") end,
  __len = function() return 99 end, __eq = function() return true end}
local t = setmetatable({}, mt)
local u = setmetatable({}, mt)
print(t.x, rawget(t, "x"))
rawset(t, "x", 1)
print(t.x, rawget(t, "x"))
print(#t, rawlen(t), rawlen({1, 2}), rawlen("abc"))
print(t == u, rawequal(t, u), rawequal(t, t))
print(pcall(rawlen, 5))
print(pcall(rawget, "str", 1))
print(pcall(rawset, {}, nil, 1))
print(rawset(t, 1, 2) == t)
