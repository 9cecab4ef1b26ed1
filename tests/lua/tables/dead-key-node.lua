-- A one-node hash part whose key was cleared gives its node to the next new key (PUC's luaH_newkey takes a
-- key's main position when its value is empty; one node is every key's main position), instead of a rehash that
-- would resize the array part: the borders (#t) of these shapes depend on it.
for n = 3, 40 do
  local r = {}
  for first = 1, 3 do
    local t = {}
    for i = first, n do t[i] = true end
    t[n] = nil
    t[n // 2 + 1] = nil
    t[n + 1] = true
    r[#r + 1] = #t
    t[n + 2] = true
    r[#r + 1] = #t
    t[n + 1] = nil
    t[n + 3] = 1
    r[#r + 1] = #t
  end
  print(n, table.concat(r, " "))
end
do
  local t = {}
  t.x = 1; t.x = nil; t.y = 2
  for i = 2, 9 do t[i] = i end
  local c = 0
  for k in pairs(t) do c = c + 1 end
  print("str", #t, c, t.y)
  local u = {}
  u[true] = 1; u[true] = nil; u[3.5] = 2; u[1] = 1; u[2] = 2; u[4] = 4
  print("other", #u, u[3.5], u[true])
end
