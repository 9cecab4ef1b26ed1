-- variable kinds in messages: upvalue, constant, method, global via _ENV
local u = nil
local s = "text"
local function try(f) print(select(2, pcall(f))) end
try(function() return u.field end)
try(function() return u() end)
try(function() return s:nomethod() end)
try(function() local obj = {}; obj:missing() end)
try(function() return ("lit"):missing() end)
try(function() nosuch:method() end)
try(function() local _ENV = {}; return undefined.x end)
try(function() local _ENV = {}; undefinedf() end)
try(function() local t = setmetatable({}, {__index = function() return nil end}); t.x.y = 1 end)
try(function() local k <const> = nil; return k.x end)
try(function() local k <const> = "abc"; return k.x.y end)
try(function() local a = {}; return a.b.c.d end)
