-- Table constructors ending in a call or `...` (open SETLIST) in compiled code: array sizes and borders as
-- PUC's, with hash fields, explicit integer keys and nested constructors around them.
local function none() end
local function one(x) return x end
local function three() return 1, 2, 3 end
local function holes() return nil, 2, nil end
local function va(...) return {...}, {1, ...}, {..., n = select('#', ...)} end

local function show(t)
  local parts = {}
  for i = 1, 8 do local v = t[i]; parts[#parts + 1] = type(v) == 'table' and 'T' .. #v or tostring(v) end
  return #t .. ' [' .. table.concat(parts, ' ') .. ']'
end

for round = 1, 3 do
  print(show({one(1)}), show({one(nil)}), show({none()}), show({three()}))
  print(show({0, three()}), show({0, holes()}), show({holes()}), show({0, 1, holes()}))
  print(show({x = 1, three()}), show({[1] = 9, three()}), show({[1] = 9, none()}), show({[4] = 4, three()}))
  print(show({{three()}, three()}), show({(three())}), show({three(), three()}))
  local a, b, c = va(1, nil, 3)
  print(show(a), show(b), show(c), c.n)
  a, b, c = va()
  print(show(a), show(b), show(c), c.n)
  a, b, c = va(nil, nil, nil, nil, 5)
  print(show(a), show(b), show(c), c.n)
  local t = {three()}
  t[#t + 1] = 4; t[#t + 1] = 5
  print(show(t))
  local u = {holes()}
  u[4] = 4
  print(show(u))
end
