-- Upvalues whose value changes kind (integer, float, integral float, -0.0, table, string, nil, boolean)
-- while open and after closing, read and written by hot compiled closures (closed upvalues are generic
-- one-slot arrays whatever their first value: runtime shapes must not change what is read back).
local function cell(v)
  return function() return v end, function(x) v = x end
end
local values = {1, 1.5, 2.0, -0.0, 1/0, 0/0, {}, "s", false, nil, 2^53, math.mininteger, 3}
local gets, sets = {}, {}
for i = 1, 40 do gets[i], sets[i] = cell(i % 2 == 0 and 1 or 0.25) end
local out = {}
for r = 1, 3000 do
  for i = 1, 40 do
    local v = values[(r + i) % #values + 1]
    sets[i](v)
    local g = gets[i]()
    if r > 2990 and i < 4 then out[#out + 1] = math.type(g) or tostring(type(g)) .. ":" .. tostring(type(g) ~= "table" and g or "t") end
  end
end
print(table.concat(out, " "))
-- an accumulator: float then integer then float again
local function acc()
  local s = 0.5
  return function(x) s = s + x; return s end
end
local a = acc()
for i = 1, 20000 do a(i % 3 == 0 and 1 or 0.5) end
print(a(0), math.type(a(0)))
-- open upvalues written from a closure while the frame is live
local function live()
  local n = 0
  local function bump(k) n = n + k end
  for i = 1, 10000 do bump(i % 2 == 0 and 1.25 or 1) end
  local x = n
  n = "done"
  bump = nil
  return x, n
end
print(live())
