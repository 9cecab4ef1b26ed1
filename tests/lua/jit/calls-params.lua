-- Lua-to-Lua calls in compiled code: integer-speculated parameters whose entry guard fails (recompiled
-- without the speculation), tail-call chains (consecutive and interleaved with plain calls), errors and
-- tracebacks through compiled frames, polymorphic call sites.

local function add1(k) return k + 1 end
local function twice(n, m) if n == 0 then return m end return n * 2 + m end
local r = {}
for i = 1, 50 do r[#r + 1] = add1(i) end
print(r[1], r[50])
-- the guard fails: float, integral float, big integer, string, nil, table with __add
print(add1(1.5), add1(2.0), add1(math.maxinteger), add1(9007199254740991), add1("10"), add1(-0.0))
print(math.type(add1(2.0)), math.type(add1(3)))
print(pcall(add1, nil))
print(pcall(add1, {}))
local mt = { __add = function(a, b) return "added" end }
print(add1(setmetatable({}, mt)))
-- after recompilation, integers still work (and overflow wraps)
for i = 1, 20 do r[i] = add1(i) end
print(r[1], r[20], add1(math.maxinteger) == math.mininteger)
print(twice(3, 4), twice(0, "x"), twice(2.5, 1), pcall(twice, "a", 1))

-- a parameter reassigned before its numeric use
local function opt(n) n = n or 10 return n - 1 end
print(opt(5), opt(), opt(nil), opt(2.5))

-- errors name the parameter (compiled frame, after recompilation too)
local function sub(a, b) return a - b end
for i = 1, 10 do sub(i, i) end
print(pcall(sub, 1, nil))
print(pcall(sub, {}, 1))
print(select(2, pcall(sub, "x", 1)))

-- long tail-call loops run in constant stack; chains interleaved with plain calls stay compiled
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(1000000, 0))
local function ack(m, k)
  if m == 0 then return k + 1 end
  if k == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, k - 1))
end
print(ack(2, 300), ack(3, 5))
local even, odd
function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(even(300001), odd(7))
local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
print(deep(150000))

-- tracebacks and getinfo through compiled frames (tail calls marked); cut below the main chunk, whose
-- callers depend on how the chunk was loaded
local function tb(s) return (s:gsub("\n[^\n]*in main chunk.*$", "")) end
local function inner(x)
  local t = debug.traceback("tb", 1)
  local info = debug.getinfo(1, "Slnt")
  return t, info.currentline, info.istailcall, info.name
end
local function viaTail(x) return inner(x + 1) end
local function viaCall(x) local a, b, c, d = inner(x + 1) return a, b, c, d end
for i = 1, 3 do
  local t1, l1, tc1, n1 = viaTail(i)
  local t2, l2, tc2, n2 = viaCall(i)
  if i == 3 then print(tb(t1)) print(l1, tc1, n1) print(tb(t2)) print(l2, tc2, n2) end
end
local function thrower(k) if k > 2 then error("deep " .. k) end return thrower(k + 1) end
print(pcall(thrower, 0))
print(tb(select(2, xpcall(thrower, debug.traceback, 0))))

-- polymorphic call sites: closures of different protos, natives, callable tables
local fs = { function(a) return a + 1 end, function(a) return a * 2 end, math.abs,
  setmetatable({}, { __call = function(self, a) return -a end }), tostring, add1 }
local out = {}
for i = 1, 60 do
  local f = fs[i % #fs + 1]
  out[#out + 1] = tostring(f(i))
end
print(table.concat(out, " "))
print(pcall(function() local g = fs[7] return g(1) end))

-- leaf functions (compiled without a frame record): their deopts build the frame, so errors, tracebacks
-- and results after the interpreter takes over are those of a normal frame (tail calls included)
local function dbl(x) return x * 2 end
local function md(x, y) return x % y end
local function sq(x) local y = x * x return y - 1, y + 1 end
for i = 1, 20 do dbl(i) md(i, 3) sq(i) end
print(dbl(math.maxinteger), dbl(2^53 // 1), dbl(4), sq(3), sq(2^31 // 1), sq(2^40 // 1))
print(pcall(md, 1, 0))
local function tmd(x, y) return md(x, y) end
print(tb(select(2, xpcall(tmd, debug.traceback, 5, 0))))
print(tb(select(2, xpcall(function(a) local r = md(a, 0) return r end, debug.traceback, 7))))
print(md(7, -3), md(-7, 3), dbl(2.5), md(5.5, 2), pcall(dbl, "x"))
local function gadd(a, b) return a + b end
local function glt(a, b) return a < b end
local function gpow(a, b) return a ^ b, a / b, a & b end
local res = {}
for _, p in ipairs({ {1, 2}, {1.5, 2}, {math.maxinteger, 1}, {"10", 1}, {2^63, 1.0}, {3, 2.5} }) do
  local ok, s = pcall(gadd, p[1], p[2]) res[#res + 1] = tostring(ok) .. " " .. tostring(s)
  ok, s = pcall(glt, p[1], p[2]) res[#res + 1] = tostring(ok) .. " " .. tostring(s)
  ok, s = pcall(gpow, p[1], p[2]) res[#res + 1] = tostring(ok) .. " " .. tostring(s)
end
print(table.concat(res, "\n"))
print(pcall(gadd, {}, 1))
print(pcall(glt, 1, "x"))
print(glt("a", "b"), gadd(1, 2))
print(tb(select(2, xpcall(function(x) return gadd(x, nil) end, debug.traceback, 1))))
