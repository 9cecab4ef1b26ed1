-- string comparison is byte-wise (C locale)
local words = {"b", "a", "B", "A", "ab", "aB", "", " ", "a\0", "a\0b", "\255", "z", "Z", "10", "9", "1"}
table.sort(words)
for i, w in ipairs(words) do words[i] = string.format("%q", w) end
print(table.concat(words, " "))
print("a" < "b", "a" < "B", "abc" < "abd", "abc" < "ab", "" < "a", "a\0" > "a")
print("Z" < "a", "10" < "9", "\127" < "\128", "\200" > "\100")
