-- string -> number conversions follow the lexer's rules
for _, s in ipairs({"10", "10.0", "0x10", "0x1p4", "1e2", " 5 ", "5 ", "0x", "1e", "", " ", "inf", "nan",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "0x7fffffffffffffff",
    "0xffffffffffffffff", "1_000", "1.", ".5", "0x.1", "- 1", "--1", "+1", "1e+1", "0X1P-1", "\t12\n"}) do
  local n = tonumber(s)
  print(string.format("%q", s), n, math.type(n))
end
