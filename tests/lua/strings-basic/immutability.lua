-- strings are values: operations return new strings
local a = "abc"
local b = a
b = b .. "d"
print(a, b)
local t = {}
t[a] = 1
t["ab" .. "c"] = 2
print(t.abc, t[a])
local c = string.rep("a", 3)
print(c == "aaa", rawequal(c, "aaa"))
local s1, s2 = "long string " .. string.rep("x", 100), "long string " .. string.rep("x", 100)
print(s1 == s2, rawequal(s1, s2))
