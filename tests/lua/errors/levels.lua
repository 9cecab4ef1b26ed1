-- error levels: 1 (default, where error was called), 2 (the caller), 0 (no position)
local function lvl1() error("level 1") end
local function lvl2() error("level 2", 2) end
local function lvl0() error("level 0", 0) end
local function lvl3() error("level 3", 3) end
local function caller2() lvl2() end
local function caller3() lvl3() end
local function outer3() caller3() end
print(pcall(lvl1))
print(pcall(caller2))
print(pcall(lvl0))
print(pcall(outer3))
print(pcall(error, "direct", 1))
print(pcall(error, "direct2", 2))
print(pcall(error, "big level", 50))
print(pcall(function() error("neg", -1) end))
print(pcall(function() error(setmetatable({}, {__tostring = function() return "obj" end}), 1) end))
