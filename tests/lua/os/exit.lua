-- os.exit flushes buffered output and returns the status; code after it never runs
io.write("buffered ")
print("output")
io.stderr:write("on stderr\n")
os.exit(3)
print("not reached")
