-- equality and raw equality across subtypes
print(1 == 1.0, rawequal(1, 1.0), 0 == -0.0, rawequal(0, -0.0))
print(2^53 == 2^53 + 1, (1 << 53) == (1 << 53) + 1, 2^63 == math.mininteger, -2^63 == math.mininteger)
print("1" == 1, 1 == "1", "1.0" == "1", nil == false)
print(math.maxinteger == math.maxinteger + 0.0, math.maxinteger - 1 == math.maxinteger + 0.0)
local t = {}
t[math.maxinteger] = 1; t[math.maxinteger + 0.0] = 2
print(t[math.maxinteger], t[2^63])
