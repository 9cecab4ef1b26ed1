-- error(nil) at top level
io.write("partial output without newline")
error(nil)
