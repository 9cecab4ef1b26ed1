-- # on tables with holes: lua5.4's array sizing makes these borders deterministic
print(#{1, 2, nil}, #{1, nil, 3}, #{nil, nil, 3}, #{nil, nil, 3, nil}, #{1, nil, 3, nil, nil})
print(#{nil}, #{nil, nil}, #{1, nil}, #{nil, 2}, #{n = 1, nil, 2})
local function f() return 1, nil, 3 end
print(#{f()}, #{f(), f()}, #{f(), nil}, #{(f())})
local function g(...) return #{...}, select("#", ...) end
print(g(1, nil, 3))
print(g(nil, nil, nil, 4))
print(g(1, 2, nil, nil))

local t = {}
for i = 1, 10 do t[i] = i end
t[8] = nil
t[10] = nil
print(#t)
t[5] = nil
print(#t)
t[9] = nil
print(#t)

local a = {}
a[1] = 1; a[2] = 2; a[4] = 4
print(#a)
local b = {1, 2, 3, 4, 5, 6, 7, 8}
b[5] = nil
print(#b)
b[8] = nil
print(#b)
b[7] = nil
print(#b)
local c = {}
for i = 1, 100 do c[i] = i end
for i = 1, 100, 3 do c[i] = nil end
print(#c)
local d = {n = 1}
d[1] = 1; d[2] = 2; d[3] = 3; d[5] = 5
print(#d)
local e = {}
e[1] = 1
e[3] = 3
print(#e)
e[2] = 2
print(#e)
e[5] = 5
print(#e)
e[4] = 4
print(#e)

-- reading past the border moves lua5.4's length hint
local h = {}
for i = 1, 12 do h[i] = i end
h[13] = 13
h[12] = nil
print(#h)
local _ = h[13]
print(#h)
h[14] = 14
print(#h)

-- keys from 20 down to 2, then 1
local u = {}
for i = 20, 2, -1 do u[i] = i end
print(#u)
u[1] = 1
print(#u)

-- table.insert/remove on tables with holes
local r = {1, 2, nil, 4}
table.insert(r, "x")
print(#r, r[5])
local s = {1, nil, 3}
print(table.remove(s), #s)

-- stacks and shrinking
local st = {}
for i = 1, 1000 do st[#st + 1] = i end
for i = 1, 600 do st[#st] = nil end
print(#st)
for i = 1, 50 do st[#st + 1] = i end
print(#st)

-- float keys with integral values are the same keys as integers
local fk = {}
fk[1.0] = "a"; fk[2] = "b"; fk[3.0] = "c"
print(#fk, fk[1], fk[2.0], fk[3])
fk[2^53] = "big"
print(fk[2^53], fk[math.tointeger(2^53)])
fk[-0.0] = "zero"
print(fk[0], fk[-0.0])
