-- debug.traceback from Lua code
local function lvl3() return debug.traceback("msg") end
local function lvl2() return lvl3() .. "" end
local function lvl1() return (lvl2()) end
print(lvl1())
print(debug.traceback("no stack", 10))
print(debug.traceback())
print(debug.traceback(42))
print(debug.traceback(nil) == nil, debug.traceback({}) ~= nil)
local t = {}
print(debug.traceback(t) == t)
