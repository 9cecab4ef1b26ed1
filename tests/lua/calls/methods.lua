-- method call syntax: a:f(...) is a.f(a, ...), evaluated once
local n = 0
local function obj() n = n + 1; return {v = n, get = function(self, x) return self.v, x end} end
print(obj():get("arg"))
print(n)
local s = {name = "s"}
function s:hello(greet) return greet .. ", " .. self.name end
function s.static(x) return x end
print(s:hello("hi"), s.hello(s, "yo"), s.static(5))
print(("%d"):rep(2), ("x"):upper())
local t = {f = function(...) return select("#", ...) end}
print(t:f(), t.f(), t:f(1, 2))
