-- Integer numeric for loops (integer start and step) whose limit is a float: the limit is floored (positive
-- step) or ceiled (negative step) as PUC's forlimit; infinities, NaN and huge limits skip or clip; the control
-- variable stays an integer. Compiled loops take these without leaving the compiled code.
local function run(a, b, c)
  local n, first, last, ty = 0, nil, nil, nil
  for i = a, b, c do
    n = n + 1
    first = first or i
    last = i
    ty = math.type(i)
    if n > 50 then break end
  end
  return n, first, last, ty
end
local limits = {10.5, 10.0, 9.99, -0.5, 0.5, -0.0, 0.0, -3.7, 3.7, 1e300, -1e300, 1/0, -1/0, 0/0, 2^53, -2^53,
  2^63, -2^63, 7 / 2, -7 / 2, 1.5, -1.5, 4.0000001, 3.9999999}
for _, lim in ipairs(limits) do
  for _, st in ipairs({{1, 1}, {0, 1}, {10, -1}, {0, -1}, {-5, 2}, {5, -2}, {1, 3}, {math.maxinteger - 2, 1},
      {math.mininteger + 2, -1}}) do
    print(lim, st[1], st[2], run(st[1], lim, st[2]))
  end
end
-- the limit an expression of the loop's caller (a float from '/')
local function half(n) local s = 0 for i = 1, n / 2 do s = s + i end return s end
local function down(n) local s = 0 for i = n, n / 4, -1 do s = s + i end return s end
for _, n in ipairs({0, 1, 2, 3, 7, 10, 101, 1000}) do print(n, half(n), down(n)) end
-- float loops (float start or step) are unchanged
for i = 1.0, 3.5 do io.write(i, " ") end
for i = 1, 3.5, 0.5 do io.write(i, " ") end
print()
-- limits that are not numbers keep their errors
print(pcall(function() for i = 1, "x" do end end))
print(pcall(function() for i = 1, {} do end end))
print(pcall(function() for i = 1, "3" do io.write(i, " ") end end))
print(pcall(function() for i = 1, 3.5, 0 do end end))
