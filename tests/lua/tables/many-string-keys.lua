-- Record-mode tables past 20 string keys added at run time (rawset, computed keys, globals): the string part
-- is rebuilt once as a fast object; every key, value, dead key and traversal must stay as before.
local function sorted(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  table.sort(ks)
  return table.concat(ks, ",")
end

local odd = {"__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "", "\0", "\255x", "1", "07",
  "length", "prototype", "__index", "then", "a b", "é"}

-- computed keys through rawset and t[k] = v
for _, n in ipairs({19, 20, 21, 25, 26, 32, 33, 40}) do
  local t = {}
  for i = 1, n do
    local k = odd[i] or ("k" .. i)
    if i % 2 == 0 then rawset(t, k, i) else t[k] = i end
  end
  local sum, cnt = 0, 0
  for k, v in pairs(t) do sum = sum + v; cnt = cnt + 1 end
  print(n, cnt, sum, t.__proto__, t.constructor, t["\0"], t["1"], t[1], rawget(t, "toString"))
  -- clear some keys, traverse while clearing, re-add
  for k in pairs(t) do if t[k] % 3 == 0 then t[k] = nil end end
  local left = 0
  for _ in pairs(t) do left = left + 1 end
  t.__proto__ = "back"; t["07"] = 7; t.newkey = true
  print(left, t.__proto__, t["07"], t.newkey, t.toString, #sorted(t))
end

-- field stores by constant name after the rebuild keep going to the same table
local r = {}
for i = 1, 22 do r["f" .. i] = i end
r.x = 1; r.y = 2; r.f3 = nil; r.f3 = 33
print(r.x, r.y, r.f3, r.f22, r.f21 + r.f20)
print(sorted(r))

-- a table of 20+ keys from a constructor with nil fields
local c = {a = 1, b = nil, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8, i = 9, j = 10, k = 11, l = 12, m = 13, n = 14,
  o = 15, p = 16, q = 17, r = 18, s = 19, t = 20, u = 21, v = nil, w = 23}
print(sorted(c), c.w, c.b, c.v)

-- the global table with many globals, read and written by name
for i = 1, 12 do _G["g" .. i] = i * 10 end
g13 = 130
print(g1, g12, g13, type(print), math.floor(2.5), string.rep("ab", 2))
g5 = nil
print(g5, rawget(_G, "g5"), g6)
local n = 0
for k in pairs(_G) do if type(k) == "string" and k:match("^g%d+$") then n = n + 1 end end
print(n)

-- next() continues correctly across the rebuild when keys are only assigned during traversal
local big = {}
for i = 1, 24 do big["key" .. i] = i end
local seen = 0
for k, v in pairs(big) do big[k] = v * 2; seen = seen + 1 end
print(seen, big.key1, big.key24)
