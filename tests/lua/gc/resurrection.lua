-- Finalizers receive the object and may resurrect it; a resurrected object is not finalized again unless
-- setmetatable marks it again.
local saved
local count = 0
local mt = {}
mt.__gc = function(o)
  count = count + 1
  saved = o
end
setmetatable({tag = "x", inner = {1, 2, 3}}, mt)
collectgarbage()
print(count, saved.tag, #saved.inner, getmetatable(saved) == mt)

-- resurrected: still usable, but no longer marked for finalization
saved = nil
collectgarbage()
print("not again:", count)

-- marking it again inside its finalizer: finalized once more
local rounds = 0
local again = {}
again.__gc = function(o)
  rounds = rounds + 1
  if rounds < 3 then setmetatable(o, again) end
end
setmetatable({}, again)
for i = 1, 5 do collectgarbage() end
print("rounds:", rounds)

-- objects reachable only from an object being finalized are resurrected with it
local got
setmetatable({child = setmetatable({name = "child"}, {__gc = function() print("child finalized") end})},
  {__gc = function(o) got = o.child end})
collectgarbage()
print("child kept:", got and got.name)
got = nil
collectgarbage()
print("done")
