-- table.pack / table.unpack with varargs and explicit ranges
local function v(...) return table.pack(...) end
local p = v(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
print(table.unpack(p, 1, p.n))
print(table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 3))
print(table.unpack({1, 2, 3}, -1, 1))
print(select("#", table.unpack({}, 1, 0)), select("#", table.unpack({n = 3}, 1, 3)))
print(pcall(table.unpack, {}, 1, 1e8))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
