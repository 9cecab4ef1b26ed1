-- and/or/not return values and short-circuiting
local function f(v) io.write("f(", tostring(v), ") ") return v end
print(f(nil) and f(1)); print(f(false) or f(2)); print(f(1) and f(2)); print(f(1) or f(2))
print(nil and 1, false and 1, 0 and 1, "" and 1, nil or false, false or nil)
print(not nil, not false, not 0, not "", not not {})
local x = nil
local y = x and x.field or "default"
print(y)
print(1 == 1 and "yes" or "no", 1 == 2 and "yes" or "no", false and nil or "z")
local n = 0
local function count() n = n + 1 return true end
local r = count() or count() or count()
print(r, n)
