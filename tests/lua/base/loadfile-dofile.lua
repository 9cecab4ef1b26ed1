-- loadfile/dofile with real files (fixtures) and errors
local dir = "tests/lua/base/fixtures/"
local f = assert(loadfile(dir .. "returns.lua"))
print(f("arg1"))
print(dofile(dir .. "returns.lua"))
print(loadfile(dir .. "syntax-error.lua"))
print(loadfile(dir .. "does-not-exist.lua"))
print(pcall(dofile, dir .. "does-not-exist.lua"))
print(pcall(dofile, dir .. "runtime-error.lua"))
local env = {}
local g = loadfile(dir .. "sets-global.lua", "t", env)
g()
print(env.fixture_global, rawget(_G, "fixture_global"))
print(loadfile(dir .. "returns.lua", "b"))
print(pcall(loadfile, dir .. "returns.lua", "x"))
print(dofile(dir .. "shebang.lua"))
