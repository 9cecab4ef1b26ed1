-- Typed float code inside coroutines (the generator variant of compiled functions): float registers live
-- across yields, float loops that yield, integer overflow and type flips inside a coroutine.
local function worker(scale)
  local acc = 0.5
  for x = 0.25, 2, 0.25 do
    acc = acc * 1.5 + x * scale
    local got = coroutine.yield(acc, x)
    if got then acc = acc + got end
  end
  local h = 1
  for i = 1, 30 do h = h * 1000003 + i end
  return acc, h, -acc, acc // 1.0
end
for _, scale in ipairs({2, 0.5, 3.0, "4"}) do
  local co = coroutine.create(worker)
  local out = {}
  local r = table.pack(coroutine.resume(co, scale))
  local n = 0
  while coroutine.status(co) == "suspended" do
    n = n + 1
    out[#out + 1] = string.format("%.6g/%s", r[2], tostring(r[3]))
    r = table.pack(coroutine.resume(co, n % 3 == 0 and 1.0 or nil))
  end
  print(table.concat(out, " "))
  print(table.unpack(r, 1, r.n))
end
local co = coroutine.create(function(t) local s = 0.0 for i = 1, 3 do s = s + t[i] * 0.5 coroutine.yield(s) end return s end)
print(coroutine.resume(co, {1, 2, 3}))
print(coroutine.resume(co))
print(coroutine.resume(co))
print(coroutine.resume(co))
local bad = coroutine.create(function(t) local s = 0.0 for i = 1, 3 do s = s + t[i] * 0.5 coroutine.yield(s) end return s end)
print(coroutine.resume(bad, {1, {}, 3}))
print(coroutine.resume(bad))
