-- f"str", f{table}, f[[long]] and chained calls
local function id(x) return x end
local function show(x) return type(x) == "table" and "table#" .. #x or x end
print(show"str", show{1, 2, 3}, show[[long]], show'single')
local function curry(a) return function(b) return function(c) return a .. b .. c end end end
print(curry"x""y""z", curry("a")("b")("c"))
local obj = {m = function(self, x) return x end}
print(obj:m"s", obj:m{1}[1], id{n = 5}.n)
print(type(id), (id)(1), (function(...) return ... end)(2, 3))
