-- numeric comparison between integers and floats is exact
local max = math.maxinteger
print(max < 2^63, max + 0.0 == 2^63, max == 2^63, max < max + 0.0)
print(2^53 == (1 << 53), 2^53 + 1 == (1 << 53) + 1, (1 << 53) + 1 < 2^53 + 2)
print(math.mininteger == -2^63, math.mininteger < -2^63, math.mininteger <= -2^63)
print(1 < 1.5, 2 > 1.5, -1 < -0.5, 3 <= 3.0, 3 >= 3.0, 3 == 3.0000000000000004)
print(max > 9.2233720368547748e18, max < 9.2233720368547758e18)
print(0.0 == -0.0, 0 == -0.0, 1/0 > max, -1/0 < math.mininteger)
print((1 << 62) + 1 < 4.611686018427388e18, (1 << 62) + 1 > 4.611686018427388e18)
