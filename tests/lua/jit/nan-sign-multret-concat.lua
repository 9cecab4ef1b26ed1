-- The sign bit of a NaN ("-nan" for 0/0 on x86-64, "nan" for -(0/0)) must survive compiled code: multiple
-- results and concatenation operands that pass through a JS array literal lose it once V8 has made that
-- array a double array (which canonicalises NaNs). Found by tests/stress.test.mjs.
local function t(a, b) return tostring(a), b end
for i = 1, 5 do t(i + 0.5, 1.5) end
print(t(0/0, 1))
local function u(a, b) return a, b end
for i = 1, 5 do print(u(i + 0.5, 0.25)) end
print(u(0/0, 0/0))
print(u(-(0/0), 0/0))

local function rec(n, acc) if n <= 0 then return acc end return rec(n - 1, acc .. n) end
for w = 1, 4 do rec(w, -(w + 0.0)) end
print(rec(3, 10))
print(rec(3, 0/0))
print(rec(3, -(0/0)))
