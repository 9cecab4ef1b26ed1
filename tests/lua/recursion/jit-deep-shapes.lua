-- deep recursion of many shapes (fat frames, varargs, polymorphic sites, pcall, metamethods, mutual): compiled
-- while the JS stack allows, interpreted deeper; results as lua5.4 (no early "stack overflow", no RangeError)
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(190000))
-- a fat frame: many live locals across the recursive call
local function fat(n)
  if n == 0 then return 0 end
  local a, b, c, d, e, f, g, h, i, j = n, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6, n + 7, n + 8, n + 9
  local k, l, m, o, p, q, r, s, t, u = a * 2, b * 2, c * 2, d * 2, e * 2, f * 2, g * 2, h * 2, i * 2, j * 2
  local rest = fat(n - 1)
  return rest + (a + b + c + d + e + f + g + h + i + j + k + l + m + o + p + q + r + s + t + u) % 7
end
print(fat(40000))
-- varargs
local function va(n, ...) if n == 0 then return select("#", ...) end return va(n - 1, n, ...) end
print(va(3000))
local function vb(n, ...) if n == 0 then return 0 end return 1 + vb(n - 1, ...) end
print(vb(120000, 1, 2, 3))
-- polymorphic call sites (the slow call helpers sit between the frames)
local fs = {}
for i = 1, 4 do fs[i] = function(n, k) if n == 0 then return 0 end return 1 + fs[(n % 4) + 1](n - 1, k) end end
print(fs[1](150000, 1))
-- through pcall at every level
local function pc(n) if n == 0 then return 0 end local ok, v = pcall(pc, n - 1) return v + 1 end
print(pc(180))
-- through a metamethod at every level
local mt = {}
mt.__index = function(t, k) if k == 0 then return 0 end return t[k - 1] + 1 end
print(setmetatable({}, mt)[150])
local mt2 = { __add = function(a, b) if b == 0 then return 0 end return (a + (b - 1)) + 1 end }
print(setmetatable({}, mt2) + 150)
-- mutual recursion
local isodd
local function iseven(n) if n == 0 then return true end return isodd(n - 1) end
function isodd(n) if n == 0 then return false end return iseven(n - 1) end
print(iseven(180001), isodd(180001))
-- overflow is a catchable "stack overflow", and everything works again afterwards
local function inf(n) return 1 + inf(n + 1) end
local ok, err = pcall(inf, 1)
print(ok, err)
print(depth(190000))
