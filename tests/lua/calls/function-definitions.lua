-- function statement forms: global, field, method, local
function globalf() return "global" end
local t = {inner = {}}
function t.f() return "field" end
function t.inner.g() return "nested field" end
function t:m() return self == t end
local function lf() return "local" end
print(globalf(), t.f(), t.inner.g(), t:m(), lf())
local anon = function(...) return select("#", ...) end
print(anon(1, 2), type(anon))
function t.inner:self() return self == t.inner end
print(t.inner:self())
