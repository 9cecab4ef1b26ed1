-- functions returning and receiving many values
local function range(n)
  local t = {}
  for i = 1, n do t[i] = i end
  return table.unpack(t)
end
print(select("#", range(250)), select(250, range(250)))
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
end
print(sum(range(1000)))
local packed = {range(5000)}
print(#packed, packed[5000])
print(pcall(function() return table.unpack({}, 1, 10000000) end))
