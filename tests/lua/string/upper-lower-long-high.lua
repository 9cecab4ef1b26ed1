-- upper/lower of strings over 64 bytes with and without bytes >= 0x80 (C locale: those stay as they are)
local s = string.rep("abc\200\255xyz\181\223 ", 20)
for i = 1, 3 do
  print(s:upper() == s:upper(), #s:upper(), s:upper():byte(1, -1))
  print(s:lower():byte(1, 40))
  local t = string.rep("Hello World ", 10)
  print(t:upper(), t:lower(), (t .. "\128"):upper())
end
