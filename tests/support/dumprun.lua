-- Runs a corpus program "through string.dump + load" (tests/run.test.mjs's dump mode, like PUC-Lua's own
-- suite): compile the file, dump it to a binary chunk, load that binary back (mode "b" only) and run it with
-- the same arguments. The binary keeps the source name and line info, so messages still say
-- `tests/lua/x/y.lua:3:`.
local path = assert(arg[1], "usage: dumprun.lua FILE [ARGS]")
local f = assert(loadfile(path))
local binary = string.dump(f)
assert(binary:sub(1, 4) == "\27Lua", "string.dump must produce a binary chunk")
local g = assert(load(binary, "=" .. path, "b"))
arg = { [0] = path, select(2, ...) }
return g(select(2, ...))
