-- Loops whose registers enter as integers (or values of unknown type) and go round as floats: the JIT
-- compiles their first iteration apart (types.ts Peel), so 1 and 1.0 must stay distinct in both copies:
-- math.type, tostring, %d, table keys, integer wraparound, -0.0, inf, nan, errors with variable names.
local function P(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    t[i] = tostring(v) .. (math.type(v) == "float" and "f" or math.type(v) == "integer" and "i" or "")
  end
  print(table.concat(t, " "))
end

-- the bit loop of richards' idleFn: x from a table (int or float), y an integer constant
local function xorbits(d)
  local x, y, r, bit = d.control, 53256, 0, 1
  local first
  while x > 0 or y > 0 do
    if first == nil then first = math.type(x) .. "/" .. math.type(y) end
    if (x % 2) ~= (y % 2) then r = r + bit end
    x = (x - x % 2) / 2; y = (y - y % 2) / 2; bit = bit * 2
  end
  return r, first, x, y, bit
end
for _, c in ipairs({1, 2, 7.0, 12345, 0, 0.0, 2^40, 65535.5, -3}) do P(xorbits({control = c})) end

-- keys, tostring and %d of the variable inside the loop, in the first and later iterations
local function keys(n)
  local t, s, log = {}, 0, {}
  local x = n
  while x >= 1 do
    t[x] = (t[x] or 0) + 1
    log[#log + 1] = tostring(x) .. ":" .. math.type(x) .. ":" .. string.format("%d", x)
    s = s + x
    x = x / 2
  end
  return t[n], t[n / 2], t[1], t[1.0], s, table.concat(log, ",")
end
P(keys(8)) P(keys(1)) P(keys(0)) P(keys(16.0))
P(pcall(keys, 6)) -- 1.5 has no integer representation for %d

-- numeric for loops with float accumulators started from an integer
local function sums(n, f)
  local s, p = 0, 1
  for i = 1, n do
    s = s + i / f
    p = p * 0.5
  end
  return s, p, math.type(s), math.type(p)
end
P(sums(0, 2)) P(sums(1, 2)) P(sums(4, 2)) P(sums(3, 0)) P(sums(3, -0.0)) P(sums(2, 0 / 0))

-- a float for loop inside a peeled while loop, and a peeled loop inside a for loop
local function nested(n)
  local out = {}
  for k = 1, n do
    local v, steps = k, 0
    repeat
      v = v * 0.75
      steps = steps + 1
      for z = 0.5, 1.0, 0.25 do v = v - z / 8 end
    until v < 1
    out[#out + 1] = string.format("%d:%.6g:%s", steps, v, math.type(v))
  end
  return table.concat(out, " ")
end
P(nested(5))

-- generic for loop with a float accumulator
local function gen(t)
  local acc, cnt = 0, 0
  for _, v in ipairs(t) do acc = acc + v / 4; cnt = cnt + 1 end
  return acc, cnt
end
P(gen({})) P(gen({1, 2, 3})) P(gen({4, 8.0}))

-- -0.0, inf and integer wraparound next to the float variable
local function zeros(n)
  local x, b, log = 0, 1, {}
  while n > 0 do
    x = x * -1.0
    b = b * 4
    log[#log + 1] = tostring(x) .. "/" .. tostring(1 / x)
    n = n - 1
  end
  return x, b, table.concat(log, " ")
end
P(zeros(1)) P(zeros(2)) P(zeros(33))
local function toinf(x)
  local steps = 0
  while x < math.huge do x = x * 1e100; steps = steps + 1 end
  return x, steps
end
P(toinf(1)) P(toinf(5.5)) P(toinf(1e300))

-- values of other types entering or appearing in the loop: coercions, metamethods, errors
local mt = {__div = function(a, b) return 0.5 end, __lt = function(a, b) return true end}
local function halve(x, n)
  local i = 0
  while i < n do x = x / 2; i = i + 1 end
  return x
end
P(halve("12", 3)) P(halve(5, 0)) P(halve(setmetatable({}, mt), 2))
P(pcall(halve, {}, 2)) P(pcall(halve, nil, 1))
local function mixed(t)
  local x, out = 1, {}
  for i = 1, #t do
    x = x / t[i]
    out[#out + 1] = tostring(x)
  end
  return table.concat(out, " ")
end
P(mixed({2, 4, 0.5})) P(pcall(mixed, {2, "x"})) P(pcall(mixed, {2, "4"})) P(pcall(mixed, {2, {}}))

-- a loop left from its first iteration by break, goto and return
local function leave(n, how)
  local x = n
  while true do
    if how == 1 and x < 3 then break end
    if how == 2 and x < 3 then goto out end
    if how == 3 and x < 3 then return "ret", x end
    x = x / 2
  end
  do return "brk", x end
  ::out::
  return "goto", x
end
for how = 1, 3 do P(leave(2, how)) P(leave(20, how)) end

-- a closure capturing the variable (captured registers stay generic)
local function captured(n)
  local x, fs = 1, {}
  while n > 0 do
    fs[#fs + 1] = function() return x end
    x = x / 2
    n = n - 1
  end
  local r = {}
  for i = 1, #fs do r[i] = tostring(fs[i]()) end
  return table.concat(r, " ")
end
P(captured(3))

-- comparisons of integral floats (and others) with immediate operands
local function cmp(x)
  return (x > 0 and "a" or "-") .. (x >= 0 and "b" or "-") .. (x < 0 and "c" or "-") .. (x <= 0 and "d" or "-") ..
    (x > 1.0 and "e" or "-") .. (x < -1.0 and "f" or "-") .. (x >= 3 and "g" or "-") .. (x <= -3 and "h" or "-")
end
local cs = {}
for _, x in ipairs({0.0, -0.0, 1.0, 3.0, -3.0, 0 / 0, math.huge, -math.huge, 2^63, -2^63, math.maxinteger,
  math.mininteger, 0.5, -2.5, 3, -3, 0}) do cs[#cs + 1] = cmp(x) end
print(table.concat(cs, " "))
P(pcall(cmp, "1")) P(pcall(cmp, {}))

-- a float for loop that is itself peeled, and one that never runs
local function fsum(lo, hi)
  local s, n = 0, 0
  for x = lo, hi, 0.5 do s = s + x; n = n + 1 end
  return s, n
end
P(fsum(0.5, 3)) P(fsum(1, 3)) P(fsum(3, 1)) P(fsum(1, 1))
