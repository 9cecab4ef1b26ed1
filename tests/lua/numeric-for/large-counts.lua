-- a long-running integer loop and a float accumulation
local s = 0
for i = 1, 3000000 do s = s + i end
print(s)
local f = 0.0
for i = 1, 1000000 do f = f + 0.5 end
print(f)
local x = 0
for i = 1, 1000000, 7 do x = x ~ i end
print(x)
