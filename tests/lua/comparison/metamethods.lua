-- __eq, __lt, __le: which one is called and with what
local log = {}
local mt = {
  __eq = function(a, b) log[#log + 1] = "eq"; return a.v == b.v end,
  __lt = function(a, b) log[#log + 1] = "lt"; return a.v < b.v end,
  __le = function(a, b) log[#log + 1] = "le"; return a.v <= b.v end,
}
local function V(v) return setmetatable({v = v}, mt) end
local a, b, c = V(1), V(2), V(1)
print(a == c, a ~= c, a == b, a < b, a <= b, a > b, a >= b, b < a)
print(table.concat(log, ","))
log = {}
print(a == a, rawequal(a, c), a == 1, 1 == a)
print(table.concat(log, ","))
-- __lt result is converted to boolean
local weird = setmetatable({}, {__lt = function() return "yes" end, __le = function() return nil end})
print(weird < weird, weird <= weird, weird > weird, weird >= weird)
-- __eq only for two tables (or two userdata)
local eqmt = {__eq = function() return true end}
local x, y = setmetatable({}, eqmt), setmetatable({}, {})
print(x == y, y == x, x == "x")
-- no __le fallback to __lt in 5.4
local onlylt = setmetatable({}, {__lt = function() return true end})
print(pcall(function() return onlylt <= onlylt end))
-- mixed number/table comparisons use the metamethod
local num = setmetatable({}, {__lt = function(a, b) return type(a) == "number" end})
print(1 < num, num < 1)
