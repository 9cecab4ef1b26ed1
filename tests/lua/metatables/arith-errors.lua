-- arithmetic on values without metamethods
local t = setmetatable({}, {})
local function try(f) print(pcall(f)) end
try(function() return t + 1 end)
try(function() return 1 - t end)
try(function() return -t end)
try(function() return t * t end)
try(function() local s = "x"; return s * 2 end)
try(function() return true + 1 end)
try(function() return nil // 2 end)
try(function() return t.field ^ 2 end)
try(function() return math.pi % {} end)
