-- exponentiation (always float, right associative) and unary minus
print(2 ^ 3, 2 ^ -1, (-2) ^ 2, -2 ^ 2, 2 ^ 3 ^ 2, (2 ^ 3) ^ 2)
print(0 ^ 0, 0 ^ -1, (-8) ^ (1/3) ~= (-8) ^ (1/3), 4 ^ 0.5, 10 ^ 15, 10 ^ 16)
print(-(2), -(-2), -(2.5), - -2, -math.mininteger, -0, -0.0)
print(math.type(-(2)), math.type(-(2.0)), 2 ^ 63 == math.maxinteger + 1.0)
local x = 3
print(-x ^ 2, (-x) ^ 2, -x * -x, 2 ^ -x)
print("2" ^ 2, -"2", -"2.5", -" 0x10 ")
