-- a failing message handler yields a stable error value
local ok, e = xpcall(function() error("x") end, function(m) error("handler failed") end)
print(ok, type(e))
local ok2, e2 = xpcall(function() error("x") end, function(m) return nil end)
print(ok2, e2)
local ok3, e3 = xpcall(function() local t = nil; t.x = 1 end, function(m) return "caught: " .. m end)
print(ok3, e3)
