-- clearing the current key during next() traversal then continuing
local t = {}
for i = 1, 50 do t[i] = i end
for i = 1, 50 do t["x" .. i] = i end
local visited = 0
local k = next(t)
while k ~= nil do
  visited = visited + 1
  local nk = next(t, k)
  t[k] = nil
  k = nk
end
print(visited, next(t))
