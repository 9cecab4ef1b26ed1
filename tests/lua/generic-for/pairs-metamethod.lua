-- __pairs customises pairs()
local t = setmetatable({}, {__pairs = function(self)
  local i = 0
  return function() i = i + 1; if i <= 3 then return i, "v" .. i end end, self, nil
end})
for k, v in pairs(t) do io.write(k, "=", v, " ") end print()
local sorted = setmetatable({b = 2, a = 1, c = 3}, {__pairs = function(self)
  local keys = {}
  for k in next, self do keys[#keys + 1] = k end
  table.sort(keys)
  local i = 0
  return function() i = i + 1; local k = keys[i]; if k then return k, self[k] end end
end})
for k, v in pairs(sorted) do io.write(k, "=", v, " ") end print()
local r = {pairs(setmetatable({}, {__pairs = function() return 1, 2, 3, 4, 5 end}))}
print(#r, r[1], r[2], r[3])
