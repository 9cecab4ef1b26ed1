-- math.type distinguishes integer and float subtypes
for _, v in ipairs({1, 1.0, -0.0, 2^31, 1 << 31, 1e100, 0x10, 0x10p0, "1", 3 // 1, 3.0 // 1}) do
  print(v, math.type(v), type(v))
end
print(math.type(nil), math.type({}), pcall(math.type))
