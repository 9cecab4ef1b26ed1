-- < <= > >= == ~= on numbers
local vals = {-1, 0, 1, 1.5, -0.0, 2^53, math.maxinteger, math.mininteger, math.huge, -math.huge}
for i = 1, #vals do
  local row = {}
  for j = 1, #vals do
    local a, b = vals[i], vals[j]
    row[#row + 1] = (a < b and "<" or "") .. (a <= b and "l" or "") .. (a == b and "=" or "") ..
      (a > b and ">" or "") .. (a >= b and "g" or "") .. (a ~= b and "!" or "")
  end
  print(table.concat(row, " "))
end
