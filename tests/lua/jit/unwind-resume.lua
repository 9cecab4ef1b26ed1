-- frames unwound past the JS stack budget continue compiled (resume variants, runtime.ts resumeFrames)
-- deep recursion that unwinds compiled frames and resumes them at different call sites
local function sum(n)  -- call inside a numeric loop, result used after
  if n == 0 then return 0 end
  local s = 0
  for i = 1, 2 do
    if i == 1 then s = s + sum(n - 1) else s = s + n end
  end
  return s
end
print(sum(5000))

local function nested(n)  -- nested loops around the call, float accumulator
  if n <= 0 then return 0.5 end
  local acc = 0.25
  for i = 1, 2 do
    for j = 1, 1 do
      if i == 2 then acc = acc + nested(n - 1) * 1.0 end
    end
  end
  return acc
end
print(nested(4000))

local obj = {}
function obj:walk(n, ...)  -- method call, varargs frame
  if n == 0 then return select('#', ...), ... end
  local a, b, c = self:walk(n - 1, ...)
  return a, b, c
end
print(obj:walk(3000, "x", "y"))

local function multi(n)  -- multiple results, open results
  if n == 0 then return 1, 2, 3 end
  local x, y, z = multi(n - 1)
  return y, z, x + 1
end
print(multi(6000))

local function open(n)
  if n == 0 then return 7, 8 end
  return (select(1, open(n - 1)))
end
print(open(5000))

local function withpcall(n)
  if n == 0 then error("deep error") end
  if n % 1000 == 0 then
    local ok, e = pcall(withpcall, n - 1)
    return (ok and "ok" or "caught") .. ":" .. tostring(e):gsub("^.-:%d+: ", "")
  end
  local r = withpcall(n - 1)
  return r
end
print(withpcall(4500))

local function closing(n, log)
  if n == 0 then return 0 end
  local r = closing(n - 1, log)
  do
    local c <close> = setmetatable({}, {__close = function() log[#log + 1] = n end})
    r = r + 1
  end
  return r
end
local log = {}
print(closing(3000, log), #log, log[1], log[#log])

local function ack(m, k)
  if m == 0 then return k + 1 end
  if k == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, k - 1))
end
print(ack(2, 3000), ack(3, 7))

local function typeflip(n)  -- a register changes type in the interpreter between unwinding and resuming
  if n == 0 then return 1 end
  local k = n
  local r = typeflip(n - 1)
  if n % 2 == 0 then k = k + 0.5 end
  return r + k
end
print(typeflip(5000))

local function errafter(n)
  if n == 0 then return 0 end
  local r = errafter(n - 1)
  if n == 2500 then local t = nil; return t.x end
  return r + 1
end
local ok, e = pcall(errafter, 4000)
print(ok, e)
print(select(2, xpcall(errafter, function(m) return (debug.traceback(m, 1):gsub("\n[^\n]*%[C%][^\n]*", "")) end, 3000)):sub(1, 300))

local depth = 0
local function info(n)
  if n == 0 then return 0 end
  local r = info(n - 1)
  if n == 10 then depth = debug.getinfo(1, "l").currentline end
  return r + 1
end
print(info(4000), depth)

local function inf(n) return inf(n + 1) + 1 end
local ok2, e2 = pcall(inf, 1)
print(ok2, e2)
