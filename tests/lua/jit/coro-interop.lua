-- Interpreted frames (irreducible flow, hooks) and compiled generator frames calling each other inside a
-- coroutine, with yields crossing both; natives calling back into compiled code.
local function compiled(x)
  local y = coroutine.yield("compiled " .. x)
  return x + y
end
-- irreducible control flow (a jump into the middle of a loop): stays interpreted
local function irreducible(n, f)
  local i = 0
  if n > 2 then goto inside end
  ::top::
  i = i + 1
  ::inside::
  i = i + f(i)
  if i < n * 10 then goto top end
  return i
end
local co = coroutine.wrap(function()
  local r = irreducible(3, function(i) return compiled(i) end)
  print("irreducible returned", r)
  -- compiled -> native -> compiled (cannot yield there, but runs)
  local t = { 5, 1, 4 }
  table.sort(t, function(a, b) return a < b end)
  print("sorted", table.concat(t, " "))
  print("gsub", (string.gsub("abc", "%w", function(c) return c:upper() end)))
  -- yield across a C boundary is an error
  print(pcall(string.gsub, "a", "a", function() coroutine.yield("never") end))
  return "end"
end)
local v = co()
while v ~= "end" do
  print("got", v)
  v = co(1)
end
-- a hook set inside a coroutine: its frames continue interpreted, yields still work
local lines = 0
local hooked = coroutine.create(function(a)
  local function inner(x) return coroutine.yield(x + 1) end
  debug.sethook(function() lines = lines + 1 end, "l")
  local b = inner(a)
  debug.sethook()
  local c = inner(b)
  return a + b + c
end)
print(coroutine.resume(hooked, 1))
print(coroutine.resume(hooked, 10))
print(coroutine.resume(hooked, 100))
print("hook ran", lines > 0)
-- a coroutine resuming another, both compiled, with errors crossing
local function producer()
  return coroutine.create(function()
    for i = 1, 3 do coroutine.yield(i) end
    error("producer failed")
  end)
end
local consumer = coroutine.create(function(p)
  local sum = 0
  while true do
    local ok, v = coroutine.resume(p)
    if not ok then return "consumer saw: " .. v, sum end
    sum = sum + v
    coroutine.yield(sum)
  end
end)
local p = producer()
for i = 1, 5 do print(coroutine.resume(consumer, p)) end
