-- Numeric for loops with a float initial value or step, compiled inline with Lua 5.4's semantics: no
-- precomputed iteration count, the index accumulates the step, the limit is compared at every step.
local function run(a, b, c)
  local n, last, acc = 0, nil, {}
  for x = a, b, c do
    n = n + 1; last = x
    if n <= 6 then acc[#acc + 1] = tostring(x) .. ":" .. math.type(x) end
    if n > 1000 then break end
  end
  print(n, last, math.type(last), table.concat(acc, " "))
end
run(1.0, 3, 1)
run(1, 3, 1.0)
run(0.5, 2, 0.5)
run(0, 1, 0.1)
run(3, 1, -0.5)
run(1.0, 0, 1)
run(-0.0, 0, 1)
run(0.0, -0.0, -1)
run(1, 0/0, 0.5)
run(0/0, 10, 1.0)
run(1.5, math.huge, 1e300)
run(1.0, -math.huge, -1e308)
run(2^53, 2^53 + 4, 1.0)
run(0.1, 0.3, 0.1)
run(1, 2, 0.25)
print(pcall(run, 1.0, 2, 0.0))
print(pcall(run, 1.5, "x", 1))
print(pcall(run, 1.5, {}, 1.0))
print(pcall(run, 1.5, 2, {}))
print(pcall(run, "1.5", 2, 1.0))
print(pcall(run, 1.5, "3", 1.0))

-- the control variable as an upvalue, assigned inside the body, and nested float loops
local fs = {}
for x = 0.25, 1, 0.25 do fs[#fs + 1] = function() return x end end
for i = 1, #fs do io.write(tostring(fs[i]()), " ") end print()
for x = 1.0, 3.0 do x = x * 10 io.write(tostring(x), " ") end print()
local s = 0
for i = 0.5, 2.5 do for j = i, 0, -1.0 do s = s + i * j end end
print(s, math.type(s))

-- a loop whose bounds change type between calls (integer loop, float loop, integral floats)
local function tri(a, b, c)
  local t = 0
  for i = a, b, c do t = t + i end
  return t
end
for _, v in ipairs({{1, 10, 1}, {1.0, 10, 1}, {1, 10, 1.5}, {1, 10.5, 1}, {10, 1, -1}, {10.0, 1, -2}, {1, 3, 1}}) do
  local r = tri(v[1], v[2], v[3])
  print(r, math.type(r))
end

-- float loops with a constant float start or step and a limit that flips type between calls
local function fl(lim)
  local n, s = 0, 0
  for x = 0.5, lim, 0.5 do n = n + 1; s = s + x end
  for x = lim, 0.0, -1.0 do n = n + 1; s = s - x end
  for x = 1.0, lim do n = n + 1 end
  return n, s, math.type(s)
end
for _, lim in ipairs({3, 3.0, 2.75, -1, 0, 1e15, "4", 0/0, math.huge * 0}) do
  if lim == 1e15 then print(pcall(function() local t = 0 for x = 1e15 - 3, lim, 0.5 do t = t + 1 end return t end))
  else print(pcall(fl, lim)) end
end
print(pcall(fl, {}))
print(pcall(fl, nil))
