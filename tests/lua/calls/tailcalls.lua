-- proper tail calls do not grow the stack
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(1000000, 0))
local function a(n) if n == 0 then return "done a" end return (function(m) return a(m) end)(n - 1) end
print(a(100000))
local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(1000001), odd(1000001))
-- tail call through a __call metamethod
local callable = setmetatable({}, {__call = function(self, n) if n == 0 then return "meta done" end return self(n - 1) end})
print(callable(100000))
-- tail-calling a native function
local function tc(s) return string.upper(s) end
print(tc("tail"))
