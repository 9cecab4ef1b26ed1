-- string.byte / string.char round trips and errors
print(string.byte("ABC"), string.byte("ABC", 2), string.byte("ABC", -1), string.byte("ABC", 1, 3))
print(string.byte("ABC", 10), select("#", string.byte("ABC", 10)), select("#", string.byte("")))
print(string.char(), string.char(72, 105), #string.char(0, 255))
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, "65"))
print(pcall(string.char, {}))
