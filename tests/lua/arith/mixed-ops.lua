-- mixed integer/float operands convert the integer to float
print(1 + 1.0, 1 - 0.5, 2 * 0.5, 3 // 2.0, 3 % 2.0, 3 / 1)
print(math.type(1 + 1.0), math.type(3 // 2.0), math.type(3 % 2.0))
print(math.maxinteger + 0.0, math.maxinteger + 1.0, math.mininteger + 0.0)
print(math.maxinteger * 1.0 == 2^63, math.maxinteger // 1.0)
print(2^53 + 1 == 2^53, (1 << 53) + 1 == (1 << 53) + 1.0)
local i, f = 10, 10.0
print(i == f, i + f, i * f, i // f, i % f, i - f)
print(-7 // 2.0, -7 % 2.0, 7 // -2.0, 7 % -2.0, -0.0 // 1, 0.0 // -1)
