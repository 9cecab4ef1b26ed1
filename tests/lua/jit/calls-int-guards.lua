-- Entry guards of integer-speculated parameters (int32 test first, then the general integer test) and the
-- single pending result of a call passed on as the last argument (f(x, g(y)), return f(g(x)), self tail
-- calls): values beyond int32, floats, -0.0, strings, and calls returning zero, one or several values.
local function ack(m, k)
  if m == 0 then return k + 1 end
  if k == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, k - 1))
end
for i = 1, 30 do ack(2, i) end
local B31, B40, B53 = 1 << 31, 1 << 40, (1 << 53) - 2
print(ack(2, 3), ack(0, B31), ack(0, -B31 - 5), ack(0, B53), ack(0, B40), ack(1, B31 - B31 + 3), ack(0, 1 << 62))
print(pcall(ack, 0, 2.5), pcall(ack, 0, 1.0), pcall(ack, 0, -0.0), pcall(ack, 0, "7"))
print(math.type(ack(0, 3.0)), math.type(ack(0, 3)), math.type(ack(0, 2^31)), math.type(ack(0, B31)))

local function down(n, acc)
  if n == 0 then return acc end
  return down(n - 1, acc + n)
end
for i = 1, 30 do down(i, 0) end
print(down(10, B40), down(3, 0.5), down(B31 + 2 - B31, 1), down(2.0, 1), pcall(down, 2, {}))

-- a pending single result feeding a self tail call / a call / a tail call
local function none() end
local function two(x) return x, x + 1 end
local function one(x) return x end
local function pick(k, v)
  if k <= 0 then return v end
  return pick(k - 1, one(v))
end
local function picknone(k, v)
  if k <= 0 then return v end
  return picknone(k - 1, none(v))
end
local function picktwo(k, v, w)
  if k <= 0 then return v, w end
  return picktwo(k - 1, two(v))
end
for i = 1, 30 do pick(3, i); picknone(3, i); picktwo(3, i) end
print(pick(5, 7), pick(3, B40), pick(2, 1.5), pick(2, "s"), picknone(2, 9), picktwo(2, 5, 0))

local function sum(...) local s = 0 for _, x in ipairs({...}) do s = s + x end return s, select('#', ...) end
local function relay(f, x) return f(1, one(x)) end
local function relay0(f, x) return f(1, none(x)) end
local function relay2(f, x) return f(1, two(x)) end
local function callp(f, x) local a, b = f(2, one(x)) return a, b end
local function callp2(f, x) local a, b = f(2, two(x)) return a, b end
for i = 1, 30 do relay(sum, i); relay0(sum, i); relay2(sum, i); callp(sum, i); callp2(sum, i) end
print(relay(sum, 10), relay0(sum, 10), relay2(sum, 10), callp(sum, 3), callp2(sum, 3))
print(relay(print, "p"), relay(select, "#"), callp(math.max, 9))

-- the same with a to-be-closed variable in the function (pending values kept in a fresh array)
local function withtbc(k, v)
  local c <close> = setmetatable({}, { __close = function() end })
  if k <= 0 then return v end
  return withtbc(k - 1, one(v))
end
for i = 1, 30 do withtbc(2, i) end
print(withtbc(3, 11), withtbc(2, B40), withtbc(1, 0.25))

-- errors keep their messages and tracebacks through these paths
print(pcall(ack, nil, 1))
print(pcall(pick, 1, nil), pcall(relay, nil, 1))
print(select(2, pcall(relay, nil, 1)))
