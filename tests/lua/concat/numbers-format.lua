-- numbers in concatenation use the same format as tostring
for _, v in ipairs({1, -1, 0.5, 1e20, 1e-20, 2^53, 1/3, 100.0, -0.0, 12345678901234567}) do
  io.write(v .. "|")
end
print()
