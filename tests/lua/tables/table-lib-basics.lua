-- table.insert/remove/concat/unpack/pack as used by programs
local t = {}
table.insert(t, "a"); table.insert(t, "c"); table.insert(t, 2, "b")
print(table.concat(t, ","), #t)
print(table.remove(t), table.remove(t, 1), #t, t[1])
print(table.unpack({1, 2, 3}))
local p = table.pack(1, nil, 3)
print(p.n, p[1], p[2], p[3])
print(table.concat({1, 2.5, "x"}, "-"))
print(select("#", table.unpack({}, 1, 3)))
