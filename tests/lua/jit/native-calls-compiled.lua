-- Natives calling compiled Lua functions (table.sort comparators, gsub callbacks: JitRuntime.invokeIn):
-- errors with positions, recovery by pcall/xpcall around and inside the callback, nested natives, hooks
-- set and cleared inside a callback, tail calls inside callbacks, and the stack left intact afterwards.

local function cmp(a, b) return a < b end
local t = {}
for i = 1, 200 do t[i] = (i * 7919) % 211 end
table.sort(t, cmp)
print(t[1], t[100], t[200])

-- an error raised in a compiled comparator, caught around the sort
local calls = 0
local ok, err = pcall(table.sort, {5, 3, 1, 4, 2}, function(a, b)
  calls = calls + 1
  if calls == 4 then error("boom " .. a .. " " .. b) end
  return a < b
end)
print(ok, err)

-- a runtime error (arithmetic on nil) inside the comparator: position and variable name
ok, err = pcall(table.sort, {1, 2, 3}, function(a, b) local x; return a + x < b end)
print(ok, err)

-- pcall inside the comparator, recovering from a nested sort's error; the outer sort goes on
local inner = 0
t = {9, 8, 7, 6, 5, 4, 3, 2, 1}
table.sort(t, function(a, b)
  inner = inner + 1
  local ok2, e2 = pcall(table.sort, {3, 2, 1}, function(x, y) if x == 1 then error({code = x}) end return x < y end)
  if not ok2 and type(e2) ~= "table" then print("unexpected", e2) end
  return a < b
end)
print(table.concat(t, " "), inner > 0)

-- xpcall with a traceback handler through the native
local function handler(m) return "handled: " .. tostring(m) end
print(xpcall(table.sort, handler, {2, 1}, function(a, b) error("in cmp", 0) end))

-- a comparator that tail-calls; getinfo sees the tail call
local function lessTail(a, b) return cmp(a, b) end
local function viaTail(a, b)
  local info = debug.getinfo(1, "t")
  if info.istailcall then print("unexpected tail") end
  return lessTail(a, b)
end
t = {4, 2, 3, 1}
table.sort(t, viaTail)
print(table.concat(t, " "))

-- a hook set inside a callback and cleared again
local seen = 0
local hooked = false
t = {3, 1, 2, 5, 4}
table.sort(t, function(a, b)
  if not hooked then
    hooked = true
    debug.sethook(function() seen = seen + 1 end, "cr")
  end
  return a < b
end)
debug.sethook()
print(table.concat(t, " "), seen > 0)

-- gsub with a compiled callback: one result, no result, false, and an error
print(("a1b2c3"):gsub("%d", function(d) return d * 2 end))
print(("a1b2c3"):gsub("%d", function(d) end))
print(("a1b2c3"):gsub("%a", function(c) if c == "b" then return false end return c:upper() end))
print(pcall(string.gsub, "xyz", "y", function(c) return {} end))
print(pcall(string.gsub, "xyz", "y", function(c) error("cb " .. c) end))

-- deep recursion inside a comparator (the callee's own frames) and results after
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
t = {2, 1}
table.sort(t, function(a, b) return depth(3000) > 0 and a < b end)
print(t[1], t[2], depth(10))

-- a comparator called many times (it gets compiled) then erroring late
local n = 0
ok, err = pcall(table.sort, (function() local r = {} for i = 1, 500 do r[i] = (i * 31) % 97 end return r end)(),
  function(a, b) n = n + 1; if n == 2000 then error("late") end return a < b end)
print(ok, err, n)
print(select('#', pcall(table.sort, {1}, cmp)))
