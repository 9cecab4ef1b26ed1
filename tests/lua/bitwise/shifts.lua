-- logical shifts: large and negative amounts
for _, n in ipairs({-65, -64, -63, -1, 0, 1, 31, 32, 63, 64, 65}) do
  print(n, 1 << n, -1 >> n, 0x123456789ABCDEF << n, math.mininteger >> n)
end
