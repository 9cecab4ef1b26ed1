-- concatenation errors name the offending operand
local t, n, b = {}, nil, true
print(pcall(function() return "a" .. t end))
print(pcall(function() return n .. "a" end))
print(pcall(function() return "a" .. b end))
print(pcall(function() return "a" .. {} end))
print(pcall(function() local x; return x .. "y" end))
print(pcall(function() return "a" .. "b" .. undefinedglobal end))
print(pcall(function() return 1 .. 2 .. t.field end))
print(pcall(function() return print .. "" end))
