-- string.sub index rules (negative, out of range, float indices)
local s = "hello world"
local cases = {{1, 5}, {-5, -1}, {7}, {-3}, {0}, {0, 0}, {5, 1}, {-100, 3}, {3, 100},
  {math.mininteger, math.maxinteger}, {2.0, 4.0}, {12}, {11, 11}, {-11, -11}}
for _, c in ipairs(cases) do
  print(c[1], c[2], "[" .. s:sub(c[1], c[2]) .. "]")
end
print(pcall(s.sub, s, 1.5))
print(pcall(s.sub, s, "x"))
print(s:sub("2", "3"))
