-- __concat is used when an operand is not a string or number
local mt = {__concat = function(a, b)
  local function s(v) return type(v) == "table" and "T" or tostring(v) end
  return s(a) .. "+" .. s(b)
end}
local t = setmetatable({}, mt)
print(t .. "x", "x" .. t, t .. t, 1 .. t, t .. 2.5)
print("a" .. "b" .. t, t .. "a" .. "b", "a" .. t .. "b")
local r = setmetatable({}, {__concat = function(a, b) return 42 end})
print(r .. "x", "x" .. r .. "y")
print(pcall(function() return true .. t end))
print(pcall(function() return {} .. {} end))
