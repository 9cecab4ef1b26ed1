-- multiple assignment: all expressions are evaluated before assigning
local a, b = 1, 2
a, b = b, a
print(a, b)
local t = {1, 2, 3}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local x, y, z = 1
print(x, y, z)
local p, q = 1, 2, 3, print("extra evaluated")
print(p, q)
local u = {}
u.x, u.y = 1
print(u.x, u.y)
local function f() return 10, 20, 30 end
local m, n, o, r = 0, f()
print(m, n, o, r)
m, n = f(), 5
print(m, n)
