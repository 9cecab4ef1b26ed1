-- identity equality for tables, functions, coroutines
local t1, t2 = {}, {}
print(t1 == t1, t1 == t2, t1 ~= t2)
local function mk() return function() end end
local f1, f2 = mk(), mk()
print(f1 == f1, f1 == f2, print == print, string.len == ("").len)
local co = coroutine.create(print)
print(co == co, co == coroutine.create(print))
local function same() return 1 end
print(same == same, rawequal(same, same))
