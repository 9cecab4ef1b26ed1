-- strings hold arbitrary bytes, including zeros and high bytes
local s = "a\0b\255c"
print(#s, s:byte(1, -1))
print(s == "a\0b\255c", s < "a\0c", "\0" < "\1", "" < "\0")
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local b = table.concat(all)
print(#b, b:byte(1), b:byte(256), b:sub(66, 70))
local sum = 0
for i = 1, #b do sum = sum + b:byte(i) end
print(sum)
print(("\xe4\xbd\xa0\xe5\xa5\xbd"):byte(1, -1))
