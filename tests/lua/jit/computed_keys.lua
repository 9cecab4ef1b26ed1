-- Tables whose string keys come from computed values (`t[k] = v`, dictionary storage from the first key),
-- read back by constant names and by computed keys; small Map parts searched linearly and grown past their
-- linear size; lists grown at the end; table.sort/table.concat fast entries. Output is order-independent
-- where Lua leaves traversal order unspecified.

local function sorted_pairs(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  table.sort(ks)
  return table.concat(ks, ",")
end

-- computed string keys, then constant-name reads and writes (GETFIELD/SETFIELD on a dictionary table)
local function build(names)
  local o = {}
  for i, n in ipairs(names) do o[n] = i end
  return o
end
for round = 1, 3 do
  local o = build({"x", "y", "name", "z" .. round})
  print(o.x, o.y, o.name, o.w, o["z" .. round], sorted_pairs(o))
  o.x = o.x + 10          -- existing key by name
  o.w = "new"             -- new key by name
  o.y = nil               -- removal by name
  print(o.x, o.y, o.w, sorted_pairs(o))
  o.y = 5                 -- revival
  print(o.y, rawget(o, "y"), next({}) == nil)
end

-- a first nil store does not create anything; dead keys then new keys
local d = {}
d["gone" .. 1] = nil
print(next(d))
for i = 1, 20 do d["k" .. i] = i end
for i = 1, 20, 2 do d["k" .. i] = nil end
for i = 21, 40 do d["k" .. i] = i end
local n, sum = 0, 0
for k, v in pairs(d) do n = n + 1; sum = sum + v end
print(n, sum, d.k2, d.k3, d.k40)

-- assignments to existing fields during traversal keep next() valid
local t = build({"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"})
for k, v in pairs(t) do t[k] = v * 2 end
for k in pairs(t) do t[k] = nil end
print(next(t))

-- small Map parts: non-string keys found linearly, then through a Map past 8 keys
local m = {}
local keys = {true, false, 1.5, -2.25, {}, print, 2^63, -1/0}
for i, k in ipairs(keys) do m[k] = i end
for i, k in ipairs(keys) do assert(m[k] == i) end
print(m[true], m[false], m[1.5], m[2^63], m[-1/0], m[3.5])
for i = 1, 30 do m[i + 0.75] = i end
for i, k in ipairs(keys) do assert(m[k] == i) end
local cnt = 0
for k, v in pairs(m) do cnt = cnt + 1; m[k] = v end
print(cnt, m[10.75], m[true])
print(pcall(next, m, 99.5))
print(pcall(next, {[1.5] = 1}, 2.5))
m[true] = nil
print(m[true], (pcall(next, m, true)))

-- lists grown at the end; borders with holes after growth
local l = {}
for i = 1, 100 do l[#l + 1] = i end
print(#l, l[64], l[65], l[100])
l[100] = nil
l[#l + 1] = "again"
print(#l, l[100])
local h = {}
for i = 1, 10 do h[i] = i end
h[5] = nil
h[11] = 11
h[12] = 12
print(#h == 12 or #h == 4, h[11], h[12])

-- table.sort and table.concat fast entries (and their errors through the general entries)
local words = {"pear", "apple", "fig", "banana", "kiwi", "cherry"}
table.sort(words)
print(table.concat(words, " "))
local nums = {5, -1, 3.5, 2, 0, -7.25, 8}
table.sort(nums)
print(table.concat(nums, ","))
print(pcall(table.sort, {1, "x", 2}))
print(pcall(table.sort, {3, 0 / 0, 1}))
local function cat(x) return table.concat(x) end
print(pcall(cat, {"a", {}, "c"}))
print(table.concat({}), table.concat({1, 2.5, "z"}), table.concat({"a", "b"}, ", "))
for size = 1, 20 do
  local u = {}
  for j = 1, size do u[j] = (j * 7919) % 23 end
  table.sort(u)
  for j = 2, size do assert(u[j - 1] <= u[j]) end
  local s = {}
  for j = 1, size do s[j] = tostring((j * 104729) % 97) end
  table.sort(s)
  for j = 2, size do assert(s[j - 1] <= s[j]) end
end
print("done")

-- tostring's fast entry on booleans, and a __tostring given to booleans later
local function ts(v) return tostring(v) end
print(ts(true), ts(false), ts(nil))
debug.setmetatable(true, {__tostring = function(b) return b and "YES" or "NO" end})
print(ts(true), ts(false))
debug.setmetatable(true, {__name = "Bool"})
print(ts(true), ts(false))
debug.setmetatable(true, nil)
print(ts(true), ts(false))
