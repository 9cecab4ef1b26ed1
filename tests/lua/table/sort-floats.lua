-- table.sort without a comparator on arrays of numbers holding integral-valued floats (1.0, 2^53, inf,
-- -0.0): sorted natively only when elements that compare equal are indistinguishable; otherwise (1 next to
-- 1.0, 0 next to -0.0, NaN, big integers) by PUC's algorithm, whose order of equal elements must be kept.
local function show(t)
  local out = {}
  for i = 1, #t do out[i] = string.format("%s%s", tostring(t[i]), math.type(t[i]) == "float" and "f" or "") end
  print(table.concat(out, " "))
end

local function gen(n, f)
  local t = {}
  for i = 1, n do t[i] = f(i) end
  return t
end

-- floats, some integral, first element integral or not
for _, first in ipairs({4.0, 4.5, 4}) do
  local t = gen(30, function(i) return ((i * 17) % 31) / 2 end)
  t[1] = first
  table.sort(t)
  show(t)
end
-- integral floats only, with repeats, infinities and huge values
local t = gen(40, function(i) return ((i * 13) % 10) + 0.0 end)
t[3], t[9], t[27] = 1/0, -1/0, 2^60
table.sort(t)
show(t)
t = gen(25, function(i) return (i % 2 == 0 and 1 or -1) * 2.0 ^ (i % 70) end)
table.sort(t)
show(t)
-- integers next to integral floats of the same value: the order of 1 and 1.0 is PUC's
t = gen(30, function(i) local v = (i * 7) % 6 return i % 2 == 0 and v + 0.0 or v end)
table.sort(t)
show(t)
t = gen(20, function(i) return i == 20 and 3 or 3.0 end)
table.sort(t)
show(t)
t = gen(20, function(i) return i == 1 and 3.0 or i == 13 and 3 or i + 0.5 end)
table.sort(t)
show(t)
-- zeros: -0.0 with 0.0, with 0, alone
for _, z in ipairs({0.0, 0, -0.0}) do
  t = gen(16, function(i) return i % 4 == 0 and -0.0 or i % 4 == 1 and z or i - 8.5 end)
  table.sort(t)
  show(t)
end
t = gen(16, function(i) return i % 3 == 0 and -0.0 or (i - 8) * 1.5 end)
table.sort(t)
show(t)
-- integers with floats whose doubles collide only when rounded (2^53 + 1 vs 2^53)
t = gen(20, function(i) return i % 5 == 0 and 2^53 or i % 5 == 1 and math.tointeger(2^53) + i or i + 0.0 end)
table.sort(t)
show(t)
t = gen(20, function(i) return i % 2 == 0 and math.maxinteger - i or 2.0^63 - i * 2048 end)
table.sort(t)
show(t)
-- NaN among integral floats
t = gen(20, function(i) return (i * 3) % 7 + 0.0 end)
t[5] = 0/0
print(pcall(table.sort, t))
local nanat = 0
for i = 1, #t do if t[i] ~= t[i] then nanat = i end end
print(nanat)
-- not numbers: errors as lua_lessthan words them
t = gen(20, function(i) return i + 0.0 end)
t[15] = "15"
print(pcall(table.sort, t))
t[15] = nil
print(pcall(table.sort, t, nil))
-- a float array with a metatable is sorted through __index/__newindex
local log = 0
local store = gen(20, function(i) return (i * 9) % 20 + 0.0 end)
local proxy = setmetatable({}, {
  __index = function(_, k) log = log + 1 return store[k] end,
  __newindex = function(_, k, v) log = log + 1 store[k] = v end,
  __len = function() return #store end,
})
table.sort(proxy)
show(store)
print(log > 0)
