-- return statements: parenthesised, multiple, in tail position
local function a() return end
local function b() return nil end
local function c() return 1, 2 end
local function d() return (c()) end
local function e() return c(), c() end
local function f() return c() end
local function g() do return 5 end end
print(select("#", a()), select("#", b()), select("#", c()), select("#", d()), select("#", e()), select("#", f()))
print(e())
print(g())
local function early(x)
  if x then return "early" end
  return "late"
end
print(early(true), early(false))
