-- table.sort with Lua comparators (called from the native straight into compiled code when the JIT is on):
-- results, errors raised in the comparator, invalid order functions, yields, natives as comparators, other
-- natives that call back into Lua (gsub, tostring, __index, __lt), and huge inputs.
local function show(t, n)
  local out = {}
  for i = 1, n or #t do out[i] = tostring(t[i]) end
  print(table.concat(out, " "))
end

local t = {5, 3, 8, 1, 9, 2}
table.sort(t, function(a, b) return a > b end)
show(t)
t = {"b", "a", "d", "c"}
table.sort(t, function(a, b) return a < b end)
show(t)
-- comparators returning non-booleans, several values, varargs
t = {3, 1, 2}
table.sort(t, function(a, b) if a < b then return 1, false end return nil, true end)
show(t)
t = {3, 1, 2, 5, 4}
table.sort(t, function(...) local a, b = ... return select("#", ...) == 2 and a < b end)
show(t)
-- records
local recs = {}
for i = 1, 50 do recs[i] = {k = (i * 37) % 11, id = i} end
table.sort(recs, function(a, b) if a.k ~= b.k then return a.k < b.k end return a.id < b.id end)
local o = {}
for i = 1, 10 do o[i] = recs[i].k .. ":" .. recs[i].id end
print(table.concat(o, " "))
-- errors inside the comparator: message with position and variable names, error values, levels
print(pcall(table.sort, {1, 2, 3}, function(a, b) return a.x < b end))
print(pcall(table.sort, {1, 2, 3}, function(a, b) error("boom") end))
print(pcall(table.sort, {1, 2, 3}, function(a, b) error("lvl2", 2) end))
print(select(2, pcall(table.sort, {1, 2, 3}, function(a, b) error({msg = "tbl"}) end)).msg)
print(pcall(table.sort, {1, "x", 3}))
print(pcall(table.sort, {1, {}, 3}, function(a, b) return a < b end))
-- an error in a nested pcall inside the comparator is caught there
t = {4, 2, 3, 1}
table.sort(t, function(a, b) local ok = pcall(error, "inner") return a < b end)
show(t)
-- invalid order functions
local big = {}
for i = 1, 200 do big[i] = (i * 7919) % 200 end
print(pcall(table.sort, big, function(a, b) return true end))
print(pcall(table.sort, {1, 2, 3, 4, 5}, function(a, b) return a <= b end))
-- bad comparators
print(pcall(table.sort, {3, 2, 1}, 42))
print(pcall(table.sort, {3, 2, 1}, "x"))
-- a native comparator
t = {3, 1, 2}
print(pcall(table.sort, t, math.max))
show(t)
-- yields from the comparator
local co = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield() return a < b end)
end)
print(coroutine.resume(co))
co = coroutine.wrap(function()
  local r = {3, 2, 1}
  table.sort(r, function(a, b) return a < b end)
  coroutine.yield(table.concat(r, ","))
  return "done"
end)
print(co(), co())
-- sort inside a comparator, recursion through natives
t = {{3, 1, 2}, {9, 8}, {5}}
table.sort(t, function(a, b)
  table.sort(a, function(x, y) return x < y end)
  table.sort(b, function(x, y) return x < y end)
  return a[1] < b[1]
end)
for i = 1, #t do show(t[i]) end
-- other natives that call Lua functions: __lt through sort, __index/__tostring/__concat from natives
local V = {}
V.__lt = function(a, b) return a.v < b.v end
V.__tostring = function(a) return "V" .. a.v end
t = {}
for i = 1, 20 do t[i] = setmetatable({v = (i * 13) % 20}, V) end
table.sort(t)
show(t, 5)
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return "p" .. i end end, __len = function() return 3 end})
print(table.concat(proxy, ","), tostring(setmetatable({}, {__tostring = function() return "TS" end})))
print(pcall(tostring, setmetatable({}, {__tostring = function() return {} end})))
print(pcall(tostring, setmetatable({}, {__tostring = function() error("ts err") end})))
print(string.format("%s|%5s", setmetatable({v = 7}, V), setmetatable({v = 1}, V)))
print(("abc"):gsub(".", function(c) return c:byte() end))
print(select(2, pcall(string.rep)), select("#", table.unpack({1, 2, nil, 4}, 1, 4)))
-- a hook set inside a comparator (then cleared)
local calls = 0
t = {3, 2, 1}
table.sort(t, function(a, b)
  if calls == 0 then debug.sethook(function() calls = calls + 1 end, "r") end
  return a < b
end)
debug.sethook()
show(t)
print(calls > 0)
-- huge inputs
local n = 20000
local h = {}
for i = 1, n do h[i] = (i * 7919) % n end
table.sort(h, function(a, b) return a > b end)
print(h[1], h[n], h[n // 2])
local hs = {}
for i = 1, n do hs[i] = tostring((i * 31) % n) end
table.sort(hs, function(a, b) return #a < #b or (#a == #b and a < b) end)
print(hs[1], hs[n], hs[n // 2])
-- table.concat over array parts: numbers, floats, errors, ranges
print(table.concat({1, 2.5, "x", 3.0, -0.0, 2^63, math.mininteger}, ","))
print(table.concat({}, ","), table.concat({"a"}, ","), table.concat({"a", "b", "c"}, ", ", 2, 3))
print(pcall(table.concat, {"a", nil, "c"}, ",", 1, 3))
print(pcall(table.concat, {"a", {}, "c"}))
print(pcall(table.concat, {"a", true}))
print(table.concat({"a", "b"}, ",", 3), table.concat({"a", "b"}, ",", 2, 1))
local long = {}
for i = 1, 10000 do long[i] = i % 10 end
print(#table.concat(long), #table.concat(long, "--", 5000))
-- string.format %d fast path
print(string.format("%d %d %d %i", 0, -7, 2^53, 3.0), string.format("%d", math.mininteger))
print(pcall(string.format, "%d", 1.5), pcall(string.format, "%d", "x"))
print(string.format("%d|%5d|%-5d|%05d", 42, 42, 42, 42), string.format("%d", "10"))
-- table.concat over big array parts (joined in chunks), an error in a late chunk
local bigt = {}
for i = 1, 10000 do bigt[i] = (i % 3 == 0) and i or ("s" .. i) end
local joined = table.concat(bigt, ",")
print(#joined, joined:sub(1, 20), joined:sub(-20), #table.concat(bigt, "", 4095, 8193))
bigt[9000] = {}
print(pcall(table.concat, bigt, ","))
-- ipairs steps: plain tables, holes, metatables, integer limits
local acc = {}
for i, v in ipairs({10, 20, nil, 40}) do acc[#acc + 1] = i .. "=" .. v end
print(table.concat(acc, " "))
acc = {}
for i, v in ipairs(setmetatable({}, {__index = function(_, k) if k <= 3 then return k * k end end})) do acc[#acc + 1] = v end
print(table.concat(acc, " "))
local itf, st, c0 = ipairs({1, 2})
print(itf(st, 0), itf(st, 1), itf(st, 2), itf(st, 1.0), pcall(itf, st, 1.5), pcall(itf, st, "x"))
print(itf({[math.maxinteger] = "max"}, math.maxinteger - 1), itf({}, math.maxinteger), itf({[2^53] = "big"}, 2^53 - 1))
