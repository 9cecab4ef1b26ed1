-- calling through nil globals, fields and results of calls
local function try(f) print(select(2, pcall(f))) end
try(function() foo() end)
try(function() foo.bar() end)
try(function() local t = {}; t.x.y() end)
try(function() local t = {f = function() end}; t.f()() end)
try(function() (function() end)()() end)
try(function() string.format.x() end)
