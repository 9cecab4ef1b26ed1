-- xpcall with debug.traceback as the handler
local function fail() local x = nil; return x.field end
local function middle() fail(); return 1 end
local ok, tb = xpcall(middle, debug.traceback)
print(ok)
print(tb)
local ok2, tb2 = xpcall(function() error("custom") end, function(m) return debug.traceback(m, 2) end)
print(tb2)
