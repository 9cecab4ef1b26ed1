-- os.exit(false) is EXIT_FAILURE; 'close' closes the state first
print("before")
os.exit(false, true)
