-- table constructors: positional, named, computed keys, trailing separators, multiple results
local function three() return 1, 2, 3 end
local t = {10, 20, x = "x", ["y"] = "y", [1 + 2] = 30, 40}
print(t[1], t[2], t[3], t.x, t.y, #t)
local u = {three(), three()}
print(#u, u[1], u[2], u[3], u[4])
local v = {three(), (three())}
print(#v, v[1], v[2], v[3])
local w = {three(), nil}
print(#w, w[1], w[2])
local e = {}
print(#e, next(e))
local nested = {{1, 2}, {3, {4, 5}}}
print(nested[2][2][2], #nested[2])
local s = {[1] = "a", [2] = "b", "c"}
print(s[1], s[2])
local z = {n = 1, n = 2}
print(z.n)
