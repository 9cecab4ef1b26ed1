-- load with a reader function: pieces, empty pieces end the chunk, non-string errors
-- (reader errors are checked under pcall: at top level lua.c's message handler would also see them)
local parts = {"return ", "1 ", "+ ", "41"}
local i = 0
local f = load(function() i = i + 1; return parts[i] end)
print(f())
local chars = "local a = 'x'\nreturn a .. a"
local pos = 0
print(load(function() pos = pos + 1; return chars:sub(pos, pos) end)())
local calls = 0
print(load(function() calls = calls + 1; if calls == 1 then return "return 7" end return "" end)(), calls)
print(type(load(function() return nil end)))
print(pcall(load, function() return true end))
print(pcall(load, function() return {} end))
print(pcall(load, function() error("reader failed") end))
local n = 0
print(load(function() n = n + 1; if n == 1 then return "return" elseif n == 2 then return nil else return " 'late'" end end)(), n)
local onceRead = false
print(load(function() if not onceRead then onceRead = true return "x = = 1" end end, "=reader"))
