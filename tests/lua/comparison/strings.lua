-- string ordering and equality
print("a" == "a", "a" ~= "b", "abc" < "abd", "Z" < "a", "" <= "", "a" >= "a")
print("10" < "2", "abc" > "ab", "\0" < "\0\0", "a\0b" < "a\0c")
local t = {"banana", "apple", "Cherry", "apple pie", "APPLE", "123", "_x"}
table.sort(t)
print(table.concat(t, ","))
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, ","))
