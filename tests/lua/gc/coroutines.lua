-- Coroutines: their stacks keep values alive while they can be resumed; an unreachable suspended coroutine
-- and what only it references are collected.
local weak = setmetatable({}, {__mode = 'v'})
local co = coroutine.create(function()
  local mine = {}
  weak[1] = mine
  coroutine.yield()
  return mine
end)
coroutine.resume(co)
collectgarbage()
print("suspended keeps its locals:", weak[1] ~= nil)
co = nil
collectgarbage()
print("unreachable coroutine's locals collected:", weak[1])

-- gc.lua: a closure inside a coroutine pointing (through a table) to the coroutine itself
do
  local collected = false
  collectgarbage(); collectgarbage("stop")
  do
    local function f (param)
      ;(function ()
        assert(type(f) == 'function' and type(param) == 'thread')
        param = {param, f}
        setmetatable(param, {__gc = function () collected = true end})
        coroutine.yield(100)
      end)()
    end
    local co = coroutine.create(f)
    assert(coroutine.resume(co, co))
  end
  collectgarbage()
  print("self-referencing coroutine collected:", collected)
  collectgarbage("restart")
end

-- coroutine.wrap's function keeps its coroutine (and its locals) alive
local w = setmetatable({}, {__mode = 'k'})
local gen = coroutine.wrap(function()
  local t = {}
  w[t] = true
  for i = 1, 3 do coroutine.yield(i) end
end)
gen()
collectgarbage()
print("wrapped coroutine alive:", next(w) ~= nil)
gen = nil
collectgarbage()
print("after dropping wrap:", next(w))

-- coroutines as weak keys and values
local wt = setmetatable({}, {__mode = 'kv'})
local c1 = coroutine.create(print)
wt[c1] = coroutine.create(print)
wt[1] = c1
collectgarbage()
print("thread key with dead value:", wt[c1], wt[1] == c1)

-- collecting inside a coroutine, finalizers run there
local inside = coroutine.wrap(function()
  setmetatable({}, {__gc = function() print("finalizer in coroutine:", coroutine.isyieldable()) end})
  collectgarbage()
  return "ok"
end)
print(inside())
