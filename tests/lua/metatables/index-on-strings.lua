-- strings use the string library as __index; integer indexing of a string gives nil
local s = "hello"
print(s.len == string.len, s[1], ("x").y)
print(s:len(), #s)
local mt = getmetatable(s)
local old = mt.__index
mt.__index = function(str, k)
  if type(k) == "number" then return str:sub(k, k) end
  return old[k]
end
print(s[1], s[5], s:upper())
mt.__index = old
print(s[1])
