-- utf8 library: char, charpattern, codes, codepoint, len, offset, strict and lax modes, and error messages
local s = "h\u{E9}llo \u{4E2D}\u{1F600}!"
print(#s, utf8.len(s), utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
print(utf8.char(72, 0x4E2D, 0x1F600, 0), utf8.char(), #utf8.char(0x7FFFFFFF), #utf8.char(0x3FFFFFF), #utf8.char(0x1FFFFF))
for _, c in ipairs({0, 0x7F, 0x80, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 0x7FFFFFFF}) do
  local e = utf8.char(c)
  print(string.format("%X", c), (e:gsub(".", function(b) return string.format("%02X", b:byte()) end)),
    utf8.len(e), utf8.len(e, 1, -1, true), pcall(utf8.codepoint, e), utf8.codepoint(e, 1, 1, true))
end
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 1.5))
print(pcall(utf8.char, "x"))
print(utf8.char("65"))

for p, c in utf8.codes(s) do io.write(p, ":", c, " ") end print()
for p, c in utf8.codes("\u{7FFFFFFF}\u{D800}", true) do io.write(p, ":", c, " ") end print()
print(pcall(function() for p, c in utf8.codes("ab\xff") do io.write(p, " ") end end))
print(pcall(function() for p, c in utf8.codes("\u{D800}") do end end))
print(pcall(function() for p, c in utf8.codes("a\x80\x80b") do io.write(p, ":", c, " ") end end))
print(pcall(function() for p, c in utf8.codes("\x80abc") do io.write(p, ":", c, " ") end end))
print(pcall(utf8.codes))

print(utf8.codepoint(s, 1, -1))
print(utf8.codepoint(s, 2), utf8.codepoint(s, -5), utf8.codepoint(s, 4, 3))
print(pcall(utf8.codepoint, s, 3))
print(pcall(utf8.codepoint, s, 0))
print(pcall(utf8.codepoint, s, 1, 100))
print(pcall(utf8.codepoint, "\xed\xa0\x80"), utf8.codepoint("\xed\xa0\x80", 1, 1, true))

for _, b in ipairs({"\xff", "\x80", "a\xc3", "\xc3\x28", "\xe0\x80\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
    "\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80", "\xfd\xbf\xbf\xbf\xbf\xbf", "\xc0\x80", "\xc1\xbf", "abc\x80"}) do
  print(utf8.len(b), utf8.len(b, 1, -1, true), pcall(utf8.codepoint, b, 1, -1, true))
end
print(utf8.len(s, 3), utf8.len(s, 2, 2), utf8.len(s, -1), utf8.len(s, #s + 1), utf8.len(""), utf8.len("abc", 4, 3))
print(pcall(utf8.len, s, 0))
print(pcall(utf8.len, s, #s + 2))
print(pcall(utf8.len, s, 1, #s + 1))
print(pcall(utf8.len))

for _, a in ipairs({{0, 3}, {1, 3}, {0, 4}, {3}, {-1}, {-2}, {20, 1}, {-20}, {1, #s + 1}, {0, #s + 1}, {2, 17}}) do
  print(a[1], a[2], pcall(utf8.offset, s, a[1], a[2]))
end
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.offset, s, 1, 0))
print(pcall(utf8.offset, s, 1, #s + 2))
print(pcall(utf8.offset, s))
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("", -1))
