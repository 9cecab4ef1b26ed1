-- generators built with coroutines: permutations and a tree walk
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
local count = 0
for p in permutations({"a", "b", "c"}) do
  io.write(table.concat(p), " ")
  count = count + 1
end
print(count)
local tree = {v = 4, l = {v = 2, l = {v = 1}, r = {v = 3}}, r = {v = 6, l = {v = 5}, r = {v = 7}}}
local function walk(t) if t then walk(t.l); coroutine.yield(t.v); walk(t.r) end end
for v in coroutine.wrap(function() walk(tree) end) do io.write(v, " ") end
print()
