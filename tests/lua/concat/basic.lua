-- the concatenation operator
print("a" .. "b" .. "c", 1 .. 2, 1.5 .. "|", "x" .. 10 .. "y")
local a, b, c = "p", "q", "r"
print(a .. b .. c, (a .. b) .. c == a .. (b .. c))
print(("-"):rep(3) .. ">", "" .. "", #("" .. ""))
print(2^63 .. "", math.mininteger .. "", -0.0 .. "")
local t = {}
for i = 1, 10 do t[i] = i end
local s = ""
for i = 1, #t do s = s .. t[i] .. (i < #t and "," or "") end
print(s)
