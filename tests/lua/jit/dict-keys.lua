-- Big dictionaries: short and long (over 40 bytes) string keys and other key types in one Map part; keys made
-- at run time (concat, sub, gmatch, upper) must find the entries stored under equal strings made otherwise;
-- traversal while assigning and clearing, dead keys, next. Output is order-independent (sorted).
local function sorted_keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  table.sort(ks)
  return ks
end

local long = string.rep("x", 41)
local t = {}
for i = 1, 3000 do
  t["k" .. i] = i                    -- short strings
  t[long .. i] = -i                  -- long strings (Map)
  t[i + 0.5] = i                     -- floats
  t[-i] = i                          -- integers outside the array part
end
t[true] = "yes"; t[false] = "no"
local tk = {}; t[tk] = "table"
print(t.k1, t.k3000, t["k" .. 1500], t[long .. "77"], t[2.5], t[-3000], t[true], t[false], t[tk])
-- the same strings made differently: sub, gmatch, upper/lower, format, concat of parts
local s = "k12 k999 K7 k2999x"
local found = {}
for w in s:gmatch("%w+") do found[#found + 1] = tostring(t[w]) .. "/" .. tostring(t[w:lower()]) end
print(table.concat(found, " "))
print(t[("xk42"):sub(2)], t[string.format("k%d", 2048)], t[("K100"):lower()], t[long:sub(1, 20) .. long:sub(21) .. "5"])
-- counters: read then write the same key, new keys, nil-ing keys
local freq = {}
local text = {}
for i = 1, 20000 do text[i] = "w" .. (i * 7919 % 613) end
text = table.concat(text, " ")
for w in text:gmatch("%a%d+") do freq[w] = (freq[w] or 0) + 1 end
for w in text:gmatch("(%a%d+)%s") do local u = w:upper(); freq[u] = (freq[u] or 0) + 1 end
local n, total = 0, 0
for k, v in pairs(freq) do n = n + 1; total = total + v end
print(n, total, freq.w0, freq.W0, freq.w612, freq.W612)
-- traversal while assigning existing fields and clearing others
local cnt = 0
for k, v in pairs(freq) do
  cnt = cnt + 1
  if type(k) == "string" and k:sub(1, 1) == "W" then freq[k] = nil else freq[k] = v * 2 end
end
local n2, total2 = 0, 0
for k, v in pairs(freq) do n2 = n2 + 1; total2 = total2 + v end
print(cnt, n2, total2, freq.W1, freq.w1)
-- dead keys come back, next after a dead key
freq.W1 = 5
print(freq.W1, next(freq, "w1") ~= nil)
for _, k in ipairs({"w1", "W2", long .. "1"}) do
  local ok, err = pcall(next, freq, k)
  print(k:sub(1, 4), ok, ok and "" or err)
end
-- next over t from every kind of key reaches the end exactly once per key
local seen, steps = {}, 0
local k = next(t)
while k ~= nil do
  steps = steps + 1
  seen[k] = (seen[k] or 0) + 1
  k = next(t, k)
end
local dup = 0
for _, c in pairs(seen) do if c ~= 1 then dup = dup + 1 end end
print(steps, dup)
local ks = sorted_keys(freq)
print(#ks, ks[1], ks[#ks])
-- many keys sharing a prefix and a length (probing), then all removed and re-added
local p = {}
for i = 1, 5000 do p[string.format("key%06d", i)] = i end
local sum = 0
for i = 1, 5000 do sum = sum + p[string.format("key%06d", i)] end
for i = 1, 5000, 2 do p[string.format("key%06d", i)] = nil end
local left = 0
for _ in pairs(p) do left = left + 1 end
for i = 1, 5000, 2 do p[string.format("key%06d", i)] = -i end
local sum2 = 0
for _, v in pairs(p) do sum2 = sum2 + v end
print(sum, left, sum2, p.key000001, p.key005000, p.key005001)
