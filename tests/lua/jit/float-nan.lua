-- NaN signs in hot typed code: invalid operations give lua5.4's (the hardware's) -nan, negation flips the
-- sign, and operations propagate it, also once V8 optimises the function (constant operands included).
local function g(x)
  local z = x * 0.0
  local n = z / z
  local m = -n
  local a, b, c = 0/0, -(0/0), 0.0/0.0
  local d = math.huge - math.huge
  return {n, m, -m, n * 1.0, m + 0.5, n % 2.0, m // 1.0, 2.0 ^ n, -(z / z), a, b, c, d}
end
local r
for i = 1, 200000 do r = g(i) end
for i = 1, #r do r[i] = tostring(r[i]) end
print(table.concat(r, " "))
local h = 0.0
for i = 1, 100000 do h = (h * 0.0) / 0.0 end
print(h, -h)
