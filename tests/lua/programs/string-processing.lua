-- word counting, reversal and a Caesar cipher over a text
local text = [[
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity.
]]
local freq = {}
for w in text:lower():gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
local words = {}
for w, n in pairs(freq) do words[#words + 1] = {w = w, n = n} end
table.sort(words, function(a, b) if a.n ~= b.n then return a.n > b.n end return a.w < b.w end)
for i = 1, 5 do io.write(words[i].w, "=", words[i].n, " ") end
print()
local function caesar(s, k)
  return (s:gsub("%a", function(c)
    local base = c:match("%l") and 97 or 65
    return string.char((c:byte() - base + k) % 26 + base)
  end))
end
local enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
print(("abc def ghi"):gsub("(%w+)", "<%1>"))
print(("  trim me  "):match("^%s*(.-)%s*$") .. "|")
