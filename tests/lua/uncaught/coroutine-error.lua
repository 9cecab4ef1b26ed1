-- an error inside a coroutine.wrap call propagates to the top level
local gen = coroutine.wrap(function()
  coroutine.yield(1)
  error("generator failed")
end)
print(gen())
print(gen())
