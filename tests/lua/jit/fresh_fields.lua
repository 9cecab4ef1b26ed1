-- Fields stored into a table right after its constructor (compiled without the checks for metatables and
-- existing keys), and the cases that must keep them: a join point bringing another table (or a non-table)
-- into the register, duplicate keys, nil fields, many fields, and traversal order afterwards.
local mt = {__newindex = function(t, k, v) rawset(t, k, 'mt:' .. tostring(v)) end}
local function pick(c, old)
  local t = old
  if c then t = {} end
  t.x = 1
  t.y = nil
  t.z = 3
  return t
end
for round = 1, 3 do
  local a = pick(true, nil)
  print(a.x, a.y, a.z, getmetatable(a))
  local b = pick(false, setmetatable({}, mt))
  print(rawget(b, 'x'), rawget(b, 'y'), rawget(b, 'z'))
  local c = pick(false, setmetatable({x = 'old'}, mt))
  print(rawget(c, 'x'), rawget(c, 'z'))
  print(pcall(pick, false, nil))
  print(pcall(pick, false, 'str'))
end

local function ctor(a, b)
  local t = {name = a, value = b, kids = {}, gone = nil, mark = 0, name2 = a and a .. '!', flag = b ~= nil}
  return t
end
for round = 1, 3 do
  local t = ctor('n', round)
  print(t.name, t.value, #t.kids, t.gone, t.mark, t.name2, t.flag)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  print(table.concat(keys, ' '))
  t = ctor(nil, nil)
  keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  print(table.concat(keys, ' '), t.name2, t.flag)
end

-- duplicate keys: the later value wins
local d = {k = 1, k = 2, j = nil, j = 5}
print(d.k, d.j)
-- more fields than the constructor declared, then a field assigned after it
local function many(v)
  local t = {a = v, b = v, c = v}
  t.d = v; t.e = v; t.f = v; t.g = v; t.h = v; t.i = v
  return t
end
local m = many(7)
local n = 0
for _ in pairs(m) do n = n + 1 end
print(n, m.a, m.i)
-- a field assigned from the table itself and a method-style store
local s = {}
s.self = s
s.f = function() return s.self == s end
print(s.f(), s.self == s)
-- next() over a fresh table with nil fields in between
local q = {a = 1, b = nil, c = 3}
q.d = nil
q.e = 5
local cnt = 0
for k, v in pairs(q) do cnt = cnt + v end
print(cnt)
-- a nil field of a constructor is no key: setting it later (raw and not) adds exactly one key
for round = 1, 2 do
  local t = ctor('n', round)
  rawset(t, 'gone', 'back')
  local u = ctor('m', round)
  u.gone = 'again'
  local nt, nu = 0, 0
  for k in pairs(t) do nt = nt + 1 end
  for k in pairs(u) do nu = nu + 1 end
  print(nt, nu, t.gone, u.gone, next({a = nil}))
end
