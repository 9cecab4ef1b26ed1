-- Weak tables and finalizers together (Lua 5.4 order): values pointing to an object being finalized are
-- cleared before its finalizer runs; keys are cleared only at the next cycle.
local t = {x = 10}
local C = setmetatable({key = t}, {__mode = 'v'})
local C1 = setmetatable({[t] = 1}, {__mode = 'k'})
local a = {x = t}
setmetatable(a, {__gc = function(u)
  print("in finalizer: weak value cleared:", C.key == nil, "weak key kept:", type(next(C1)))
end})
a, t = nil, nil
collectgarbage()
collectgarbage()
print("after two cycles:", next(C) == nil, next(C1) == nil)

-- the object being finalized itself, as weak key and as weak value
local wk = setmetatable({}, {__mode = 'k'})
local wv = setmetatable({}, {__mode = 'v'})
local obj = setmetatable({}, {__gc = function(o)
  print("finalizing: in weak keys:", wk[o], "in weak values:", wv[1])
end})
wk[obj] = "key"
wv[1] = obj
obj = nil
collectgarbage()
print("next cycle:", type(next(wk)), next(wv))
collectgarbage()
print("then:", next(wk), next(wv))

-- a __gc metamethod held only by a weak-value metatable is collected before it could run
local u = setmetatable({}, {__gc = true})
setmetatable(getmetatable(u), {__mode = "v"})
getmetatable(u).__gc = function(o) print("cannot happen") end
u = nil
collectgarbage()
print("weak metatable ok")

-- a weak table reached only through the object being finalized is cleared before the finalizer
local u2 = setmetatable({}, {__gc = true})
local m = getmetatable(u2)
m.x = {[{0}] = 1; [0] = {1}}; setmetatable(m.x, {__mode = "kv"})
m.__gc = function(o)
  print("resurrected weak table empty:", next(getmetatable(o).x) == nil)
end
u2, m = nil, nil
collectgarbage()
