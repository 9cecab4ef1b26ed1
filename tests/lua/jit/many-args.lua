-- calls with more arguments than a compiled function takes as JS arguments (runtime.ts MAX_SPREAD) run
-- interpreted, as lua5.4 runs them: never a JS stack overflow
local t = {}
for i = 1, 150000 do t[i] = i % 7 end
local N = #t
local function count(...) return select('#', ...) end
local function last(...) local n = select('#', ...); return n, (select(n, ...)) end
local function fixed(a, b) return a, b end
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + (select(i, ...)) end
  return s
end

local function callers(k)
  local a = count(table.unpack(t, 1, k))           -- call with expanded arguments
  local b, c = last(table.unpack(t, 1, k))
  local d, e = fixed(table.unpack(t, 1, k))        -- non-vararg callee: extras dropped
  local f = select('#', pcall(count, table.unpack(t, 1, k)))
  return a, b, c, d, e, f
end
local function tail(k) return count(table.unpack(t, 1, k)) end
local function forward(...) return count(...) end
local function forward2(...) local r = last(...); return r end

for _, k in ipairs{3, 1023, 1024, 1025, 5000, N} do
  print(k, callers(k))
  print(k, tail(k), forward(table.unpack(t, 1, k)), forward2(table.unpack(t, 1, k)))
end
print(sum(table.unpack(t, 1, 3000)))

-- deep in a recursion past the JS stack budget
local function rec(n)
  if n == 0 then return count(table.unpack(t)) end
  local r = rec(n - 1)
  if n % 500 == 0 then r = r + count(table.unpack(t)) - N end
  return r
end
print(rec(6000))

-- a native calling back with many arguments, a method call, a metamethod
print(select('#', xpcall(count, debug.traceback, table.unpack(t))))
local obj = { m = function(self, ...) return select('#', ...) end }
print(obj:m(table.unpack(t)))
local mt = { __call = function(self, ...) return select('#', ...) end }
print(setmetatable({}, mt)(table.unpack(t)))
print(string.format('%d', #string.char(table.unpack(t, 1, 4000))))
