-- every arithmetic metamethod, with operands in both positions
local mt = {}
local names = {"add", "sub", "mul", "div", "mod", "pow", "unm", "idiv"}
for _, n in ipairs(names) do
  mt["__" .. n] = function(a, b)
    local function d(x) return type(x) == "table" and "V" .. (x.v or "?") or tostring(x) end
    return n .. "(" .. d(a) .. "," .. d(b) .. ")"
  end
end
local a, b = setmetatable({v = 1}, mt), setmetatable({v = 2}, mt)
print(a + b, a - 1, 2 * a, a / b, a % 3, 2 ^ a, -a, a // b)
print(a + "x", "10" + a, 1.5 - a)
-- first operand's metamethod wins; second is tried when the first has none
local other = setmetatable({v = 9}, {__add = function() return "other" end})
print(a + other, other + a, 1 + other)
print(pcall(function() return {} + a end), pcall(function() return a + {} end))
