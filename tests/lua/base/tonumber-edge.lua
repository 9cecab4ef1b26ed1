-- tonumber without base: numbers, numeric strings, everything else nil
local inputs = {10, 1.5, "0x1P4", "  3  ", "3a", "1e500", "-1e500", "0x", "1e-400", ".", "-.5", "5.",
  "0x7fffffffffffffff", "0x8000000000000000", "9223372036854775808", "-9223372036854775809",
  "\t\n\v\f\r 7 \t\n\v\f\r", "7\0", true, {}, "", "0b101", "1__0", "infinity", "1e+", "0x1.8", "00012"}
for i, v in ipairs(inputs) do
  local n = tonumber(v)
  io.write(i, ":", tostring(n), ":", tostring(math.type(n)), " ")
  if i % 4 == 0 then print() end
end
print()
print(tonumber(nil) == nil or "error", select("#", tonumber("x")))
