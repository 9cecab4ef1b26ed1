-- file:read numerals ("n": hex, exponents, 200-char limit, failures) and mixed formats/counts
local n = os.tmpname()
local f = io.open(n, "w") f:write("0x1.8p1 0xA.8 1e+5 -0x10 ", string.rep("1", 250), " 5 .e1 -.5 +-1 0x1p 1e+ 12.34.5 007 -nan") f:close()
f = io.open(n) for i = 1, 14 do io.write(tostring(f:read("n")), "|") end print(f:read("a")) f:close()
f = io.open(n, "w") f:write("12\n\n34\r\nx") f:close()
f = io.open(n) print(f:read("n", "l", "l", "n", "L", "l")) f:close()
f = io.open(n) print(f:read("L", "L", "L", "L", "L")) f:close()
f = io.open(n) print(f:read(1, 2, 3, 100, 1)) f:close()
os.remove(n)
