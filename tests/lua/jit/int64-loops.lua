-- Loops whose integer registers hold unboxed 64-bit values in compiled code: registers that flip between
-- small and huge values across iterations, values escaping mid-loop (tables, calls, upvalues, returns,
-- string formatting), merges with values of unknown type, and deoptimisations (a guard failing inside the
-- loop: the interpreter continues with the right register contents).

-- xorshift64* and FNV-1a (the hash-int benchmark's kernel), results kept in a table every few steps
local function hash(n)
  local h = 0xcbf29ce484222325
  local x = 88172645463325252
  local acc, t = 0, {}
  for i = 1, n do
    x = x ~ (x >> 12); x = x ~ (x << 25); x = x ~ (x >> 27)
    local r = x * 0x2545F4914F6CDD1D
    h = (h ~ (r & 0xff)) * 0x100000001b3
    acc = acc + (r >> 40) // 3 + (h & 0xffff) % 7
    if i % 97 == 0 then t[#t + 1] = h; t[#t + 1] = r end
  end
  return h, x, acc, t
end
local h, x, acc, t = hash(1000)
print(string.format("%x %x %d %d", h, x, acc, #t), t[1], t[2], t[#t])

-- a register starting small, growing past 2^53 and 2^63 (wrapping), then shrinking again
local function grow()
  local v, out = 1, {}
  for i = 1, 140 do
    if i <= 70 then v = v * 3 else v = v // 3 + (v & 1) end
    if i % 10 == 0 or (i > 30 and i < 40) then out[#out + 1] = v end
  end
  return v, table.concat(out, " ")
end
print(grow())

-- small/huge flips each iteration (a shift that overflows, then a mask that brings it back)
local function flip(n)
  local v, s = 5, 0
  for i = 1, n do
    if i % 2 == 0 then v = v << 62 else v = (v >> 60) & 3 end
    s = s ~ v
    if i % 5 == 0 then s = s + 1 end
  end
  return v, s
end
print(flip(37), flip(38))

-- escapes: calls, upvalues, table stores, varargs, string conversions, comparisons in the loop
local seen = {}
local function note(v) seen[#seen + 1] = v; return v end
local function escapes()
  local up = 0
  local function bump(d) up = up ~ d end
  local k = 0x7ffffffffffffff0
  local t = {}
  for i = 1, 32 do
    k = k + 1                          -- wraps to mininteger at i = 16
    local m = k * 0x10001
    if m < 0 then t[i] = m else t[i] = tostring(m) end
    bump(m)
    note(k >> 60)
    if k == 0x8000000000000005 then t.mark = k end
    if i == 20 then t.s = string.format("%d %x", k, m) end
  end
  return up, t[1], t[16], t[17], t[32], t.mark, t.s, #seen, seen[15], seen[16]
end
print(escapes())

-- a merge with a value of unknown type (a call result), then the loop continues with it
local function mixed(f)
  local v = 0x100000000
  for i = 1, 10 do
    v = v * 0x10001 + i
    if i == 5 then v = f(v) end
  end
  return v
end
print(mixed(function(v) return v // 7 end))
print(mixed(function(v) return v + 0.5 end))
print(pcall(mixed, function() return "x" end))

-- a guard failing mid-loop: the float operand appears after some iterations (deopt, then exact results)
local function deopt(a)
  local v, s = 0x123456789abcdef, 0
  for i = 1, #a do
    v = v * 31 + a[i]
    s = s ~ (v >> 7)
  end
  return v, s
end
print(deopt({ 1, 2, 3, 4, 5 }))
print(pcall(deopt, { 1, 2, 3, 4.5, 5 }))
print(pcall(deopt, { 1, 2, 3, 4.0 }))
print(pcall(deopt, { 1, 2, {}, 4 }))
print(deopt({ 1, 2, "3", 4 }))

-- numeric for loops and comparisons with 64-bit bounds
local function bounds()
  local n = 0
  for i = 0x7ffffffffffffff0, 0x7fffffffffffffff do n = n + (i & 1) end
  for i = math.mininteger, math.mininteger + 10, 3 do n = n + (i >> 62) end
  local v = 0x7fffffffffffffff
  while v > 0x0fffffffffffffff do v = v >> 1; n = n + 1 end
  local w = -1
  while w ~= 0 do w = w << 8; n = n + 1 end
  return n, v, w
end
print(bounds())

-- integer division and modulo with negative operands in a loop (small and huge)
local function divmod()
  local r = {}
  local a = 0x7000000000000001
  for _, b in ipairs({ 3, -3, 7, -1, 0x100000000, -0x100000001 }) do
    local q, m = a // b, a % b
    local q2, m2 = -a // b, -a % b
    local q3, m3 = 17 // b, -17 % b
    r[#r + 1] = string.format("%d %d %d %d %d %d", q, m, q2, m2, q3, m3)
  end
  return table.concat(r, "\n")
end
print(divmod())

-- 64-bit work with operands of unknown type (table reads, call results): guarded as integers in compiled
-- code; floats, strings and tables take the interpreter's path (conversions, metamethods, errors)
local function fnv(t)
  local h = 0xcbf29ce484222325
  local p = 0
  for i = 1, #t do
    h = (h ~ t[i]) * 0x100000001b3
    p = p * 31 + (h >> 33) - t[i]
    if h < 0 then p = p ~ t[i] end
    if h > 0x4000000000000000 then p = p + 1 end
  end
  return h, p
end
print(fnv({ 1, 2, 3, 0x7fffffffffffffff, -1, 0x8000000000000000, 9007199254740993 }))
print(fnv({ 1, 2, 3.0, 4 }))
print(pcall(fnv, { 1, 2, 3.5, 4 }))
print(pcall(fnv, { 1, 2, "3", 4 }))
print(pcall(fnv, { 1, setmetatable({}, { __bxor = function(a, b) return 7 end, __sub = function() return 1 end }), 3 }))
print(pcall(fnv, { 1, {} }))
local bytes = {}
for i = 1, 200 do bytes[i] = (i * 37) % 256 end
print(fnv(bytes))

-- inside a coroutine (compiled code's generator variant): 64-bit registers across yields, a deopt after one
local co = coroutine.wrap(function(n, t)
  local h = 0xcbf29ce484222325
  for i = 1, n do
    h = (h ~ t[i]) * 0x100000001b3
    if i % 3 == 0 then coroutine.yield(h, h >> 60) end
  end
  return h
end)
print(co(8, { 1, 2, 3, 4, 5, 6.0, 7, 8 }))
print(co())
print(co())
