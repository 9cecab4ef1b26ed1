-- an uncaught stack overflow deep below compiled frames: message and traceback as lua5.4's
local function g(n, a, b) return 1 + g(n + 1, a, b) end
local function f(n) if n == 0 then return g(0, 1, 2) end return f(n - 1) + 1 end
print(f(100))
