-- infinite recursion raises a catchable "stack overflow" error
local function inf(n) return 1 + inf(n + 1) end
local ok, err = pcall(inf, 1)
print(ok, type(err), string.find(err, "stack overflow", 1, true) ~= nil)
-- the program continues normally afterwards, and can overflow again
local function inf2() local t = {}; t[1] = inf2(); return t end
local ok2, err2 = pcall(inf2)
print(ok2, string.find(err2, "stack overflow", 1, true) ~= nil)
print(select("#", pcall(inf, 1)))
local function f(n) if n == 0 then return "fine" end return f(n - 1) end
print(f(1000))
