-- Inside a coroutine, compiled code calling nil (or a missing method) raises "attempt to call a nil value"
-- even before the program has called coroutine.yield anywhere (it must not be taken for a yield).
local co = coroutine.create(function()
  local function f(a) local v = a:len() return v end
  local results = {}
  for _, v in ipairs({"abc", "de", {}}) do
    results[#results + 1] = tostring(select(2, pcall(f, v)))
  end
  local g
  results[#results + 1] = tostring(select(2, pcall(function() local r = g(1) return r end)))
  return table.concat(results, " | ")
end)
print(coroutine.resume(co))
print(coroutine.status(co))
-- and after yield has been seen, both still behave
local co2 = coroutine.wrap(function()
  local h
  coroutine.yield(1)
  local ok, e = pcall(function() local r = h() return r end)
  coroutine.yield(ok, e)
  return "end"
end)
print(co2()) print(co2()) print(co2())
