-- arithmetic error messages with variable information
local up = {}
local function try(f) print(select(2, pcall(f))) end
try(function() return 1 + x end)
try(function() local a = {}; return a * 2 end)
try(function() return up - 1 end)
try(function() local t = {}; return t.f + 1 end)
try(function() local t = {}; return -t.f end)
try(function() return "a" + 1 end)
try(function() local s = "a"; return s + 1 end)
try(function() return 2 ^ {} end)
try(function() local t = {}; return t[1] // 2 end)
try(function() local a, b = 1, nil; return a % b end)
try(function() return #x end)
try(function() local t = {}; return #t.x end)
try(function() return up.a.b + 1 end)
try(function() return 1 < x end)
try(function() local t = {}; return t < 1 end)
try(function() return {} <= {} end)
