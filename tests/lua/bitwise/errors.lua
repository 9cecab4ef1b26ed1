-- errors of bitwise operators on non-integers
local function try(f) print(pcall(f)) end
local t, s, fl = {}, "x", 1.5
try(function() return t & 1 end)
try(function() return 1 | s end)
try(function() return fl ~ 1 end)
try(function() return ~t end)
try(function() return 2.0^64 >> 1 end)
try(function() return 1 << nil end)
try(function() return "3" & 1 end)
try(function() return "3.5" | 1 end)
try(function() return "abc" ~ 1 end)
