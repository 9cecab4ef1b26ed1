-- calling library functions through locals, fields, pcall, and with wrong arguments
local fmt, up = string.format, string.upper
print(fmt("%5.2f|%-5d|%s", 3.14159, 42, up("x")))
print(pcall(string.rep))
print(pcall(string.rep, "x", "y"))
print(pcall(math.floor, "a"))
print(pcall(setmetatable, nil, {}))
print(pcall(ipairs))
print(pcall(tostring))
print(pcall(("x").rep, nil, 3))
print(pcall(string.char, 1, 2, -1))
