-- NaN signs in hot typed code: invalid operations on constant operands give lua5.4's (the hardware's) -nan
-- and negation flips the sign, also once V8 optimises the function (its optimiser must not fold them).
local function g()
  local a, b, c = 0/0, -(0/0), 0.0/0.0
  local d = -(0.0/0.0)
  return {a, b, c, d}
end
local r
for i = 1, 200000 do r = g() end
for i = 1, #r do r[i] = tostring(r[i]) end
print(table.concat(r, " "))
