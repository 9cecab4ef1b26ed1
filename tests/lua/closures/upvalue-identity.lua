-- debug.upvalueid/upvaluejoin show sharing of upvalues
local x = 1
local function f() return x end
local function g() return x end
local function h() local y = x; return function() return y end end
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
local inner = h()
print(debug.upvalueid(f, 1) == debug.upvalueid(inner, 1))
print(debug.getupvalue(f, 1), debug.getupvalue(inner, 1))
debug.setupvalue(f, 1, 42)
print(x, g())
local z = 7
local function k() return z end
debug.upvaluejoin(k, 1, f, 1)
print(k())
