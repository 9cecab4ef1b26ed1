-- float -> integer conversions where an integer is required
local t = {}
t[1.0] = "one"; t[2] = "two"; t[2^53] = "big"
print(t[1], t[2.0], t[2^53 | 0], math.type(next({[3.0] = true})))
print(string.rep("x", 3.0), ("abc"):sub(2.0, 3.0))
print(pcall(string.rep, "x", 1.5))
print(3.0 | 0, pcall(function() return 3.5 | 0 end))
print(pcall(function() return 2^63 | 0 end))
print(pcall(function() return "3" | 0 end))
print(math.tointeger(-0.0), math.type(math.tointeger(-0.0)), 1e18 | 0, -2^63 | 0)
print(pcall(function() return (1/0) | 0 end))
print(pcall(function() return (0/0) | 0 end))
print(string.format("%d", 3.0), pcall(string.format, "%d", 3.5))
print(#{n = 1, 10, 20, 30}, select(2.0, "a", "b", "c"))
