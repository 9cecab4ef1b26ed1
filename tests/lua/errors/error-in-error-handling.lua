-- errors while handling errors
print(xpcall(function() error("first") end, function(m) error("in handler") end))
print(xpcall(function() error("first") end, function(m) return m:upper() end))
print(pcall(pcall))
print(pcall(xpcall))
print(pcall(xpcall, print))
print(xpcall(function() return "no error", 2 end, print))
local depth = 0
print(xpcall(function() error("e") end, function(m) depth = depth + 1; return "handled " .. depth end))
