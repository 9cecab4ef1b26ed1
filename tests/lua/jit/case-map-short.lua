-- string.upper / string.lower on short strings (the byte-table path for 1..12 bytes) and longer ones:
-- C locale (only a-z / A-Z change; high bytes, zeros and punctuation stay), every byte value, every length.
local function codes(s)
  local t = {}
  for i = 1, #s do t[i] = string.byte(s, i) end
  return table.concat(t, ",")
end
-- every byte alone, and every byte at each position of strings of lengths 1..14
local changedU, changedL = {}, {}
for c = 0, 255 do
  local s = string.char(c)
  if s:upper() ~= s then changedU[#changedU + 1] = c .. ">" .. string.byte(s:upper()) end
  if string.lower(s) ~= s then changedL[#changedL + 1] = c .. ">" .. string.byte(string.lower(s)) end
end
print("upper changes", #changedU, table.concat(changedU, " "))
print("lower changes", #changedL, table.concat(changedL, " "))
local sum = 0
for len = 0, 14 do
  for c = 0, 255 do
    local t = {}
    for i = 1, len do t[i] = string.char((c + i * 37) % 256) end
    local s = table.concat(t)
    local u, l = s:upper(), s:lower()
    assert(#u == len and #l == len)
    for i = 1, len do
      local b, bu, bl = s:byte(i), u:byte(i), l:byte(i)
      sum = (sum * 7 + bu * 3 + bl) % 1000000007
      if b >= 97 and b <= 122 then assert(bu == b - 32 and bl == b)
      elseif b >= 65 and b <= 90 then assert(bl == b + 32 and bu == b)
      else assert(bu == b and bl == b) end
    end
  end
end
print("checksum", sum)
-- mixed words, high bytes and zeros, used as table keys (the results must hash like any equal string)
local words = {"ka", "Lo", "miNE", "qua\0x", "\xe9t\xe9", "\xffy\xb5", "abcdefghijkl", "ABCDEFGHIJKLm", "", "z"}
local freq = {}
for r = 1, 3 do
  for _, w in ipairs(words) do
    local u = w:upper()
    freq[u] = (freq[u] or 0) + 1
    local l = w:lower()
    freq[l] = (freq[l] or 0) + 1
  end
end
for _, w in ipairs(words) do print(codes(w:upper()), codes(w:lower()), freq[w:upper()], freq[w:lower()], w:upper() == string.upper(w:lower())) end
-- errors keep their messages
print(pcall(string.upper))
print(pcall(string.lower, {}))
print(string.upper(12), string.lower(1.5), ("x"):rep(3):upper())
