-- metatable fields that are plain data do not affect behaviour
local t = setmetatable({}, {__gc = true, __mode = "k", extra = 1, __name = "Thing"})
t.a = 1
print(t.a, getmetatable(t).extra, getmetatable(t).__mode)
