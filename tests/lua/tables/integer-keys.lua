-- integer keys: negatives, zero, large, sparse, and conversions from floats
local t = {}
for i = -5, 5 do t[i] = i * i end
print(t[-5], t[0], t[5], #t)
local sparse = {}
sparse[1] = 1; sparse[1000000] = 2; sparse[2^40] = 3
print(sparse[1], sparse[1000000], sparse[1 << 40], sparse[2^40 + 0.0])
local s = 0
for k, v in pairs(sparse) do s = s + v end
print(s)
local r = {}
for i = 10, 1, -1 do r[i] = i end
print(#r, r[1], r[10])
