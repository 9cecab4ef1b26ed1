-- errors involving loop variables and parameters name them
local function try(f) print(select(2, pcall(f))) end
try(function() for i = 1, 2 do local x = i.field end end)
try(function() for k, v in pairs({a = 1}) do return v.x end end)
try(function() local function g(param) return param.x end; return g(nil) end)
try(function() local function g(a, b, c) return c + 1 end; return g(1, 2) end)
try(function(...) local a = ...; return a.x end)
