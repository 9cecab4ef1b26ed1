-- calling non-functions names the callee
local t = {}
local num = 5
local function try(f) print(pcall(f)) end
try(function() undefinedfn() end)
try(function() t.missing() end)
try(function() t:method() end)
try(function() num() end)
try(function() local l; l() end)
try(function() ("str")() end)
try(function() t[1]() end)
try(function() (nil)() end)
try(function() local a = {b = {}}; a.b.c.d() end)
try(function() local b = true; return b() end)
try(function() math.nothing(1) end)
try(function() string.nope("x") end)
