-- Errors in finalizers become warnings "error in __gc (...)" and do not stop the collection.
warn("@on")
local order = {}
local function mk(i, f) setmetatable({}, {__gc = function() order[#order + 1] = i; f() end}) end
mk(1, function() end)
mk(2, function() error("plain message") end)
mk(3, function() error("no position", 0) end)
mk(4, function() error({}) end)
mk(5, function() error(42) end)
mk(6, function() local x = nil; return x.field end)
mk(7, function() end)
collectgarbage()
print(table.concat(order, " "))

-- a __gc that is not callable
setmetatable({}, {__gc = true})
setmetatable({}, {__gc = 10})
setmetatable({}, {__gc = setmetatable({}, {__name = "MyType"})})
collectgarbage()
-- callable through __call
setmetatable({}, {__gc = setmetatable({}, {__call = function(self, o) print("__call finalizer", type(o)) end})})
collectgarbage()

-- warnings off: errors are silent
warn("@off")
setmetatable({}, {__gc = function() error("silent") end})
collectgarbage()
warn("@on")

-- yielding in a finalizer is an error
local co = coroutine.wrap(function()
  setmetatable({}, {__gc = function() coroutine.yield(1) end})
  collectgarbage()
  return "coroutine done"
end)
print(co())
print("end")
