-- string function argument errors and size limits
print(pcall(string.format, "%d", 2^63))
print(string.format("%5s|%5s", true, nil), string.format("%-3d|", math.mininteger))
print(pcall(string.char, 1, 2, nil))
print(("abc"):find("", 4), ("abc"):find("", 5), ("abc"):match(".-$", 4))
print(string.format("%q", "\n"):byte(1, -1))
print(pcall(string.format, "%s %s", 1))
print(pcall(("x").rep, "x", math.maxinteger))
print(pcall(string.rep, "ab", math.maxinteger // 2 + 1))
