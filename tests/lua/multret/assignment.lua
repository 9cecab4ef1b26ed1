-- multiple results in assignments to globals, fields and locals
local function mr() return 1, 2, 3 end
x, y, z, w = mr()
print(x, y, z, w)
local t = {}
t.a, t.b = mr()
print(t.a, t.b)
local p, q, r = 0, mr()
print(p, q, r)
p, q, r = mr(), 10
print(p, q, r)
