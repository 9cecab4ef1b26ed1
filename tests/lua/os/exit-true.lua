-- os.exit(true) is EXIT_SUCCESS
io.write("no newline at the end")
os.exit(true)
