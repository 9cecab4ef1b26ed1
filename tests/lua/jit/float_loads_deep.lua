-- A recursive function whose table load is float-speculated once it is hot: the versions forward to each other
-- mid-recursion, deep recursion still continues (and ends in Lua's stack overflow), a flip respecialises.
local function depth(n, t)
  if n == 0 then return 0.5 end
  return t.x * 1.5 + depth(n - 1, t)
end
local t = {x = 0.25}
print(depth(10, t))
print(depth(150000, t))
t.x = 1
print(depth(150000, t))
print(pcall(depth, 1e7, t))
