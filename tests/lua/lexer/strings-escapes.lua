-- every escape sequence of short strings, shown as byte values
local function bytes(s)
  local t = {}
  for i = 1, #s do t[#t + 1] = s:byte(i) end
  return #s .. ":" .. table.concat(t, ",")
end
print(bytes("\a\b\f\n\r\t\v\\\"\'"))
print(bytes("\0\1\12\123\255"), bytes("\x00\x41\xff\xFf"))
print(bytes("\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"))
print(bytes("\u{7FFFFFFF}"), bytes("\u{3ff}"))
print(bytes("a\z
           b\z   c"))
print(bytes("line1\
line2"))
print(bytes('\65\066\0677'), "\65\066\0677")
print('single "quotes"', "double 'quotes'")
