-- string.reverse on lengths around the native-copy threshold and buffer sizes, with every byte value
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
local a = table.concat(all)
for _, n in ipairs({0, 1, 23, 24, 255, 256, 257, 4096, 4097, 65536, 70000}) do
  local s = string.rep(a, n // 256 + 1):sub(1, n)
  local r = s:reverse()
  local ok = #r == n
  for i = 1, n, 97 do if r:byte(i) ~= s:byte(n - i + 1) then ok = false end end
  print(n, ok, r:reverse() == s, r:sub(1, 8):byte(1, -1))
end
for i = 1, 3 do print(("x"):rep(300, "\0\255"):reverse():sub(1, 6):byte(1, -1)) end
