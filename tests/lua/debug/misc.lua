-- debug.getmetatable / setmetatable for any type, getregistry, user values, setcstacklimit, debug.debug
local protected = setmetatable({}, {__metatable = "locked", __index = {x = 1}})
print(getmetatable(protected), debug.getmetatable(protected).__metatable, protected.x)
print(debug.getmetatable("abc").__index == string)
print(debug.getmetatable(1), debug.getmetatable(nil), debug.getmetatable(print))
print(pcall(debug.getmetatable))

-- per-type metatables
local nmt = {__index = function (n, k) return k .. "#" .. n end, __call = function (n, x) return n * x end}
print(debug.setmetatable(10, nmt))
print((5).foo, (2.5).bar, (7)(6))
print(debug.getmetatable(3) == nmt)
debug.setmetatable(0, nil)
print(debug.getmetatable(3), pcall(function () return (5).foo end))

debug.setmetatable(true, {__tostring = function (b) return b and "YES" or "NO" end, __len = function () return 2 end})
print(tostring(true), tostring(false), #true)
debug.setmetatable(false, nil)
print(tostring(true))

debug.setmetatable(nil, {__index = function () return "nil field" end})
local nothing
print(nothing.anything)
debug.setmetatable(nil, nil)
print(pcall(function () return nothing.anything end))

debug.setmetatable(print, {__index = {kind = "function"}})
print(print.kind, (function () end).kind)
debug.setmetatable(print, nil)

local co = coroutine.create(function () end)
debug.setmetatable(co, {__index = {kind = "thread"}})
print(co.kind, coroutine.running().kind)
debug.setmetatable(co, nil)

local t = {}
print(debug.setmetatable(t, {__index = {y = 2}}) == t, t.y)
print(pcall(debug.setmetatable, t, 1))
print(pcall(debug.setmetatable, t))
print(debug.setmetatable(t, nil) == t, getmetatable(t))

-- the registry
local reg = debug.getregistry()
print(type(reg), reg._LOADED == package.loaded, reg._LOADED.debug == debug, reg[2] == _G)
print(type(reg[1]), reg[1] == coroutine.running())

-- user values: io handles have none (as in PUC), other values are not full userdata
print(debug.getuservalue(io.stdout))
print(debug.getuservalue(io.stdout, 2))
print(debug.setuservalue(io.stdout, 10))
print(debug.getuservalue(1), debug.getuservalue({}), select('#', debug.getuservalue("x")))
print(pcall(debug.setuservalue, {}, 1))
print(pcall(debug.setuservalue, io.stdout))
local id = debug.upvalueid(function () return t end, 1)
print(type(id), debug.getuservalue(id))
print(pcall(debug.setuservalue, id, 1))

-- setcstacklimit (deprecated: does nothing)
print(debug.setcstacklimit(100))
print(pcall(debug.setcstacklimit))

-- debug.debug with no input returns at once (the prompt goes to stderr)
print(debug.debug())
print("after debug")
