-- every operator token, including ones that share prefixes
print(1 + 2, 5 - 3, 2 * 3, 7 / 2, 7 // 2, 7 % 3, 2 ^ 10)
print(5 & 3, 5 | 3, 5 ~ 3, ~5, 1 << 4, 256 >> 4)
print(1 == 1, 1 ~= 2, 1 < 2, 2 <= 2, 3 > 2, 3 >= 4)
print("a" .. "b", #"abc", -(-3), not nil)
print(1 and 2, nil or 3, false and error("no"), true or error("no"))
local t = {a = {b = {c = 1}}}
print(t.a.b.c, t["a"]["b"]["c"], (t).a.b.c)
print(2^-1, -2^2, 2^3^2, -3 % 5, 1 .. 2)
print(1--[[c]]+1, 3- -3, 4// 1.5)
print(1 < 2 == true, "x" < "y" == true)
