-- # on sequences (borders of tables without holes are unique)
local t = {}
for i = 1, 100 do t[i] = i end
print(#t)
t[#t] = nil
print(#t)
t[#t + 1] = "x"
print(#t, t[100])
local s = {1, 2, 3, nil}
print(#s)
local u = {n = 3}
print(#u)
local g = {}
g[1] = 1; g[2] = 2; g[3] = 3
print(#g)
for i = 3, 1, -1 do g[i] = nil end
print(#g)
local big = {}
for i = 1, 10000 do big[i] = true end
print(#big)
for i = 10000, 5001, -1 do big[i] = nil end
print(#big)
