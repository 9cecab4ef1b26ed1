-- Comparators that call back into the library: nested sorts, gsub with a function, errors caught inside a
-- comparator, tracebacks and getinfo from inside, and the same comparator reused across sorts.
local function inner(t)
  table.sort(t, function(a, b) return a > b end)
  return t[1]
end
local calls = 0
local data = {}
for i = 1, 60 do data[i] = (i * 37) % 61 end
table.sort(data, function(a, b)
  calls = calls + 1
  if calls % 7 == 0 then
    -- a nested sort from inside the comparator
    local m = inner({a, b, 3, 1})
    assert(m == math.max(a, b, 3))
  end
  if calls % 11 == 0 then
    local s = ("x" .. a .. "y" .. b):gsub("%d+", function(d) return "<" .. d .. ">" end)
    assert(#s > 0)
  end
  if calls % 13 == 0 then
    local ok, err = pcall(table.sort, {3, 2, 1}, function(x, y) error("inner " .. x) end)
    assert(not ok and err:find("inner"))
  end
  if calls == 17 then
    local tb = debug.traceback("here", 1)
    print((tb:gsub("\n.*", "")))
    local info = debug.getinfo(2, "S")
    print(info.what)
  end
  return a < b
end)
print(calls > 0, table.concat(data, ",", 1, 10))

-- an error raised by the comparator at several depths, then the sort again with the same function
local n = 0
local function cmp(a, b)
  n = n + 1
  if n == 40 then error({code = n}) end
  return a < b
end
local t = {}
for i = 1, 50 do t[i] = (i * 7) % 50 end
local ok, e = pcall(table.sort, t, cmp)
print(ok, type(e) == "table" and e.code)
n = 1000
table.sort(t, cmp)
print(table.concat(t, ",", 1, 8))

-- a comparator that errors with a message and position
local ok2, msg = pcall(table.sort, {1, 2, 3, 4}, function(a, b) return a.x < b end)
print(ok2, msg)

-- gsub with a function that errors after some calls, then succeeds
local k = 0
local ok3, m3 = pcall(string.gsub, "a1b2c3d4", "%d", function(d)
  k = k + 1
  if k == 3 then error("stop at " .. d, 0) end
  return d + 1
end)
print(ok3, m3)
print(("a1b2c3d4"):gsub("%d", function(d) return d * 2 end))

-- invalid order functions
print(pcall(table.sort, {5, 4, 3, 2, 1, 6, 7, 8, 9, 10, 11, 12}, function(a, b) return true end))
