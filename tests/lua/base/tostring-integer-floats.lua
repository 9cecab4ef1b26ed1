-- tostring/string.format("%.14g") agreement for a range of values
local vals = {}
for e = -20, 20, 3 do vals[#vals + 1] = 1.2345678901234567 * 10 ^ e end
for _, v in ipairs(vals) do io.write(tostring(v), " ", string.format("%.14g", v), "\n") end
for _, v in ipairs({2^24, 2^31, 2^32, 2^52, 2^53, 2^60, 2^63, 2^64, 1e15, 1e16}) do io.write(tostring(v), " ") end
print()
