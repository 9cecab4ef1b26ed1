local x = 1
local y = 2
print(x + y)
print([[a
b]] == "a\nb")
local s = "p\
q"
print(#s, s:byte(2))
print(debug.getinfo(1, "l").currentline)
