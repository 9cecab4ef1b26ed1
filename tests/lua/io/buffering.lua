-- setvbuf modes, flush and close order (from the Lua test suite's files.lua)
local file = os.tmpname()
local f = assert(io.open(file, "w"))
local fr = assert(io.open(file, "r"))
print(f:setvbuf("full", 2000))
f:write("x")
print(fr:read("all"))        -- full buffer: not written yet
f:close()
fr:seek("set")
print(fr:read("all"))        -- close flushed it
f = assert(io.open(file, "w"))
print(f:setvbuf("no"))
f:write("x")
fr:seek("set")
print(fr:read("all"))        -- no buffer: already there
f:close()
f = assert(io.open(file, "a"))
print(f:setvbuf("line"))
f:write("x")
fr:seek("set", 1)
print(fr:read("all"))        -- line buffer: nothing without a newline
f:write("a\n"):seek("set", 1)
print(fr:read("all"))
f:close()
fr:close()

-- explicit flush
f = assert(io.open(file, "w"))
f:setvbuf("full", 1000)
f:write("abc")
print(f:flush())
fr = assert(io.open(file))
print(fr:read("a"))
fr:close()
f:close()

-- io.output/io.flush on a file
io.output(file)
io.write("via io.write")
print(io.flush())
io.close()
print(pcall(io.write, "x"))
io.output(io.stdout)
for l in io.lines(file) do print(l) end

-- large writes and reads (beyond any buffer size)
local t = string.rep("0123456789", 20000)
f = assert(io.open(file, "w"))
f:write(t, "\n", t)
f:close()
f = assert(io.open(file))
local a = f:read("l")
local b = f:read(30001) .. f:read(1005) .. f:read(0) .. f:read("a")
print(#a, #b, a == t, b == t)
f:close()

-- tmpfile
f = io.tmpfile()
print(io.type(f))
f:write("alo")
f:seek("set")
print(f:read("a"))
f:close()
os.remove(file)
