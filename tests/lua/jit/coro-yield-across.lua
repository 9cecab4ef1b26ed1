-- Yields from compiled frames across pcall/xpcall, metamethods, generic-for iterators and __close, and
-- a yield across a native (table.sort) is an error as in lua5.4.
local function show(...) print(...) return ... end
local co = coroutine.wrap(function()
  print("pcall", pcall(function(a) local x = coroutine.yield("in pcall", a) return x * 2 end, 21))
  print("xpcall", xpcall(function() coroutine.yield("in xpcall") error("boom") end, function(m) return "handled: " .. m end))
  print("nested pcall", pcall(pcall, function() return coroutine.yield("nested") end))
  local mt = {
    __index = function(t, k) return coroutine.yield("index " .. k) end,
    __add = function(a, b) return coroutine.yield("add") end,
    __lt = function(a, b) return coroutine.yield("lt") end,
    __concat = function(a, b) return coroutine.yield("concat") end,
    __eq = function(a, b) return coroutine.yield("eq") end,
    __len = function(a) return coroutine.yield("len") end,
    __call = function(self, x) return coroutine.yield("call " .. x) end,
    __newindex = function(t, k, v) rawset(t, k, coroutine.yield("newindex " .. k)) end,
  }
  local a, b = setmetatable({}, mt), setmetatable({}, mt)
  print("index", a.foo)
  print("add", a + 1)
  print("lt", a < b)
  print("concat", a .. "x")
  print("eq", a == b)
  print("len", #a)
  print("call", a(5))
  a.bar = 1
  print("newindex", rawget(a, "bar"))
  local function iter(s, i)
    if i >= 3 then return nil end
    return i + 1, coroutine.yield("iter " .. i)
  end
  for i, v in iter, nil, 0 do print("for", i, v) end
  do
    local x <close> = setmetatable({}, { __close = function(o, e) print("closing", coroutine.yield("close")) end })
    print("in block")
  end
  print("after block")
  local ok, err = pcall(table.sort, { 3, 2, 1 }, function(x, y) coroutine.yield("sort") return x < y end)
  print("sort", ok, err)
  return "done"
end)
local v = co()
local n = 0
while v ~= "done" do
  n = n + 1
  print("yielded", v)
  v = co(n)
end
print("finished", n)
