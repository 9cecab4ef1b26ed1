-- pairs/next traversals (order-independent output)
local t = {10, 20, 30, x = 1, y = 2, [true] = "t"}
local keys = {}
for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. tostring(v) end
table.sort(keys)
print(table.concat(keys, " "))
local k, v = next(t)
local n = 0
while k ~= nil do n = n + 1; k, v = next(t, k) end
print(n, next({}), next({}, nil))
print(pcall(next, {}, "nokey"))
print(pcall(next, nil))
local f, s, init = pairs(t)
print(f == next, s == t, init)
