-- debug.traceback of another coroutine
local co = coroutine.create(function()
  local function inner() coroutine.yield() end
  inner()
end)
coroutine.resume(co)
print(debug.traceback(co))
print(debug.traceback(co, "message"))
print(debug.traceback(co, "level 1", 1))
local dead = coroutine.create(function() error("x") end)
coroutine.resume(dead)
print(debug.traceback(dead))
