-- select('#') and negative indices with many values
local function many(n) local t = {} for i = 1, n do t[i] = i end return table.unpack(t) end
print(select("#", many(100)), select(-1, many(100)), select(-100, many(100)))
print(pcall(select, -101, many(100)))
print(select(101, many(100)))
print(select(math.maxinteger, 1, 2))
print(pcall(select, math.mininteger, 1))
