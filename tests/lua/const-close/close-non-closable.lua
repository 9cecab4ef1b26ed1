-- a value without __close (other than nil/false) is an error at declaration
print(pcall(function() local x <close> = {} end))
print(pcall(function() local x <close> = 42 end))
print(pcall(function() local x <close> = "s" end))
print(pcall(function() local x <close> = setmetatable({}, {__index = {__close = print}}) end))
local log = {}
print(pcall(function()
  local a <close> = setmetatable({}, {__close = function() log[#log + 1] = "a closed" end})
  local b <close> = {}
end))
print(table.concat(log, " "))
