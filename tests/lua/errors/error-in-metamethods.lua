-- errors raised inside metamethods propagate with their own positions
local mt = {
  __index = function(t, k) error("no field " .. k) end,
  __add = function() error("cannot add", 2) end,
  __call = function() error({reason = "call"}) end,
}
local obj = setmetatable({}, mt)
print(pcall(function() return obj.x end))
print(pcall(function() return obj + 1 end))
local ok, e = pcall(function() return obj() end)
print(ok, e.reason)
print(pcall(tostring, setmetatable({}, {__tostring = function() error("ts") end})))
