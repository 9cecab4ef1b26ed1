-- A leaf function first runs on the main thread, where its __index/__newindex
-- function calls make it recompile with those calls made from compiled code;
-- then it runs inside coroutines, where the same metamethods yield.
local yielding = false
local mt = {
  __index = function(t, k)
    if yielding then coroutine.yield("index " .. k) end
    return k .. "!"
  end,
  __newindex = function(t, k, v)
    if yielding then coroutine.yield("newindex " .. k) end
    rawset(t, k, v)
  end,
}
local function get(t) return t.a end
local function put(t, v) t.b = v; local r = t.b; t.b = nil; return r end

local obj = setmetatable({}, mt)
for i = 1, 50 do
  assert(get(obj) == "a!")
  assert(put(obj, i) == i)
end

yielding = true
for round = 1, 3 do
  local co = coroutine.wrap(function()
    local x = get(obj)
    local y = put(obj, round)
    return "done " .. x .. " " .. tostring(y)
  end)
  print(co())
  print(co())
  print(co())
end
local ok, err = pcall(get, obj)
print(ok, err)
