-- An uncaught stack overflow from a vararg recursion (one call asks for more slots than are left): the
-- standalone interpreter's message handler still runs and prints the traceback.
local function f(...) f(1, ...) end
f()
