-- os.exit with a status code flushes buffered output first
io.write("buffered output\n")
print("printed")
io.stderr:write("to stderr\n")
os.exit(3)
print("never")
