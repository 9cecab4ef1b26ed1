-- missing arguments are nil, extra ones are dropped
local function f(a, b, c) return a, b, c end
print(f())
print(f(1))
print(f(1, 2, 3, 4, 5))
local function g(a, b, ...) return a, b, select("#", ...) end
print(g(1, 2, 3, 4))
print(g(nil, nil, nil))
print((f(1, 2, 3)))
