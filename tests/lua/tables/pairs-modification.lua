-- clearing fields during traversal is allowed
local t = {}
for i = 1, 20 do t[i] = i; t["k" .. i] = i end
local n = 0
for k, v in pairs(t) do
  t[k] = nil
  n = n + 1
end
print(n, next(t))
local u = {a = 1, b = 2, c = 3}
for k in pairs(u) do u[k] = u[k] * 10 end
print(u.a, u.b, u.c)
