-- keys of every type except nil and NaN
local t = {}
local f, co, tk = print, coroutine.create(print), {}
t[true] = "true"; t[false] = "false"; t[f] = "func"; t[co] = "thread"; t[tk] = "table"
t[1] = "int"; t[1.5] = "float"; t["1"] = "string"; t[-1] = "neg"; t[0] = "zero"
t[math.maxinteger] = "max"; t[math.mininteger] = "min"; t[1e300] = "huge"; t[math.huge] = "inf"
print(t[true], t[false], t[f], t[co], t[tk], t[1], t[1.5], t["1"], t[-1], t[0])
print(t[math.maxinteger], t[math.mininteger], t[1e300], t[math.huge], t[{}], t[2])
print(pcall(function() t[nil] = 1 end))
print(pcall(function() t[0/0] = 1 end))
print(t[nil], t[0/0])
print(pcall(rawset, t, nil, 1))
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(n)
