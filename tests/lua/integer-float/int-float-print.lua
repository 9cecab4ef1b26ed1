-- tostring of integers and floats
local vals = {0, -0.0, 1.0, -1.0, 100, 100.0, 1e14, 1e15, 1e16, 123456789012345678,
  2^63, -2^63, 0.1, 1/3, -1/3, 1e-5, 123.456, 1e300, 5e-324, 2^24, 2^-24, 255 / 5, 3.14159265358979}
for i, v in ipairs(vals) do io.write(tostring(v), i % 6 == 0 and "\n" or " ") end
print()
print(1e15 + 0.3, 1e14 + 0.3, 12345678901234.5, -0.5, 1e100 / 3)
print(math.pi, -math.pi, math.huge, -math.huge, math.maxinteger + 0.0)
