-- table.sort: default order, comparators, invalid orders, errors, metamethods, determinism
local function show(t, n)
  local parts = {}
  for i = 1, n or #t do parts[#parts + 1] = tostring(t[i]) end
  return table.concat(parts, " ")
end
local seed = 12345
local function rand(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n
end

local t = {5, 2, 8, 1, 9, 3}
table.sort(t)
print(show(t))
table.sort(t, function(a, b) return a > b end)
print(show(t))
t = {"banana", "apple", "Cherry", "apple2", "", "a\0b", "a"}
table.sort(t)
print(show(t))
t = {3, 1.5, -2, 10, 2^53, -1/0, 1/0, 0.0, -0.0, math.mininteger, math.maxinteger}
table.sort(t)
print(show(t))
t = {1, 1.0, 2, 2.0, 1}
table.sort(t)
print(show(t))
t = {}
table.sort(t)
t = {"one"}
table.sort(t)
print(show(t))
print(pcall(table.sort, {}, 3))
print(pcall(table.sort, {1}, 3))

-- errors
print(pcall(table.sort, {1, "x"}))
print(pcall(table.sort, {1, 2, nil, 4}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, 2, 3}, 1))
print(pcall(table.sort, {1, 2, 3}, "x"))
print(pcall(table.sort, nil))
print(pcall(table.sort, "abc"))
print(pcall(table.sort, setmetatable({}, {__len = function() return 2^31 end})))
print(pcall(table.sort, setmetatable({}, {__len = function() return math.maxinteger end})))
print(pcall(function() table.sort({3, 2, 1}, function(a, b) error("cmp failed") end) end))
print(select(2, pcall(function() table.sort({3, 2, 1}, function(a, b) error({code = 7}) end) end)).code)

-- invalid order functions: same results and errors as lua5.4's quicksort
local function cmpcount(n, cmp)
  local arr = {}
  for i = 1, n do arr[i] = rand(20) end
  local calls = 0
  local ok, err = pcall(table.sort, arr, function(a, b) calls = calls + 1; return cmp(a, b, calls) end)
  return tostring(ok) .. " " .. tostring(err) .. " calls=" .. calls .. " [" .. show(arr) .. "]"
end
print(cmpcount(10, function(a, b) return true end))
print(cmpcount(10, function(a, b) return a <= b end))
print(cmpcount(30, function(a, b) return a <= b end))
print(cmpcount(30, function(a, b, c) return c % 3 == 0 end))
print(cmpcount(50, function(a, b, c) return (a * 7 + b * 13 + c) % 5 < 2 end))
print(cmpcount(50, function(a, b) return a < b end))
print(cmpcount(100, function(a, b) return a > b end))
print(cmpcount(120, function(a, b) return a < b end))
print(cmpcount(3, function(a, b) return false end))
print(cmpcount(2, function(a, b) return true end))
print(cmpcount(40, function(a, b) return false end))

-- sorting records by a key, ties broken explicitly
local people = {}
local names = {"ann", "bob", "cid", "dee", "eve", "fay", "gus", "hal"}
for i = 1, #names do people[i] = {name = names[i], age = 20 + (i * 7) % 5} end
table.sort(people, function(p, q)
  if p.age ~= q.age then return p.age < q.age end
  return p.name < q.name
end)
local out = {}
for i = 1, #people do out[i] = people[i].name .. people[i].age end
print(table.concat(out, " "))

-- large random arrays: sorted, same multiset
for _, n in ipairs({100, 1000, 5000}) do
  local arr, sum = {}, 0
  for i = 1, n do arr[i] = rand(1000); sum = sum + arr[i] end
  table.sort(arr)
  local ok, s2 = true, 0
  for i = 1, n do s2 = s2 + arr[i]; if i > 1 and arr[i - 1] > arr[i] then ok = false end end
  print(n, ok, sum == s2, arr[1], arr[n])
end
local strs = {}
for i = 1, 2000 do strs[i] = tostring(rand(100000)) end
table.sort(strs, function(a, b) return a > b end)
local sorted = true
for i = 2, #strs do if strs[i - 1] < strs[i] then sorted = false end end
print(sorted, strs[1], strs[#strs])
local floats = {}
for i = 1, 1000 do floats[i] = rand(1000) / 7 end
table.sort(floats)
print(floats[1], floats[1000])
-- already sorted, reversed and constant inputs
local asc, desc, same = {}, {}, {}
for i = 1, 3000 do asc[i] = i; desc[i] = 3001 - i; same[i] = 7 end
table.sort(asc); table.sort(desc); table.sort(same)
print(asc[1], asc[3000], desc[1], desc[3000], same[1], same[3000])

-- metamethods: reads and writes go through __index/__newindex, length through __len
local data = {4, 1, 3, 2}
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "r" .. k; return data[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "w" .. k .. "=" .. v; data[k] = v end,
  __len = function() return #data end,
})
table.sort(proxy)
print(show(data))
print(table.concat(log, " "))
-- __lt on elements is used by the default comparison
local mt = {__lt = function(a, b) return a.v < b.v end}
local objs = {}
for i, v in ipairs({5, 3, 9, 1}) do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
out = {}
for i = 1, #objs do out[i] = objs[i].v end
print(table.concat(out, " "))
-- the comparator may see the table being sorted
local seen = {3, 1, 2}
table.sort(seen, function(a, b) return a < b end)
print(show(seen))
