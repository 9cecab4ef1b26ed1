-- __metatable protects the metatable
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t))
print(pcall(setmetatable, t, {}))
local u = setmetatable({}, {__metatable = false})
print(getmetatable(u), pcall(setmetatable, u, nil))
print(getmetatable("abc").__metatable, getmetatable("abc") == getmetatable(""))
print(pcall(setmetatable, {}, 1))
print(pcall(setmetatable, 1, {}))
print(pcall(setmetatable, {}))
print(getmetatable(1), getmetatable(nil), getmetatable(print))
local mt = {}
local v = setmetatable({}, mt)
print(getmetatable(v) == mt, setmetatable(v, nil) == v, getmetatable(v))
