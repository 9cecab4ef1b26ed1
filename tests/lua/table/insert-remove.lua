-- table.insert / table.remove: positions, bounds, argument errors, metamethod-driven access order
local function show(t, n)
  local parts = {}
  for i = 1, n or #t do parts[#parts + 1] = tostring(t[i]) end
  return "{" .. table.concat(parts, ",") .. "}"
end

local t = {}
table.insert(t, "a")
table.insert(t, "c")
table.insert(t, 2, "b")
table.insert(t, 1, "z")
table.insert(t, #t + 1, "end")
print(show(t), #t)
table.insert(t, 3, nil)
print(show(t, 6), #t)

-- remove: default position, explicit positions, return values
local r = {10, 20, 30, 40, 50}
print(table.remove(r), show(r))
print(table.remove(r, 1), show(r))
print(table.remove(r, 2), show(r))
print(table.remove(r, #r + 1), show(r))
print(table.remove({}), table.remove({}, 0), table.remove({}, 1))
local z = {[0] = "zero"}
print(table.remove(z), z[0])
local w = {n = 1}
print(table.remove(w, 1), w.n)
local single = {"only"}
print(table.remove(single, 1), #single, single[1])

-- bounds and argument errors
print(pcall(table.insert, {1, 2, 3}, 0, "x"))
print(pcall(table.insert, {1, 2, 3}, 5, "x"))
print(pcall(table.insert, {1, 2, 3}, -1, "x"))
print(pcall(table.insert, {1, 2, 3}, 1.5, "x"))
print(pcall(table.insert, {1, 2, 3}, "2", "x"))
print(pcall(table.insert, {1, 2, 3}, "two", "x"))
print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.insert, {}))
print(pcall(table.insert))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, "abc", 1))
print(pcall(table.insert, 42, 1))
print(pcall(table.remove, {1, 2, 3}, 5))
print(pcall(table.remove, {1, 2, 3}, -1))
print(pcall(table.remove, {}, -1))
print(pcall(table.remove, {}, 2))
print(pcall(table.remove, nil))
print(pcall(function() table.insert({}, 1, 2, 3) end))
print(pcall(function() table.insert(nil, 1) end))
print(pcall(function() return table.remove({1}, 7) end))
print(pcall(function() local s = "x"; return s:rep(2), table.insert(s, 1) end))

-- string positions convert; float positions with integral values too
local c = {"a", "b"}
table.insert(c, "1", "first")
table.insert(c, 2.0, "second")
print(show(c))
print(table.remove(c, "1"), table.remove(c, 3.0), show(c))

-- a proxy: every read and write goes through __index/__newindex, length through __len
local log = {}
local store = {"p", "q", "r"}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get" .. tostring(k); return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. tostring(k) .. "=" .. tostring(v); store[k] = v end,
  __len = function() log[#log + 1] = "len"; return #store end,
})
table.insert(proxy, 2, "X")
print(table.concat(log, " "))
log = {}
print(table.remove(proxy, 1))
print(table.concat(log, " "))
log = {}
table.insert(proxy, "tail")
print(table.concat(log, " "))
print(show(store))

-- __len returning odd things
local function withlen(f) return setmetatable({}, {__len = f}) end
print(pcall(table.insert, withlen(function() return 2.0 end), "v"))
print(pcall(table.insert, withlen(function() return "3" end), "v"))
print(pcall(table.insert, withlen(function() return 2.5 end), "v"))
print(pcall(table.insert, withlen(function() return nil end), "v"))
print(pcall(table.insert, withlen(function() return "x" end), "v"))
local neg = withlen(function() return -5 end)
print(pcall(table.insert, neg, 1, "v"), rawget(neg, 1))
local big = withlen(function() return math.maxinteger end)
print(pcall(table.insert, big, "v"), rawget(big, math.mininteger))
print(pcall(table.remove, withlen(function() return 0 end), 5))

-- insert and remove on a long array keep order
local long = {}
for i = 1, 200 do long[i] = i end
table.insert(long, 1, 0)
table.insert(long, 100, "mid")
print(#long, long[1], long[2], long[100], long[101], long[202])
print(table.remove(long, 100), table.remove(long, 1), #long, long[1], long[200])
local sum = 0
for i = 1, #long do sum = sum + long[i] end
print(sum)
-- as a stack and as a queue
local st = {}
for i = 1, 10 do table.insert(st, i) end
local out = {}
while #st > 0 do out[#out + 1] = table.remove(st) end
print(table.concat(out, " "))
local q = {}
for i = 1, 10 do table.insert(q, i) end
out = {}
while #q > 0 do out[#out + 1] = table.remove(q, 1) end
print(table.concat(out, " "))
