-- the arg table set up by the standalone interpreter
print(type(arg), #arg, arg[0], arg[1])
print(arg[-1] ~= nil)
print(select("#", ...))
