-- yielding from deep inside nested Lua calls
local function deep(n)
  if n == 0 then return coroutine.yield("bottom") end
  return deep(n - 1) + 1
end
local co = coroutine.create(function() return deep(10000) end)
print(coroutine.resume(co))
print(coroutine.resume(co, 0))
local many = coroutine.wrap(function()
  for i = 1, 100000 do coroutine.yield(i) end
  return "end"
end)
local s = 0
for i = 1, 100000 do s = s + many() end
print(s, many())
