-- floor division and modulo for every sign combination, ints and floats
for _, a in ipairs({7, -7, 7.5, -7.5, 0}) do
  local line = {}
  for _, b in ipairs({3, -3, 2.0, -2.0}) do
    line[#line + 1] = string.format("%s//%s=%s %s%%%s=%s", a, b, a // b, a, b, a % b)
  end
  print(table.concat(line, "  "))
end
print(math.mininteger // -1, math.mininteger % -1, math.mininteger // 1)
print(3 % -math.huge, -3 % math.huge, 0.0 % -1 , -0.0 % 1)
