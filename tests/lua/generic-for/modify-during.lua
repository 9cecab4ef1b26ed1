-- assigning to existing fields during next() traversal is allowed; sum is stable
local t = {}
for i = 1, 100 do t["k" .. i] = i end
local sum = 0
for k, v in pairs(t) do t[k] = v * 2; sum = sum + v end
local sum2 = 0
for k, v in pairs(t) do sum2 = sum2 + v end
print(sum, sum2)
