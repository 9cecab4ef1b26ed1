-- an uncaught runtime error: message and traceback on stderr, exit status 1
print("before the error")
local t = nil
print(t.field)
print("never printed")
