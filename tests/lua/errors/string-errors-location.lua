-- errors inside loaded chunks use the chunk name
local f = load("local x = nil\nreturn x.y", "=mychunk")
print(pcall(f))
f = load("error('from string chunk')")
print(pcall(f))
f = load("\n\nerror('line three')", "@virtual/file.lua")
print(pcall(f))
f = load("return 1 + {}", "named chunk")
print(pcall(f))
