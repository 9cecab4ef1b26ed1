-- __newindex: function, table, and absent keys only
local log = {}
local store = {}
local t = setmetatable({existing = 1}, {__newindex = function(tbl, k, v)
  log[#log + 1] = k .. "=" .. tostring(v)
  rawset(tbl, k, v)
end})
t.existing = 2
t.new = 3
t.new = 4
print(table.concat(log, ","), t.existing, t.new)
local redirect = setmetatable({}, {__newindex = store})
redirect.a = 10
print(rawget(redirect, "a"), store.a)
local ro = setmetatable({}, {__newindex = function(_, k) error("read-only field " .. k, 2) end})
print(pcall(function() ro.x = 1 end))
-- chained __newindex tables
local final = {}
local chain = setmetatable({}, {__newindex = setmetatable({}, {__newindex = final})})
chain.v = "deep"
print(final.v)
