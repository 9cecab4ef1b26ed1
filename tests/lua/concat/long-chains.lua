-- long concatenation chains in one expression
local a, b = "a", "b"
local s = a..b..a..b..a..b..a..b..a..b..a..b..a..b..a..b..a..b..a..b..a..b..a..b..a..b..a..b..1 ..2 ..3.5
print(s, #s)
local parts = {}
for i = 1, 150 do parts[i] = "'" .. i .. "'" end
local f = load("return " .. table.concat(parts, ".."))
local r = f()
print(#r, r:sub(1, 10), r:sub(-10))
