-- table.sort's fast paths against the general ones: the comparator called straight into compiled code
-- (State.callPair), element reads and writes on the array part of a plain table (which the comparator may
-- change midway: a metatable, a grown or shrunk array part), hooks set from inside a comparator, comparators
-- that are natives or change types, C-call counts, and the default comparator on mixed numbers, big
-- integers, floats, NaN and byte strings.
local function show(t, n)
  local out = {}
  for i = 1, n or #t do out[i] = tostring(t[i]) end
  print(table.concat(out, " "))
end

local function scrambled(n, m)
  local t = {}
  for i = 1, n do t[i] = (i * 7919) % (m or n) end
  return t
end

-- a comparator that is called many times (compiled partway through at the default threshold)
local t = scrambled(300)
local calls = 0
table.sort(t, function(a, b) calls = calls + 1 return a < b end)
show(t, 12)
print("calls", calls)

-- a comparator returning nothing, or a value that is not a boolean
t = scrambled(40)
table.sort(t, function(a, b) end)
show(t, 10)
t = scrambled(40)
table.sort(t, function(a, b) if a < b then return 0 end end)
show(t, 10)

-- the comparator gives the table a metatable midway: later reads and writes go through __index/__newindex
t = scrambled(60)
local log = {}
local n = 0
table.sort(t, function(a, b)
  n = n + 1
  if n == 50 then
    setmetatable(t, {
      __index = function(_, k) log[#log + 1] = "r" .. k return rawget(t, k) end,
      __newindex = function(_, k, v) log[#log + 1] = "w" .. k rawset(t, k, v) end,
    })
  end
  return a < b
end)
show(t, 15)
print("metamethod calls", #log)

-- the comparator empties a slot and stores elsewhere (reads of nil, writes beyond the array part)
t = scrambled(30)
n = 0
print(pcall(table.sort, t, function(a, b)
  n = n + 1
  if n == 20 then t[5] = nil t[100] = 1 end
  return a < b
end))
print(t[100])

-- the comparator grows the array part and shrinks it again
t = scrambled(50)
n = 0
table.sort(t, function(a, b)
  n = n + 1
  if n == 30 then for i = 51, 80 do t[i] = i end end
  if n == 60 then for i = 80, 51, -1 do t[i] = nil end end
  return a < b
end)
show(t, 15)

-- a hook set from inside the comparator: the calls after it go through the interpreter and call the hook
t = scrambled(40)
n = 0
local hooked = 0
table.sort(t, function(a, b)
  n = n + 1
  if n == 10 then debug.sethook(function() hooked = hooked + 1 end, "r") end
  return a < b
end)
debug.sethook()
show(t, 10)
print("hook ran", hooked > 0)
-- a count hook across the comparator calls
t = scrambled(40)
local counted = 0
debug.sethook(function() counted = counted + 1 end, "", 1)
table.sort(t, function(a, b) return a < b end)
debug.sethook()
print("count hook", counted > 0)
show(t, 10)

-- the comparator changes types: integers, floats, strings, then an error (deopts inside the comparator)
local recs = {}
for i = 1, 40 do
  local k = i % 3 == 0 and i + 0.5 or i % 3 == 1 and i or 2 ^ 60 + i
  recs[i] = {k = k, id = i}
end
table.sort(recs, function(a, b) return a.k > b.k end)
local o = {}
for i = 1, 12 do o[i] = recs[i].id end
print(table.concat(o, " "))
recs[7].k = "x"
print(pcall(table.sort, recs, function(a, b) return a.k < b.k end))
recs[7].k = nil
print(pcall(table.sort, recs, function(a, b) return a.k < b.k end))

-- errors: values, levels, error objects with __tostring, errors after the comparator was compiled
t = scrambled(200)
n = 0
print(pcall(table.sort, t, function(a, b) n = n + 1 if n == 150 then error("late") end return a < b end))
n = 0
print(pcall(table.sort, t, function(a, b) n = n + 1 if n == 150 then error(nil) end return a < b end))
n = 0
print(select(2, pcall(table.sort, t, function(a, b)
  n = n + 1
  if n == 150 then error(setmetatable({}, {__tostring = function() return "E!" end})) end
  return a < b
end)) ~= nil)
-- invalid order functions after many good comparisons
-- (fewer than 100 elements: PUC never randomises pivots there)
t = scrambled(90, 10)
n = 0
print(pcall(table.sort, t, function(a, b) n = n + 1 return n > 300 or a < b end))
-- yields: from a compiled comparator, after it was compiled, and in a coroutine
local co = coroutine.wrap(function()
  local r = scrambled(100)
  local k = 0
  return pcall(table.sort, r, function(a, b) k = k + 1 if k == 80 then coroutine.yield("y") end return a < b end)
end)
print(co())

-- comparators that are natives (and a callable table, which sort refuses)
t = {3, 1, 2, 5, 4}
print(pcall(table.sort, t, rawequal))
show(t)
t = scrambled(20)
print(pcall(table.sort, t, select))
t = {3, 1, 2}
print(pcall(table.sort, t, setmetatable({}, {__call = function(_, a, b) return a < b end})))

-- sorts nested in comparators (C-call counts), and a deep nesting that overflows
t = {{3, 1, 2}, {9, 8, 7, 6}, {5, 4}}
table.sort(t, function(a, b)
  table.sort(a, function(x, y) return x > y end)
  table.sort(b, function(x, y) return x > y end)
  return #a < #b
end)
for i = 1, #t do show(t[i]) end
local function nest(d)
  local r = {2, 1}
  table.sort(r, function(a, b) if d > 0 then nest(d - 1) end return a < b end)
  return r[1]
end
print(pcall(nest, 20))
local ok, err = pcall(nest, 250)
print(ok, (string.gsub(tostring(err), "^.-:%d+: ", "")))

-- the default comparator: mixed integers and floats, big integers next to floats, infinities
t = {3, 2.5, 2, 1.5, 1, 2^53, 2^53 + 1, math.maxinteger, math.maxinteger + 0.0, math.mininteger, -2^63,
  1e300, -1e300, 1/0, -1/0, 0, 0.25, 9007199254740993, 9007199254740992.0, -7, -7.5}
table.sort(t)
for i = 1, #t do io.write(string.format("%s(%s) ", tostring(t[i]), math.type(t[i]))) end
print()
for s = 1, 3 do
  t = {}
  for i = 1, 60 do
    local v = (i * 37 * s) % 61
    t[i] = v % 4 == 0 and v + 0.0 or v % 4 == 1 and v + 0.5 or v % 4 == 2 and v or (v + 2^60) // 1
  end
  table.sort(t)
  show(t, 12)
  local okk = true
  for i = 2, #t do if t[i] < t[i - 1] then okk = false end end
  print(okk)
end
-- all floats, all integers, big integers only
t = {}
for i = 1, 40 do t[i] = ((i * 13) % 40) / 4 end
table.sort(t)
show(t, 12)
t = {}
for i = 1, 40 do t[i] = math.maxinteger - (i * 13) % 40 end
table.sort(t)
show(t, 5)
t = {}
for i = 1, 40 do t[i] = math.mininteger + (i * 13) % 40 end
table.sort(t, function(a, b) return a > b end)
show(t, 5)

-- NaN with the default comparator: small and large arrays, at various places
for _, size in ipairs({5, 12, 13, 40, 200}) do
  for _, at in ipairs({1, 2, size // 2, size}) do
    t = {}
    for i = 1, size do t[i] = (i * 7) % size end
    t[at] = 0/0
    local okk, e = pcall(table.sort, t)
    local nans = 0
    for i = 1, size do if t[i] ~= t[i] then nans = i end end
    io.write(string.format("%d@%d:%s:%d:%s ", size, at, okk and "ok" or e, nans, tostring(t[1] == t[1] and t[1])))
  end
end
print()
t = {0/0, 0/0, 0/0}
print(pcall(table.sort, t))

-- mixed types with the default comparator: error messages
print(pcall(table.sort, {1, 2, nil, 4}))
print(pcall(table.sort, {1, "2", 3}))
print(pcall(table.sort, {"a", "b", {}, "c"}))
print(pcall(table.sort, {1, 2, 3, true}))
local big = scrambled(100)
big[50] = "s"
print(pcall(table.sort, big))
big = scrambled(100)
big[77] = false
print(pcall(table.sort, big))

-- byte strings: embedded zeros, high bytes, prefixes
t = {"a\0", "a", "a\0\0", "\255", "\128a", "\127", "", "\0", "b", "a\1", "\200\0", "\200", "A", "~"}
table.sort(t)
for i = 1, #t do io.write((string.gsub(t[i], ".", function(c) return string.format("%02x", c:byte()) end)), " ") end
print()
t = {}
for i = 1, 100 do t[i] = string.char((i * 37) % 256, (i * 11) % 256) .. (i % 3 == 0 and "\0" or "") end
table.sort(t)
local okk = true
for i = 2, #t do if t[i] < t[i - 1] then okk = false end end
print(okk, #t[1], t[1]:byte(1), t[100]:byte(1))
