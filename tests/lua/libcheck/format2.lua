-- format corners: rounding, %a of subnormals, # flag
print(string.format("%.14g", 1e15 + 0.5), string.format("%5.3s|", "abcdef"), string.format("%-+6d|", 5))
print(string.format("%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, -0.5))
print(string.format("%.20f", 0.1), string.format("%.15e", 1/3), string.format("%g", 2^63), string.format("%.17g", 2^63))
print(string.format("%a", 1e-320), string.format("%.2a", 1e-320), string.format("%.0a", 1.9), string.format("%.1a", 0x1.f8p0))
print(string.format("%#.3g|%#g|%#x|%#o", 1.0, 100.0, 0, 0))
print(pcall(string.format, "%.3q", "x"))
