-- Automatic collections happen while Lua code allocates, once weak tables or finalizers exist: loops that
-- wait for a collection terminate (gc.lua's GC1/GC2 and closure.lua's loop).
local function GC1()
  local u
  local b     -- (above 'u' it in the stack)
  local finish = false
  u = setmetatable({}, {__gc = function () finish = true end})
  b = {34}
  repeat u = {} until finish
  assert(b[1] == 34)   -- 'u' was collected, but 'b' was not

  finish = false; local i = 1
  u = setmetatable({}, {__gc = function () finish = true end})
  repeat i = i + 1; u = tostring(i) .. tostring(i) until finish
  assert(b[1] == 34)

  finish = false
  u = setmetatable({}, {__gc = function () finish = true end})
  repeat local i; u = function () return i end until finish
  assert(b[1] == 34)
end

local function GC2()
  local u
  local finish = false
  u = {setmetatable({}, {__gc = function () finish = true end})}
  local b = {34}
  repeat u = {{}} until finish
  assert(b[1] == 34)

  finish = false; local i = 1
  u = {setmetatable({}, {__gc = function () finish = true end})}
  repeat i = i + 1; u = {tostring(i) .. tostring(i)} until finish
  assert(b[1] == 34)

  finish = false
  u = {setmetatable({}, {__gc = function () finish = true end})}
  repeat local i; u = {function () return i end} until finish
  assert(b[1] == 34)
end

GC1()
GC2()
print("GC1, GC2 ok")

local A = 0
local x = {[1] = {}}   -- to detect a GC
setmetatable(x, {__mode = 'kv'})
while x[1] do   -- repeat until GC
  local a = A..A..A..A  -- create garbage
  A = A+1
end
print("closure.lua loop ok", A > 0)

-- live values are never lost to automatic collections
local weak = setmetatable({}, {__mode = 'v'})
local function f()
  local keep = {}
  weak[1] = keep
  for i = 1, 200000 do local t = {} end
  assert(weak[1] == keep)
  local fin = false
  local obj = setmetatable({}, {__gc = function() fin = true end})
  for i = 1, 200000 do local t = {} end
  assert(not fin)
  return obj
end
f()
print("live values kept")

-- "stop" prevents automatic collections; "restart" allows them again
collectgarbage()
collectgarbage("stop")
local done = false
setmetatable({}, {__gc = function() done = true end})
for i = 1, 300000 do local t = {} end
print("stopped:", done)
collectgarbage("restart")
repeat local t = {} until done
print("restarted:", done)
