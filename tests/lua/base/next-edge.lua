-- next() with explicit keys, after removal, and on array/hash boundaries
local t = {1, 2, 3}
print(next(t, 3), next(t, nil) ~= nil)
local k, v = next(t, 1)
print(k, v)
local h = {a = 1}
print(next(h), next(h, "a"))
print(pcall(next, h, "b"))
print(pcall(next, t, 4))
print(pcall(next, t, 1.5))
print(pcall(next, t, 2.0))
