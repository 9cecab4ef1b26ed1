-- building strings in a loop and with table.concat gives the same bytes
local parts, s = {}, ""
for i = 1, 500 do
  parts[#parts + 1] = tostring(i)
  s = s .. i
end
local c = table.concat(parts)
print(#s, #c, s == c, s:sub(1, 20), s:sub(-20))
local big = string.rep("abc", 10000)
print(#big, big:sub(29998, 30000))
