-- Constant-name reads (t.name) of tables whose string keys live in the
-- dictionary part: many keys, keys removed and re-added, rehashes moving
-- slots, several dictionaries and record tables at one site, __index behind.
local function make(n, prefix)
  local t = {}
  for i = 1, n do t[prefix .. i] = i end
  return t
end

local function read(t) return t.k7, t.k33, t.zz end

local a = make(40, "k")
local b = make(50, "k")
for i = 1, 50 do b["k" .. i] = i * 100 end
local r = { k7 = "rec7", k33 = "rec33" }
local results = {}
for round = 1, 6 do
  for _, t in ipairs({ a, b, r, a }) do
    local x, y, z = read(t)
    results[#results + 1] = tostring(x) .. "/" .. tostring(y) .. "/" .. tostring(z)
  end
  if round == 2 then a.k7 = nil end                -- dead key in its slot
  if round == 3 then a.k7 = "back" end              -- revived in place
  if round == 4 then                                -- rehash: slots move
    for i = 41, 200 do a["n" .. i] = i end
    for i = 1, 30 do a["k" .. i] = nil end
    for i = 201, 400 do a["m" .. i] = i end
    a.k7 = "moved"
  end
  if round == 5 then
    setmetatable(b, { __index = function(_, k) return "idx:" .. k end })
    b.k33 = nil
  end
end
print(table.concat(results, " "))

-- same key, many dictionaries in turn
local dicts = {}
for d = 1, 8 do
  local t
  if d % 2 == 0 then t = make(35 + d, "k")
  else t = {}; for i = 35 + d, 1, -1 do t["k" .. i] = -i end end
  t.k7 = "d" .. d
  dicts[d] = t
end
local acc = {}
for rep = 1, 3 do
  for d = 1, 8 do acc[#acc + 1] = (read(dicts[d])) end
end
print(table.concat(acc, ","))

-- globals table in dictionary mode
for i = 1, 60 do _ENV["glob" .. i] = i end
local function g() return glob5, glob60, glob61 end
for i = 1, 3 do print(g()) end
glob5 = nil
print(g())
glob61 = "new"
print(g())
