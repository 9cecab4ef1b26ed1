-- `%` on operands beyond int32 and on integral floats (boxed), where the compiled code does not use V8's
-- own remainder: integers, boxed floats, typed float registers, signs of zero results, quotients near integers.
local function show(x) return math.type(x) == 'float' and 'F' .. string.format('%.17g', x) or tostring(x) end

local function imod(a, b) return a % b end
local function fmodloop(seed, n, m)
  local s = 0.0
  for i = 1, n do seed = seed * 16807.0 % 2147483647; s = s + seed % m end
  return seed, s
end
local function lcg(n)
  local h = 0
  for i = 1, n do h = (h * 31 + i) % 1000003 end
  return h
end
local vals = {0, 1, -1, 7, -7, 2^31 - 1, -(2^31), 2^31, 2^32 + 5, 2^52 - 1, -(2^52 - 1), 2^52, 2^53 - 1,
  -(2^53 - 1), 123456789012, -987654321098}
local divs = {1, -1, 3, -3, 7, 1000003, -1000003, 2147483647, 2^32, -(2^40 + 3), 2^52 - 1}
for _, a in ipairs(vals) do
  local line = {}
  for _, b in ipairs(divs) do
    local ai, bi = math.tointeger(a) or a, math.tointeger(b) or b
    line[#line + 1] = show(imod(ai, bi)) .. ' ' .. show(imod(ai + 0.0, bi)) .. ' ' .. show(imod(ai, bi + 0.0))
      .. ' ' .. show(imod(ai + 0.5, bi)) .. ' ' .. show(imod(-ai - 0.0, bi + 0.0))
  end
  print(show(a), table.concat(line, ' | '))
end
-- multiples and their neighbours (the quotient's rounding is off by one there), zero results keep the sign
for _, b in ipairs({3, 7, 1000003, 2147483647, 2^40 + 3}) do
  for _, q in ipairs({1, 2, 1000, 2^20 + 1, 2^30}) do
    local m = q * b
    if m < 2^52 then
      print(show(m), show(b), show(m % b), show((m + 1) % b), show((m - 1) % b), show(-m % b),
        show((m + 0.0) % b), show((-m - 0.0) % b), show((m + 1.0) % -b), show((-m + 1.0) % b))
    end
  end
end
print(fmodloop(42, 1000, 1000))
print(fmodloop(42.5, 1000, 977))
print(lcg(100000))
-- a register that changes type: integer, float, huge
local acc = {}
for _, x in ipairs({5, 5.5, 2^60, -2^60, 1e300, -1e-300, 0/0 ~= 0/0 and 3 or 4}) do acc[#acc + 1] = show(x % 7) end
print(table.concat(acc, ' '))
print(pcall(imod, 1, 0), show(imod(1.0, 0)), show(imod(1, 0.0)), show(imod(-1, math.huge)), show(imod(1, -math.huge)))
