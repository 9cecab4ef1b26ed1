-- chains of frames unwound past the JS stack budget and resumed one after the other (runtime.ts enter's
-- loop): consecutive frames of different protos, and of one proto at different calls, must each continue
-- at their own call; a proto recompiled while unwound frames of it wait below
local a, b
function a(n, k)  -- two calls of b, results used differently
  if n == 0 then return k end
  if n % 3 == 0 then return b(n - 1, k) * 2 - k end
  local r = b(n - 1, k + 1)
  return r - 1
end
function b(n, k)  -- calls a at two sites, then a tail call
  if n == 0 then return k + 100 end
  local r
  if n % 2 == 0 then r = a(n - 1, k) + 3 else r = a(n - 1, k) - 2 end
  return r + (n % 5)
end
for _, n in ipairs({10, 3000, 5000, 7001}) do print(n, a(n, 1), b(n, 2)) end

-- ackermann-like: frames resumed by the thousand, each with one tail call
local function ack(m, k)
  if m == 0 then return k + 1 end
  if k == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, k - 1))
end
print(ack(2, 3), ack(3, 3), ack(3, 9))

-- f's parameter x is an integer until a deep call passes a float: f is recompiled without that
-- speculation while thousands of its frames wait unwound below; they continue with the new code
local function f(n, x, flip)
  if n == 0 then return x end
  local r
  if n == flip then r = f(n - 1, x + 0.5, flip) else r = f(n - 1, x, flip) end
  if n % 2 == 0 then return r + 1 end
  return r * 1
end
print(f(6000, 1, -1), f(6000, 1, 2500), f(6000, 3, -1), math.type(f(6000, 1, 10)))

-- errors and tracebacks from a frame resumed deep in a chain
local function g(n)
  if n == 0 then error("bottom") end
  local r = g(n - 1)
  if n == 4500 then error({at = n}) end
  return r
end
local ok, e = pcall(g, 5000)
print(ok, e)
local function h(n)
  if n == 0 then return 0 end
  local r = h(n - 1)
  if n == 4500 then error({at = n}) end
  return r + 1
end
ok, e = pcall(h, 5000)
print(ok, type(e), e.at)
