-- __close methods may yield when running inside a coroutine
local log = {}
local co = coroutine.wrap(function()
  do
    local r <close> = setmetatable({}, {__close = function()
      log[#log + 1] = "closing"
      coroutine.yield("yielded in close")
      log[#log + 1] = "closed"
    end})
    log[#log + 1] = "body"
  end
  return "finished"
end)
print(co())
print(co())
print(table.concat(log, " "))
