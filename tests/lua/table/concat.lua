-- table.concat: separators, ranges, number formatting, errors, metamethods, big tables
print(table.concat({}))
print(table.concat({}, ", "))
print(table.concat({"a"}, ", "))
print(table.concat({"a", "b", "c"}))
print(table.concat({"a", "b", "c"}, ", "))
print(table.concat({"a", "b", "c"}, ", ", 2))
print(table.concat({"a", "b", "c"}, ", ", 2, 3))
print(table.concat({"a", "b", "c"}, ", ", 3, 2) == "")
print(table.concat({"a", "b", "c"}, ", ", 3, 3))
print(table.concat({[-1] = "m", [0] = "z", "a"}, "|", -1, 1))
print(table.concat({1, 2, 3}, 0))
print(table.concat({1, 2, 3}, 1.5))

-- numbers are converted as tostring does (integers, floats, integral floats, huge values)
print(table.concat({1, -2, 3.5, 1e100, 2^63, -0.0, 1/0, -1/0, math.maxinteger, math.mininteger, 10 // 3, 7 / 2, 3.0}, " "))
print(table.concat({0.1, 1/3, 100000000000000, 1e15, 123456789012345678}, " "))

-- embedded zeros and long separators
local s = table.concat({"a\0b", "c"}, "\0\0")
print(#s, s:byte(1, -1))
print(table.concat({"x", "y", "z"}, string.rep("-", 10)))

-- errors
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2, 3}, ", ", 1, 5))
print(pcall(table.concat, {1, true}))
print(pcall(table.concat, {print}))
print(pcall(table.concat, {1, 2}, {}))
print(pcall(table.concat, "abc"))
print(pcall(table.concat))
print(pcall(table.concat, {1, 2}, ",", "x"))
print(pcall(table.concat, {1, 2}, ",", 1, 2.5))
print(pcall(function() return table.concat({nil, 2}) end))
print(pcall(function() return table.concat({1, 2, 3}, "", 0) end))

-- metamethods: __index and __len are honoured, through any depth
local backing = {"p", "q", "r", "s"}
local proxy = setmetatable({}, {__index = backing, __len = function() return 3 end})
print(table.concat(proxy, "+"))
local calls = 0
local lazy = setmetatable({}, {__index = function(_, i) calls = calls + 1; return "v" .. i end,
                               __len = function() return 5 end})
print(table.concat(lazy, " "), calls)
print(table.concat(lazy, " ", 4, 7), calls)
local mt = {__index = function(_, i) return i * 2 end}
print(table.concat(setmetatable({}, mt), ",", 1, 4))
-- a value whose __tostring would not be used: still an error
local obj = setmetatable({}, {__tostring = function() return "OBJ" end})
print(pcall(table.concat, {"a", obj}))

-- a large table (joined in chunks internally)
local big = {}
for i = 1, 20000 do big[i] = i % 10 end
local r = table.concat(big)
print(#r, r:sub(1, 12), r:sub(-12))
local r2 = table.concat(big, ", ")
print(#r2, r2:sub(1, 14))
local words = {}
for i = 1, 5000 do words[i] = "w" .. i end
local joined = table.concat(words, " ")
print(#joined, joined:sub(-10))
