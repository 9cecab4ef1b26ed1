-- float literals: fractions, exponents, hex floats with binary exponents
print(1.0, 1., .5, 0.5e1, 5e-1, 5E+1, 3.14159265358979)
print(0x1p4, 0x1P-1, 0x.8, 0xA.8p0, 0x1.8p1, 0x.1p4, 0xffp-4)
print(1e308, 1e309, -1e309, 2.5e-324, 4.9e-324)
print(123456789012345678, 1234567890123456789012)
print(.0, 0., 0e0, 0x0p0, -0.0)
print(math.type(1.), math.type(0x1p4), math.type(0x10))
print(3 == 3.0, 0x10 == 16.0, 1e15, 1e16, 123456789012.0)
