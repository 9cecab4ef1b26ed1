-- io.lines and file:lines: formats, closing, errors
local name = os.tmpname()
local f = assert(io.open(name, "w"))
f:write("first\nsecond\n\nfourth\n12 13\nlast")
f:close()

for l in io.lines(name) do io.write("[", l, "]") end
print()
for l in io.lines(name, "L") do io.write("[", l, "]") end
print()
for a, b in io.lines(name, 1, 2) do io.write("<", a, "|", tostring(b), ">") end
print()
for n in io.lines(name, "n") do print(n) end

f = assert(io.open(name))
local count = 0
for l in f:lines() do count = count + 1 end
print(count, io.type(f))
print(f:read("a"))
f:close()

-- the iterator closes the file it opened; calling it again is an error
local it = io.lines(name)
while it() do end
print(pcall(it))

-- breaking out of the loop closes the file (to-be-closed variable)
local saved
for l, _, _, h in io.lines(name) do break end
do
  local iter, s, c, h = io.lines(name)
  print(type(iter), s, c, io.type(h))
  h:close()
  print(pcall(iter))
end

-- a closed handle, too many formats, bad formats
f = io.open(name)
local g = f:lines()
f:close()
print(pcall(g))
local many = {}
for i = 1, 251 do many[i] = "l" end
print(pcall(io.lines, name, table.unpack(many)))
print(#{io.lines(name, table.unpack(many, 1, 250))()})
print(pcall(function() for l in io.lines(name, "x") do end end))

-- io.lines() reads the default input
io.input(name)
for l in io.lines() do io.write(l, ";") end
print()
print(io.read())
io.input():close()
print(pcall(io.read))
print(pcall(io.lines))
io.input(io.stdin)

-- load() from a lines iterator
f = assert(io.open(name, "w"))
f:write("local x = 10\n", "return x * 2\n")
f:close()
print(load(io.lines(name, "L"))())
print(load(io.lines(name, 1))())

os.remove(name)
