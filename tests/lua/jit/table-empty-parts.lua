-- Tables created without an array part (they share storage until they grow one), records built field by
-- field, and traversals interleaved across tables (next's position hint is not per table).
local function show(t)
  local keys = {}
  for k, v in pairs(t) do keys[#keys + 1] = tostring(k) .. "=" .. tostring(v) end
  table.sort(keys)
  return #t .. " {" .. table.concat(keys, ",") .. "}"
end
for round = 1, 3 do
  local made = {}
  for i = 1, 40 do
    local t = {}
    if i % 5 == 0 then t[1] = i end
    if i % 5 == 1 then for j = 1, i % 20 do t[j] = j * i end end
    if i % 5 == 2 then t.x = i; t.y = i + 1 end
    if i % 5 == 3 then t[i] = true; t[i + 1] = true end
    if i % 5 == 4 then table.insert(t, i); table.insert(t, 1, -i) end
    made[i] = t
  end
  local fresh = {}
  print(round, show(fresh), #fresh, next(fresh))
  for i = 1, 40, 7 do print(i, show(made[i])) end
  -- constructors with positional nils and varargs
  local function pack(...) return {...} end
  local a, b, c = {nil, nil, 3}, pack(nil, 2, nil), {n = 1, nil, 5}
  print(show(a), show(b), show(c), select('#', table.unpack(a, 1, 3)))
  local e1, e2 = {}, {}
  e1[3] = "x"
  print(show(e1), show(e2), rawlen(e2), e2[1], e2[0])
  -- a list growing from empty by t[#t + 1], then emptied and reused
  local l = {}
  for i = 1, 20 do l[#l + 1] = i end
  for i = 20, 1, -1 do l[i] = nil end
  print(show(l), show({}))
  l[1] = "again"
  print(show(l))
end
-- records built one field at a time, including fields cleared and set again
local recs = {}
for i = 1, 50 do
  local r = {}
  r.name = "n" .. i; r.id = i
  if i % 3 == 0 then r.extra = true end
  if i % 4 == 0 then r.id = nil; r.id = -i end
  if i % 6 == 0 then r.name = nil end
  recs[i] = r
end
print(show(recs[1]), show(recs[4]), show(recs[6]), show(recs[12]))
-- interleaved traversals of two tables with next (hash and map parts)
local p, q = {a = 1, b = 2, c = 3, d = 4}, {[1.5] = "x", [true] = "y", [2.5] = "z", w = "v"}
local kp, kq = nil, nil
local seenp, seenq = 0, 0
repeat
  local vp, vq
  kp, vp = next(p, kp)
  kq, vq = next(q, kq)
  if kp ~= nil then seenp = seenp + vp end
  if kq ~= nil then seenq = seenq + 1 end
until kp == nil and kq == nil
print("interleaved", seenp, seenq)
-- nested pairs over the same record and another one
local total = 0
for k1, v1 in pairs(p) do
  for k2, v2 in pairs(p) do
    for _, v3 in pairs(q) do total = total + v1 * v2 + #v3 end
  end
end
print("nested", total)
-- clearing during traversal is allowed
local big = {}
for i = 1, 30 do big["k" .. i] = i end
local n = 0
for k in pairs(big) do big[k] = nil; n = n + 1 end
print("cleared", n, next(big))
print(pcall(next, p, "zz"), pcall(next, q, 3.5))
