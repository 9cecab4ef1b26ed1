-- Concatenations of 2..12 operands mixing strings, integers, floats and values with __concat, at compiled
-- sites whose operand types change between rounds (inline strings, pairwise strings and numbers, the
-- interpreter for metamethods and errors).
local mt = {__concat = function(a, b)
  local x = type(a) == 'table' and a.name or tostring(a)
  local y = type(b) == 'table' and b.name or tostring(b)
  return x .. '&' .. y
end}
local obj = setmetatable({name = 'OBJ'}, mt)
local vals = {'s', 7, -3, 2.5, -0.0, 1e100, 1/0, -1/0, math.maxinteger, math.mininteger, 2^53, 0.1, obj}

local function c3(a, b, c) return a .. b .. c end
local function c9(a, b, c) return a .. b .. c .. a .. b .. c .. a .. b .. c end
local function c12(a, b, c) return a .. 1 .. b .. 2 .. c .. 3 .. a .. 'x' .. b .. 'y' .. c .. 'z' end

for round = 1, 3 do
  for i = 1, #vals do
    local a, b, c = vals[i], vals[(i + round) % #vals + 1], vals[(i * 3 + round) % #vals + 1]
    print(round, i, c3(a, b, c), c9(a, b, c), c12(a, b, c))
  end
end

-- errors name the operand, whatever its position
local function bad(k)
  local x, y, z = 'a', 'b', 'c'
  if k == 1 then x = nil elseif k == 2 then y = {} elseif k == 3 then z = true end
  return x .. y .. z .. x .. y .. z .. x .. y .. z .. x
end
for k = 0, 3 do print(k, pcall(bad, k)) end

-- a __concat in the middle sees the concatenation of what is right of it first
local log = {}
local tracer = setmetatable({}, {__concat = function(a, b)
  log[#log + 1] = (type(a) == 'table' and 'T' or tostring(a)) .. '|' .. (type(b) == 'table' and 'T' or tostring(b))
  return 'R'
end})
for round = 1, 2 do
  log = {}
  local r = 'a' .. 1 .. tracer .. 'b' .. 2 .. 'c' .. 3 .. 'd' .. 4.5 .. 'e'
  print(round, r, table.concat(log, ' '))
end
