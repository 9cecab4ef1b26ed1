-- many live coroutines at once, resumed round-robin
local cos = {}
for i = 1, 1000 do
  cos[i] = coroutine.create(function()
    local acc = 0
    for step = 1, 5 do acc = acc + i * step; coroutine.yield(acc) end
    return acc
  end)
end
local total = 0
for round = 1, 6 do
  for i = 1, #cos do
    local ok, v = coroutine.resume(cos[i])
    if ok and v then total = total + v end
  end
end
print(total)
local dead = 0
for i = 1, #cos do if coroutine.status(cos[i]) == "dead" then dead = dead + 1 end end
print(dead)
