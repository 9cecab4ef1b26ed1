-- table keys: floats with integral values are normalised to integers
local t = {}
t[1] = "a"; t[1.0] = "b"; t[-0.0] = "zero"; t[0] = "int zero"
print(t[1], t[0], t[-0.0], #t)
t[2^53] = "p53"
print(t[2^53], t[math.tointeger(2^53)], t[9007199254740992])
t[1.5] = "x"; t[0.1 + 0.2] = "y"
print(t[1.5], t[3/2], t[0.3], t[0.1 + 0.2])
local count = 0
for k, v in pairs(t) do count = count + 1 end
print(count)
for k in pairs({[1.0] = 1, [2.0] = 2}) do print(math.type(k)) end
print(rawget(t, 1.0), rawequal(1, 1.0), 1 == 1.0)
