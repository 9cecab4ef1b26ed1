-- decimal and hexadecimal integer literals, including wrap-around of hex literals
print(0, 1, 42, 1234567890)
print(0x0, 0xff, 0XFF, 0xDeadBeef, 0x7fffffffffffffff)
print(0xffffffffffffffff, 0x8000000000000000, 0x10000000000000000)
print(9223372036854775807, 9223372036854775808, -9223372036854775808)
print(math.type(9223372036854775807), math.type(9223372036854775808))
print(00012, 0x00012, 1e2, 1E2, math.type(1e2))
print(18446744073709551615, 18446744073709551616)
