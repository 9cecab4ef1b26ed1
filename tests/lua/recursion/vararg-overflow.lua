-- A vararg recursion whose arguments grow until the stack is full: the first overflow is a plain
-- "stack overflow" error with a position even when one call asks for many more slots than are left,
-- and a message handler (traceback) can still run.
local function f(...) f(1, ...) end
print(pcall(f))
print(xpcall(f, function(m) return "handled: " .. m end))
local ok, tb = xpcall(f, debug.traceback)
print(ok, (tb:match("^[^\n]*")), select(2, tb:gsub("\n", "\n")) > 10)
-- the same state keeps working afterwards
local function g(n, ...) if n == 0 then return select("#", ...) end return g(n - 1, n, ...) end
print(g(100))
