-- coroutine.yield called from compiled code running in a coroutine (the direct yield path of generator call
-- sites): 0..5 values, across pcall, with a hook set on the coroutine, where it must fail (a C-call boundary,
-- outside any coroutine), called through another name, and alternating at one site with other callees.

local co = coroutine.wrap(function(...)
  local args = { ... }
  for n = 0, 5 do
    local got = table.pack(coroutine.yield(table.unpack(args, 1, n)))
    args = { got.n, table.unpack(got, 1, got.n) }
  end
  return "end"
end)
print(co(1, 2, 3, 4, 5))
for i = 1, 6 do print(co(i, nil, i * 2)) end

-- across pcall, and an error after the resume
local pco = coroutine.create(function()
  local ok, a, b = pcall(function()
    local x = coroutine.yield("in pcall")
    local y = coroutine.yield(x + 1)
    error({ code = y })
  end)
  coroutine.yield(ok, type(a) == "table" and a.code or a, b)
  return "after"
end)
print(coroutine.resume(pco))
print(coroutine.resume(pco, 10))
print(coroutine.resume(pco, 99))
print(coroutine.resume(pco))
print(coroutine.resume(pco))

-- a count hook on the coroutine: its yields go through the general path
local hooked = coroutine.create(function()
  local s = 0
  for i = 1, 5 do s = s + i; coroutine.yield(s) end
  return "hooked done"
end)
local calls = 0
debug.sethook(hooked, function() calls = calls + 1 end, "", 3)
for _ = 1, 6 do print(coroutine.resume(hooked)) end
print(calls > 0)

-- yield across a C-call boundary (a sort comparator), and outside any coroutine
local sorter = coroutine.wrap(function()
  for _ = 1, 2 do
    local ok, err = pcall(table.sort, { 3, 1, 2 }, function(a, b) coroutine.yield("cmp") return a < b end)
    coroutine.yield(ok, err)
  end
  return "sorted"
end)
print(sorter())
print(sorter())
print(sorter())
print(pcall(coroutine.yield, 1))

-- through another name, and one site alternating between yield, a Lua function and a native
local y = coroutine.yield
local function double(v) return v * 2 end
local alt = coroutine.wrap(function()
  local fs = { y, double, y, math.abs, y, double }
  local acc = {}
  for i = 1, #fs do acc[#acc + 1] = tostring(fs[i](-i)) end
  return table.concat(acc, " ")
end)
for i = 1, 4 do print(alt("r" .. i)) end
