-- error() edge cases: levels pointing at C functions, non-string messages with levels
print(pcall(error, "msg", 1))
print(pcall(error, "msg", 2))
local function f() error("from f", 2) end
local function g() f() end
print(pcall(g))
print(pcall(function() error("inline", 1) end))
print(pcall(function() error(nil, 2) end))
print(pcall(function() error(12, 2) end))
print(pcall(error, "x", "2"))
print(pcall(error, "x", "level"))
