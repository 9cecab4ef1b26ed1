-- the main chunk is vararg: a file run without arguments sees none
print(select("#", ...))
local a, b = ...
print(a, b)
local f = load("return select('#', ...), ...")
print(f(1, 2, 3))
print(load("local a, b = ...; return b, a")("x", "y"))
