-- Typed arithmetic in compiled code: floats kept unboxed, integral floats, -0.0, nan, inf, the int/float
-- distinction of every result that escapes (printed, stored, returned, compared), and integer overflow.
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = string.format("%s:%s", tostring(t[i]), math.type(t[i]) or type(t[i])) end
  print(table.concat(t, " "))
end

-- float temporaries that become integral, negative zero, nan and infinities
local function f1(n)
  local a, b = 0.5, 1.5
  local s = a + b            -- 2.0
  local z = a - a            -- 0.0
  local nz = -z              -- -0.0
  local m = nz * 3           -- -0.0
  local big = 1e308 * 10     -- inf
  local nan = big - big
  local q = n / 4            -- float from ints
  local r = 2.0 * n          -- integral float
  local u = -r
  show(s, z, nz, m, big, -big, nan ~= nan, q, r, u, 1 / nz, 1 / z)
  return s, nz, r
end
show(f1(6))
show(f1(7))

-- % and // on floats follow Lua's sign rules; on integers too
local function mods(x, y)
  local fx, fy = x + 0.0, y + 0.0
  return fx % fy, fx // fy, x % y, fx % y, x // fy
end
for _, p in ipairs({{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {6, 3}, {-6, 3}, {5, 0}}) do
  if p[2] == 0 then
    show(p[1] + 0.0 % 0.0 ~= p[1] + 0.0 % 0.0, (p[1] + 0.0) // 0.0, (-p[1] + 0.0) // 0.0)
    print(pcall(function() return p[1] % p[2] end))
    print(pcall(function() return p[1] // p[2] end))
  else
    show(mods(p[1], p[2]))
  end
end
local function fm(x) return x % 1.0, x % -1.0, x % math.huge, -x % math.huge, x // 1.0 end
show(fm(5.25)) show(fm(-5.25)) show(fm(0.0)) show(fm(-0.0))

-- powers
local function pw(x, y) local fx = x + 0.0 return fx ^ 2, fx ^ y, x ^ 0.5, fx ^ 0, (-fx) ^ 0.5 ~= (-fx) ^ 0.5 end
show(pw(3, 3)) show(pw(2, -1)) show(pw(0, 0))

-- comparisons between known floats and integers (nan compares false)
local function cmp(x)
  local f = x * 1.0
  local n = f - f
  return f < 3, f <= 3, f > 3.5, f >= 2, f == 3, f == 3.0, f ~= 3, n == n, n < 1, n > 1, f < x + 1, f <= x
end
show(cmp(3)) show(cmp(2)) show(cmp(4))

-- integers: growth beyond 2^53 wraps or goes big exactly as in lua5.4
local function grow(x, k)
  local h = x
  for i = 1, k do h = h * 31 + i end
  return h
end
show(grow(1, 5), grow(1, 11), grow(1, 13), grow(7, 40))
local function sum(n)
  local s = 9007199254740000
  for i = 1, n do s = s + i end
  return s
end
show(sum(10), sum(100), sum(10))
local function neg(x) local y = x - 1 return -y, 0 - y end
show(neg(1), neg(-9007199254740990))

-- float values escaping: tables, upvalues, returns, concatenation, string.format
local t = {}
local up = 0.0
local function esc(n)
  local a = n * 0.5
  t[#t + 1] = a
  up = a + up
  return a .. "|" .. up, a
end
for i = 1, 4 do show(esc(i)) end
show(table.unpack(t))
print(string.format("%.3f %g %s", up, up, up))
