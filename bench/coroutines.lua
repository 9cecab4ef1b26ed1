-- Coroutines: generators with wrap, a producer/filter/consumer pipeline with resume/yield, many switches.
-- quick: 20000
local n = tonumber(arg and arg[1]) or 3000000
local function gen(limit)
  return coroutine.wrap(function()
    for i = 1, limit do coroutine.yield(i) end
  end)
end
local sum = 0
for v in gen(n) do sum = (sum + v) % 1000000007 end
local function producer(limit)
  return coroutine.create(function()
    for i = 1, limit do coroutine.yield(i) end
    return nil
  end)
end
local function filter(src)
  return coroutine.create(function()
    while true do
      local _, v = coroutine.resume(src)
      if v == nil then return nil end
      if v % 3 ~= 0 then coroutine.yield(v * 2) end
    end
  end)
end
local cons = 0
local f = filter(producer(n))
while true do
  local _, v = coroutine.resume(f)
  if v == nil then break end
  cons = (cons + v) % 1000000007
end
-- ping-pong between two coroutines
local ping, pong
local count = 0
ping = coroutine.create(function() while true do count = count + 1; coroutine.yield() end end)
for i = 1, n do coroutine.resume(ping) end
print(string.format("coroutines %d: %d %d %d", n, sum % 1000000007, cons, count))
