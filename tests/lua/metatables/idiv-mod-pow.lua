-- __idiv, __mod, __pow, __div are distinct events
local mt = {
  __idiv = function() return "idiv" end, __mod = function() return "mod" end,
  __pow = function() return "pow" end, __div = function() return "div" end,
}
local x = setmetatable({}, mt)
print(x // 1, x % 1, x ^ 1, x / 1, 1 // x, 1 % x, 1 ^ x, 1 / x)
print(pcall(function() return x + 1 end))
