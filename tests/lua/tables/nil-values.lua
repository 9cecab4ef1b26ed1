-- assigning nil removes entries; reading missing keys gives nil
local t = {a = 1, b = 2, c = 3}
t.b = nil
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","), t.b, t.zzz)
t.b = nil
t.new = nil
print(next({}), rawget(t, "new"))
local arr = {1, 2, 3}
arr[2] = nil
print(arr[1], arr[2], arr[3])
