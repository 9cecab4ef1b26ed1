-- Closures: creation in loops, upvalue reads/writes, higher-order functions (map/filter/reduce/compose).
-- quick: 200
local reps = tonumber(arg and arg[1]) or 12000
local function map(t, f) local r = {} for i = 1, #t do r[i] = f(t[i]) end return r end
local function filter(t, p) local r = {} for i = 1, #t do if p(t[i]) then r[#r + 1] = t[i] end end return r end
local function reduce(t, f, acc) for i = 1, #t do acc = f(acc, t[i]) end return acc end
local function compose(f, g) return function(x) return f(g(x)) end end
local function counter() local c = 0 return function() c = c + 1 return c end end
local function adder(n) return function(x) return x + n end end
local data = {}
for i = 1, 1000 do data[i] = i end
local check = 0
for r = 1, reps do
  local next_id = counter()
  local add = adder(r)
  local inc_then_double = compose(function(x) return x * 2 end, add)
  local mapped = map(data, inc_then_double)
  local odd = filter(mapped, function(x) return x % 3 == 0 end)
  local sum = reduce(odd, function(a, b) return a + b end, 0)
  local fs = {}
  for i = 1, 100 do fs[i] = function() return i + next_id() end end
  for i = 1, 100 do sum = sum + fs[i]() end
  check = (check + sum) % 1000000007
end
print(string.format("closures x%d: checksum %d", reps, check))
