-- bitwise operators on 64-bit integers
print(0xF0 & 0x3C, 0xF0 | 0x3C, 0xF0 ~ 0x3C, ~0xF0, ~0, ~-1)
print(1 << 0, 1 << 1, 1 << 62, 1 << 63, 1 << 64, 1 << -1, 2 >> 1, 2 >> -1)
print(-1 >> 1, -1 >> 63, -1 >> 64, -1 << 64, math.mininteger >> 63, 3 >> 100, 3 << 100)
print(0x7fffffffffffffff & -1, math.mininteger | 1, -1 ~ math.maxinteger)
print(5 & 3.0, 5.0 | 2, pcall(function() return 5 & 1.5 end))
print(("0x%x"):format(0xdeadbeef ~ 0xffffffff), 0xFF >> 4 << 4)
