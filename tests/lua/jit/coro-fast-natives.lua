-- Natives with fast entries called from compiled code inside coroutines (generator variants): results,
-- argument errors (the general path redoes the call), and call sites whose callee switches between a fast
-- native, another native, coroutine.yield and Lua functions that yield.

local s = string.rep('abcdefghij', 10)
local co = coroutine.wrap(function()
  local acc = 0
  for i = 1, 300 do
    local b = string.byte(s, i % 100 + 1)
    acc = acc + math.floor(b / 3) + #string.sub(s, 1, i % 5) + select('#', i, b)
    if type(b) == 'number' then acc = acc + 1 end
    local k, v = next({ [i] = b })
    acc = acc + k + v
    local x, y = math.max(i, 3), tostring(i)
    acc = acc + x + #y
  end
  coroutine.yield(acc)
  -- argument errors through the fast sites
  print(pcall(function() return string.byte(s, {}) end))
  print(pcall(function() return math.floor('x') end))
  print(select(2, pcall(string.rep)))
  local ok, e = pcall(function() local a, b = next({}, 'nokey') return a, b end)
  print(ok, e)
  return 'end'
end)
print(co())
print(co())

-- one call site, different callees in turn
local fns = {
  math.abs,
  function(x) return coroutine.yield('lua', x) end,
  string.len,
  coroutine.yield,
  function(x) return -x end,
  print,
  math.abs,
}
local co2 = coroutine.wrap(function()
  local out = {}
  for r = 1, 3 do
    for i = 1, #fns do
      local f = fns[i]
      local v = f(i * 10 + r)
      out[#out + 1] = tostring(v)
    end
  end
  return table.concat(out, ',')
end)
local res = { co2() }
while res[1] ~= nil and not tostring(res[1]):find(',') do
  io.write(table.concat((function(t) local o = {} for i = 1, #t do o[i] = tostring(t[i]) end return o end)(res), ' '), '; ')
  res = { co2('back') }
end
print()
print(res[1])

-- a fast native replaced by a yielding function at a hot two-result site
local pair = function(t) return next(t) end
local co3 = coroutine.wrap(function()
  local s2 = 0
  for i = 1, 400 do
    if i == 300 then next = function(t) coroutine.yield('next replaced') return 1, 2 end end
    local a, b = pair({ [1] = i })
    s2 = s2 + a + b
  end
  return s2
end)
print(co3())
print(co3())
