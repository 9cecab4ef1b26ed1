-- string.format's float conversions with a plain precision ('%g', '%.14g', '%.3f', '%e', '%.f') through
-- compiled call sites, and tostring of floats (the same %.14g digits): many doubles, exact like glibc.
local fmts = {"%g", "%.14g", "%.17g", "%.15g", "%.16g", "%.3f", "%.0f", "%.f", "%e", "%.2e", "%.0e", "%.10g",
  "%.1g", "%.0g", "%f", "%.20f", "%G", "%.3E", "<%.14g>", "%.14g|%.3f", "n=%d v=%.14g", "%5.2f|%-8.3g|%+.2e"}
local vals = {0.1, -0.1, 1/3, -2/3, 123.456, 1e15, 1e16, 1e21, 1e22, 1e300, 5e-324, 2.2250738585072014e-308,
  2.5, 0.5, 1.5, -1.5, 0.125, 1e-5, 1.25e-7, 123456789012.345, 3.14159265358979, 1/0, -1/0, -0.0, 0.0, 1, -7,
  2^53, 2^63, -2^63, math.pi * 1e10, 999999.5, 9999999999999.5, 99999999999999.5, 0.000123456789, 100, 1e100,
  12345678901234567890, 0.1 + 0.2, 1 - 2^-53, 4.35, 2.675, 1.005, 8.5, 9.5, 0.05, 1e-300 * 1e-10}
local seed = 12345
for i = 1, 150 do
  seed = (seed * 1103515245 + 12345) % 2147483648
  local m = seed / 2147483648
  local e = (seed % 41) - 20
  vals[#vals + 1] = (seed % 2 == 0 and m or -m) * 10.0 ^ e
  vals[#vals + 1] = (seed // 7) / 1000
  vals[#vals + 1] = (seed % 1000000) / 1000
end
local h, lines = 0, 0
for _, f in ipairs(fmts) do
  for _, v in ipairs(vals) do
    local s
    if f:find("|") then s = string.format(f, v, v, v)
    elseif f:find("%%d") then s = string.format(f, 7, v)
    else s = string.format(f, v) end
    io.write(s, " ")
    lines = lines + 1
    if lines % 8 == 0 then io.write("\n") end
  end
end
io.write("\n")
for _, v in ipairs(vals) do io.write(tostring(v), " ", v .. "", "\n") end
-- bad specs keep their errors
print(pcall(string.format, "%.123f", 1.5))
print(pcall(string.format, "%.14g"))
print(pcall(string.format, "%.14g", "x"))
print(string.format("%.14g", "1.5"), string.format("%.3f", 2), string.format("%g", 10))
