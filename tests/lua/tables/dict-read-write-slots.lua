-- Dictionary-mode tables (many string keys): a store right after a read of the same key, of another key,
-- or of the same key in another table whose slots are laid out differently.
local a, b = {}, {}
for i = 1, 300 do a["k" .. i] = i end
for i = 300, 1, -1 do b["k" .. i] = -i end
local sum = 0
for i = 1, 300 do
  local k = "k" .. i
  local v = a[k]            -- read in a
  b[k] = (b[k] or 0) + v    -- read then write in b (same key, other slot)
  a[k] = v * 2              -- write in a after a read in b
  local k2 = "k" .. (301 - i)
  local w = a[k2]
  b[k] = b[k] + w           -- write of k after a read of k2
  sum = sum + a[k] + b[k]
end
print(sum)
-- a read, a rehash (new keys), then a store to the key read before the rehash
local c = {}
for i = 1, 100 do c["x" .. i] = i end
local old = c.x50
for i = 101, 400 do c["x" .. i] = i end
c.x50 = old + 1000
print(c.x50, c.x1, c.x400)
-- clearing and reviving
for i = 1, 100 do c["x" .. i] = nil end
local n = 0
for k, v in pairs(c) do n = n + 1 end
print(n, c.x50)
c.x50 = c.x200
print(c.x50)
-- non-string keys in the map part too
local d = {}
for i = 1, 200 do d[i + 0.5] = i; d["s" .. i] = i end
for i = 1, 200 do d[i + 0.5] = (d[i + 0.5] or 0) + (d["s" .. (201 - i)] or 0) end
local s = 0
for i = 1, 200 do s = s + d[i + 0.5] end
print(s)
