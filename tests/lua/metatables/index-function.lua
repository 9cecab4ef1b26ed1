-- __index as a function receives the table and the key
local calls = {}
local t = setmetatable({present = "here"}, {__index = function(tbl, k)
  calls[#calls + 1] = tostring(k)
  if k == "dyn" then return "dynamic" end
  return nil
end})
print(t.present, t.dyn, t.nothing, t[1], t[true])
print(table.concat(calls, ","))
local default = setmetatable({}, {__index = function() return 0 end})
default.a = default.a + 1
default.a = default.a + 1
print(default.a, default.b)
-- __index on a non-table value via a function metamethod chain
local proxy = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return k .. "!" end})})
print(proxy.deep)
