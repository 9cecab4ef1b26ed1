-- next/pairs and keys: normalisation, errors, modification during traversal (never printing pairs order)
local function sortedkeys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  table.sort(ks)
  return table.concat(ks, " ")
end

print(next({}))
print(pcall(next, {}, "x"))
print(pcall(next, {a = 1}, "b"))
print(pcall(next, {1, 2}, 3))
print(pcall(next, {1, 2}, 2.5))
print(pcall(next, {}, {}))
print(pcall(next))
print(pcall(next, 1))
print(pcall(function() return next({}, 1) end))
print(next({10}), next({10}, 1))
print(pcall(next, {10}, 1.0))
print(pcall(next, {[5] = 1}, 5.0))
print(pcall(next, {[2^63] = 1}, 2^63))
print(next({[2^53] = true}))
print(next({[2^63] = true}))
print(next({[1/0] = true}))
print(next({[-1/0] = "m"}))
print(next({[1.5] = "f"}))
print(next({[-0.0] = "z"}))
print(math.type(next({[3.0] = 1})), math.type(next({[2^63] = 1})))

-- nil and NaN keys
print(pcall(function() local t = {}; t[nil] = 1 end))
print(pcall(function() local t = {}; t[0/0] = 1 end))
print(pcall(rawset, {}, nil, 1))
print(pcall(rawset, {}, 0/0, 1))
print(({})[nil], ({})[0/0])
print(pcall(function() return {[nil] = 1} end))
print(pcall(function() local k; return {[k] = 1} end))

-- mixed keys
local t = {10, 20, 30, x = 1, y = 2, [1.5] = "f", [true] = "t", [-1] = "neg", [0] = "zero"}
print(sortedkeys(t))
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(n)

-- clearing every field during traversal is allowed
for k in pairs(t) do t[k] = nil end
print(next(t), sortedkeys(t))
-- assigning existing fields during traversal is allowed
local u = {}
for i = 1, 50 do u[i] = i; u["k" .. i] = i; u[i + 0.5] = i end
local sum = 0
for k, v in pairs(u) do u[k] = v * 2; sum = sum + v end
local sum2 = 0
for k, v in pairs(u) do sum2 = sum2 + v end
print(sum, sum2)
-- clearing half of the fields while traversing
local count = 0
for k, v in pairs(u) do
  count = count + 1
  if type(k) == "number" and k % 2 == 0 then u[k] = nil end
end
local left = 0
for _ in pairs(u) do left = left + 1 end
print(count, left)

-- ipairs stops at the first nil; honours __index
local arr = {1, 2, nil, 4}
local c = 0
for i, v in ipairs(arr) do c = c + 1 end
print(c)
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 100 end end})
local got = {}
for i, v in ipairs(proxy) do got[#got + 1] = v end
print(table.concat(got, " "))

-- many keys of many kinds, removed and added again
local big = {}
for i = 1, 1000 do big["s" .. i] = i; big[i * 3] = i; big[i + 0.25] = i end
for i = 1, 1000, 2 do big["s" .. i] = nil; big[i * 3] = nil; big[i + 0.25] = nil end
local cnt = 0
for _ in pairs(big) do cnt = cnt + 1 end
print(cnt)
for i = 1, 1000, 2 do big["s" .. i] = -i end
cnt = 0
local total = 0
for k, v in pairs(big) do cnt = cnt + 1; total = total + v end
print(cnt, total)

-- a queue with ever-new string keys
local q = {}
for i = 1, 10000 do
  q["job" .. i] = i
  if i > 5 then q["job" .. (i - 5)] = nil end
end
print(sortedkeys(q))
-- a queue over integer keys
local iq, head = {}, 1
for i = 1, 10000 do
  iq[i] = i
  if i - head >= 5 then iq[head] = nil; head = head + 1 end
end
print(sortedkeys(iq))

-- tostring of tables has the usual form
print(tostring({}):match("^table: 0x%x+$") ~= nil)
local t1, t2 = {}, {}
print(tostring(t1) == tostring(t1), tostring(t1) ~= tostring(t2))
