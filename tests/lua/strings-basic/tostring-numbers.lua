-- numbers converted to strings in string contexts
print(1 .. "", 1.0 .. "", -0.0 .. "", 1e100 .. "", (2^63) .. "", math.mininteger .. "")
print(("x"):rep(3) .. 10, 10 .. 20, 1.5 .. 2.5)
print(string.len(123), string.upper(1e3), ("%s"):format(12.0))
print(#tostring(12345), tostring(1/3))
