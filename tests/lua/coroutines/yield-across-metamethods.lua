-- yields inside metamethods (__index, __add, __lt, __concat, __eq, __call, __newindex, __len)
local mt = {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __le = function(a, b) return coroutine.yield("le") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
  __call = function(self, x) return coroutine.yield("call " .. x) end,
  __newindex = function(t, k, v) coroutine.yield("newindex " .. k) end,
  __len = function() return coroutine.yield("len") end,
  __unm = function() return coroutine.yield("unm") end,
}
local a, b = setmetatable({}, mt), setmetatable({}, mt)
local co = coroutine.wrap(function()
  local r = {}
  r[#r + 1] = a.field
  r[#r + 1] = a + 1
  r[#r + 1] = tostring(a < b)
  r[#r + 1] = tostring(a <= b)
  r[#r + 1] = a .. "s"
  r[#r + 1] = tostring(a == b)
  r[#r + 1] = a("arg")
  a.key = 1
  r[#r + 1] = #a
  r[#r + 1] = -a
  return table.concat(r, ",")
end)
local v = co()
local answers = {"IDX", "ADD", true, false, "CAT", false, "CALLED", nil, 7, "NEG"}
local i = 0
while true do
  io.write(tostring(v), "; ")
  i = i + 1
  if i > #answers + 1 then break end
  v = co(answers[i])
  if type(v) == "string" and v:find(",") then break end
end
print()
print(v)
