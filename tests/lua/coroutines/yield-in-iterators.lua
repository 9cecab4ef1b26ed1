-- yields from inside generic-for iterators and table.sort comparators are allowed / not allowed
local co = coroutine.wrap(function()
  local function iter(s, c)
    c = c + 1
    if c <= 3 then coroutine.yield("iter step " .. c); return c end
  end
  local sum = 0
  for i in iter, nil, 0 do sum = sum + i end
  return "sum " .. sum
end)
print(co(), co(), co(), co())
local co2 = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
end)
print(coroutine.resume(co2))
local co3 = coroutine.create(function()
  return string.gsub("abc", "%w", function(c) coroutine.yield(c) end)
end)
print(coroutine.resume(co3))
local co4 = coroutine.create(function()
  return load(function() coroutine.yield("reader") end)
end)
print(coroutine.resume(co4))
