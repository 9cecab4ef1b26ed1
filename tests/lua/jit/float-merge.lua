-- Float values written right before a merge point where the register is not a float on every path (the
-- typed register must be boxed on that edge even though it is a float nowhere else). Found by
-- tests/stress.test.mjs.
local function f(a)
  local r1, r2, r3
  for i = 1, 3 do
    local v = a ^ 1.0
    if i == 1 then r1 = v elseif i == 2 then r2 = v else r3 = v end
  end
  return r1, r2, r3
end
print(f(2)) print(f(2.5)) print(pcall(f, "x"))
local function g(n)
  local x = 1
  for i = 1, n do
    if i % 2 == 0 then x = i / 2 else x = i end
  end
  local y
  while n > 0 do y = n * 0.5; n = n - 1 end
  return x, y, math.type(x), math.type(y)
end
print(g(4)) print(g(5)) print(g(0))
