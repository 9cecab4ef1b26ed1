-- pending to-be-closed variables of a suspended coroutine are closed by coroutine.close
local log = {}
local function res(name)
  return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. ":" .. tostring(err) end})
end
local co = coroutine.create(function()
  local a <close> = res("a")
  local b <close> = res("b")
  coroutine.yield(1)
  log[#log + 1] = "not reached"
end)
print(coroutine.resume(co))
print(coroutine.close(co), coroutine.status(co))
print(table.concat(log, " "))
log = {}
local co2 = coroutine.create(function()
  local a <close> = setmetatable({}, {__close = function() error("close err", 0) end})
  coroutine.yield()
end)
coroutine.resume(co2)
print(coroutine.close(co2))
print(coroutine.close(coroutine.create(print)))
-- closes run when the coroutine body finishes or errors, too
local co3 = coroutine.wrap(function()
  local a <close> = res("co3")
  coroutine.yield("y")
  return "done"
end)
print(co3(), co3(), table.concat(log, " "))
