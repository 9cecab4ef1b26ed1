-- yield outside a coroutine and across C boundaries
print(pcall(coroutine.yield))
print(select(2, pcall(coroutine.yield, 1)))
local co = coroutine.create(function()
  local ok, err = pcall(string.gsub, "a", "a", function() coroutine.yield() end)
  return ok, err
end)
print(coroutine.resume(co))
local co2 = coroutine.wrap(function()
  local t = setmetatable({}, {__index = function() return coroutine.yield("from __index via rawget? no") end})
  return t.x
end)
print(co2())
print(co2("resumed"))
