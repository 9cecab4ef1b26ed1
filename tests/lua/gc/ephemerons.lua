-- Weak-key tables are ephemerons: a value is kept only while its key is reachable from outside the entry.
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

local e = setmetatable({}, {__mode = "k"})
-- value refers to its own key: still collected
for i = 1, 5 do local k = {}; e[k] = {ref = k} end
collectgarbage()
print("self-referencing:", count(e))

-- a chain through values: k1 -> v1 -> k2 -> v2 -> ... only the head is held
local head = {}
local k = head
for i = 1, 50 do
  local nxt = {}
  e[k] = {next = nxt, i = i}
  k = nxt
end
collectgarbage()
local n, cur = 0, head
while e[cur] do n = n + 1; cur = e[cur].next end
print("chain kept:", n, count(e))
head = nil
collectgarbage()
print("chain dropped:", count(e))

-- a key reachable through another ephemeron table's value
local e2 = setmetatable({}, {__mode = "k"})
local root = {}
local mid = {}
e[root] = mid
e2[mid] = {"payload"}
collectgarbage()
print("across tables:", e2[mid][1])
root = nil
mid = nil
collectgarbage()
print("across tables dropped:", count(e), count(e2))

-- the ephemeron test of gc.lua (PUC's testes), reduced
local mt = {__mode = 'k'}
local a = {{10},{20},{30},{40}}; setmetatable(a, mt)
local x = nil
for i = 1, 100 do local n = {}; a[n] = {k = {x}}; x = n end
collectgarbage()
local m = x
local i = 0
while m do m = a[m].k[1]; i = i + 1 end
print("gc.lua chain:", i)
x = nil
collectgarbage()
for i = 1, 4 do assert(a[i][1] == i * 10); a[i] = undef end
print("gc.lua empty:", next(a) == nil)
