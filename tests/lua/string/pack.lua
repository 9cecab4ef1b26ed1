-- string.pack / unpack / packsize: every option, endianness, alignment, sizes 1-16, round trips, limits and
-- every error message
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
local function p(fmt, ...) local ok, s = pcall(string.pack, fmt, ...) print(fmt, ok and hex(s) or s) end

for _, f in ipairs({"b", "B", "h", "H", "i", "I", "l", "L", "j", "J", "T", "i1", "i3", "i7", "I7", "i9", "I16", ">i3", "<i3", "=i3", ">j"}) do
  for _, v in ipairs({0, 1, -1, 127, 128, -128, -129, 255, 256, 65535, -32768, 2^31 - 1, -2^31, 2^32, math.maxinteger, math.mininteger}) do
    p(f, v)
  end
end
p("i4", 3.0) p("i4", "7") p("i4", 1.5) p("i4", "x") p("i4") p("b b", 1)
p("f", 0.5) p(">f", 1/3) p("d", -0.0) p(">d", 1/0) p("n", 2^63) p("f", 3.5e38) p("f", 1e-46) p("d", "2.5")
p("z", "abc") p("z", "") p("z", "a\0b") p("s", "abc") p("s1", "abc") p(">s2", "abc") p("s1", string.rep("x", 256))
p("c5", "abc") p("c3", "abc") p("c2", "abc") p("c0", "") p("c", "x")
p("!4 b i4", 1, 2) p("!8 b d", 1, 2.5) p("!2 b h b i4", 1, 2, 3, 4) p("! b j", 1, 2) p("!16 b i16", 1, -2)
p("!3 b i4", 1, 2) p("!4 b Xi4 b", 1, 2) p("bXhb", 1, 2) p("b Xc1", 1) p("b X", 1) p("b Xz", 1) p("xxb", 1)
p("<i4 >i4 =i4", 1, 2, 3) p(" b  b ", 1, 2) p("q", 1) p("i4\0i4", 1, 2) p("!17") p("!0") p("i0", 1) p("i17", 1)
p("I99999999999", 1) p("c99999999999")

-- unpack
local data = string.pack("<i4 >i4 s1 z d j", 100, -2, "hello", "zero", 2.5, math.mininteger)
print(string.unpack("<i4 >i4 s1 z d j", data))
print(string.unpack("i4", data, 5), string.unpack("i4", data, -4))
print(pcall(string.unpack, "i4", data, #data + 2))
print(string.unpack("b", "\xff"), string.unpack("B", "\xff"), string.unpack("h", "\x00\x80"), string.unpack(">H", "\x01\x02"))
print(string.unpack("i16", string.rep("\xff", 16)), string.unpack("I9", "\1" .. string.rep("\0", 8)))
print(pcall(string.unpack, "i16", string.rep("\xff", 8) .. string.rep("\0", 8)))
print(pcall(string.unpack, "I9", string.rep("\0", 8) .. "\1"))
print(pcall(string.unpack, "i9", string.rep("\0", 7) .. "\x80\xff"))
print(string.unpack("z", "abc\0def\0"), string.unpack("c3", "abcdef", 2))
print(pcall(string.unpack, "z", "abc"))
print(pcall(string.unpack, "s1", "\5abc"))
print(pcall(string.unpack, "s8", string.rep("\xff", 8)))
print(pcall(string.unpack, "i4", "abc"))
print(pcall(string.unpack, "!4 b i4", "\1\0\0\0\2\0\0"))
print(string.unpack("!4 b i4", "\1\0\0\0\2\0\0\0"))
print(string.unpack("f", string.pack("f", 0.1)), string.unpack("d", string.pack("d", 0.1)))
print(string.unpack("", "abc"), string.unpack("", "abc", 4), pcall(string.unpack, "", "abc", 5))
print(string.unpack(" x x b", "\0\0\7"))
print(pcall(string.unpack, "i4", "abcd", 1.5))
print(pcall(string.unpack))
print(pcall(string.unpack, "i4"))

-- round trips
for _, v in ipairs({0, 1, -1, 12345, -12345, 2^40, -2^40, math.maxinteger, math.mininteger}) do
  for _, f in ipairs({"j", "i8", "i9", "i16", ">i16", "<i12"}) do
    assert(string.unpack(f, string.pack(f, v)) == v)
  end
end
for _, v in ipairs({0.0, -0.0, 1.5, -1e300, 1/0, -1/0, 5e-324}) do
  assert(string.unpack("d", string.pack("d", v)) == v and string.unpack(">n", string.pack(">n", v)) == v)
end
print(string.unpack("d", string.pack("d", 0/0)) ~= string.unpack("d", string.pack("d", 0/0)))
print("round trips ok")

-- packsize
for _, f in ipairs({"b", "h", "i", "j", "i7", "d", "f", "n", "T", "!8 b d", "!4 b d", "b Xd", "!8 b Xd", "c10", "x", "i3 !4 i3 i8",
  "s", "z", "c", "!3", "c2147483647", "c2147483647 b", "c1073741824 c1073741824", "c1073741823 c1073741823 b"}) do
  print(f, pcall(string.packsize, f))
end
print(pcall(string.packsize))
print(pcall(function() return ("i4"):packsize() end), pcall(function() return ("i4"):unpack() end))
