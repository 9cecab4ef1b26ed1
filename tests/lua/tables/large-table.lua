-- many entries in array and hash parts
local t = {}
for i = 1, 100000 do t[i] = i end
for i = 1, 50000 do t["s" .. i] = i end
local sum = 0
for i = 1, #t do sum = sum + t[i] end
local hs = 0
for i = 1, 50000 do hs = hs + t["s" .. i] end
print(#t, sum, hs)
local count = 0
for _ in pairs(t) do count = count + 1 end
print(count)
