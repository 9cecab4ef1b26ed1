-- messages for numbers without integer representation
local function try(f) print(select(2, pcall(f))) end
local fl = 1.5
try(function() return fl | 1 end)
try(function() return 1 << fl end)
try(function() return ("x"):rep(fl) end)
try(function() local t = {}; return t[1] | 0 end)
try(function() return 2^64 // 1 | 0 end)
try(function() return math.tointeger(2^64) end)
try(function() for i = 1, 10, 0 do end end)
try(function() return string.char(1.5) end)
