-- Calls with many arguments (more than V8 can spread as JS arguments) inside coroutines: compiled generator
-- code hands them to the interpreter; lua5.4 accepts them up to its stack limit.
local function count(...) return select("#", ...) end
local function sum(...) local s = 0 for i = 1, select("#", ...) do s = s + select(i, ...) end return s end
local t = {}
for i = 1, 150000 do t[i] = i % 7 end
print(coroutine.wrap(function() return count(table.unpack(t)) end)())
print(coroutine.wrap(function(...) return count(...) end)(table.unpack(t)))
local co = coroutine.create(function(...)
  local n = count(...)
  local m = coroutine.yield(n)
  return m, count(table.unpack(t, 1, 5000)), sum(table.unpack(t, 1, 2000))
end)
print(coroutine.resume(co, table.unpack(t, 1, 3000)))
print(coroutine.resume(co, "again"))
-- a generator loop that forwards a big vararg each step
local gen = coroutine.wrap(function()
  for k = 1, 3 do coroutine.yield(count(table.unpack(t, 1, 1000 * k))) end
end)
print(gen(), gen(), gen())
