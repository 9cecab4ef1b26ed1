-- ... in functions: count, nils, select
local function f(...) return select("#", ...), ... end
print(f())
print(f(nil))
print(f(1, nil, 3))
print(f(nil, nil))
local function g(a, ...) return a, select("#", ...) end
print(g(), g(1), g(1, 2, 3))
local function h(...) local a, b = ...; return a, b end
print(h(1), h(1, 2, 3))
local function pack(...) return {...}, select("#", ...) end
local t, n = pack(1, nil, 3, nil)
print(n, t[1], t[3], #t == 4 or #t == 3 or #t == 1)
