-- Calls whose last argument is a call (pending results) and natives' multi-result fast entries
-- (select, string.byte, next, pairs, ipairs) at compiled call sites, with the count of results changing
-- under the same sites.
local function pack(...) return select('#', ...), {...} end
local function show(...)
  local n, t = pack(...)
  for i = 1, n do t[i] = tostring(t[i]) end
  return n .. '[' .. table.concat(t, ',') .. ']'
end
local function none() end
local function one(x) return x end
local function two(x) return x, x * 2 end
local function many(x) return x, x + 1, x + 2, x + 3, x + 4 end
local function fixed2(a, b) return tostring(a) .. '/' .. tostring(b) end
local function vararg(...)
  local n = select('#', ...)
  return n .. ':' .. (n > 0 and tostring((select(-1, ...))) or '-')
end
local gens = {none, one, two, many}
local uses = {
  function(g, r) return show(g(r)) end, function(g, r) return show(1, g(r)) end,
  function(g, r) return fixed2(g(r)) end, function(g, r) return fixed2(0, g(r)) end,
  function(g, r) return vararg(g(r)) end, function(g, r) return vararg(1, 2, g(r)) end,
  function(g, r) return select('#', g(r)) end, function(g, r) return show(select(2, g(r))) end,
  function(g, r) return show(select(-1, g(r))) end, function(g, r) return show(math.max(r, g(r))) end,
  function(g, r) return show(string.char(65, g(r))) end, function(g, r) local a, b, c = select(1, g(r)); return show(a, b, c) end,
}

for round = 1, 8 do
  local g = gens[(round - 1) % 4 + 1]
  local out = {}
  for i, use in ipairs(uses) do
    local ok, r = pcall(use, g, round)
    out[i] = ok and tostring(r) or 'E(' .. r .. ')'
  end
  print(round, table.concat(out, ' '))
end

-- select: selectors of every kind (errors and coercions through the general entry)
local sels = {'#', 1, 2, 3, 4, -1, -2, -3, 2.0, '2', 0, -5, 2.5, math.maxinteger, math.mininteger, nil, true}
for round = 1, 2 do
  for i = 1, #sels + 1 do
    local s = sels[i]
    print(round, tostring(s), pcall(function() return show(select(s, 'a', 'b', 'c')) end))
    print(round, tostring(s), pcall(function() local x, y = select(s, 'a', 'b', 'c'); return show(x, y) end))
    print(round, tostring(s), pcall(function() local x = select(s, 'a', 'b'); return show(x) end))
    print(round, tostring(s), pcall(function() return show(select(s, one('z'))) end))
  end
end

-- string.byte with every position shape, all results wanted
local positions = {{}, {1}, {2}, {-1}, {0}, {9}, {1, 3}, {2, 4}, {1, 4}, {-3, -1}, {3, 1}, {-100, 2},
  {2, 100}, {1.0}, {'2'}, {1, 2.0}, {1.5}, {1, 0}, {0, 0}, {-2}}
for round = 1, 2 do
  for i, p in ipairs(positions) do
    local s = round == 1 and 'hello' or 'hi'
    local ok1, r1 = pcall(function() return show(s:byte(p[1], p[2])) end)
    local ok2, r2 = pcall(function() return show(string.byte(s, table.unpack(p, 1, #p))) end)
    print(round, i, ok1, r1, ok2, r2)
  end
  print(select(2, pcall(string.byte)), select(2, pcall(string.byte, true)), show(('x'):byte(1, -1)))
end

-- next with pending results: the key and value of the table's first entry
for round = 1, 3 do
  local t = round == 2 and {} or {k = round}
  print(round, show(next(t)), show(next(t, next(t))), pcall(function() return show(next(t, 'nope')) end))
end

-- gsub's two results through all-results sites, with replacements that take the general path
local reps = {'%0%0', {a = 'A'}, function(m) return m:upper() end, 5, setmetatable({}, {__index = function() return 'i' end})}
for round = 1, 2 do
  for i, r in ipairs(reps) do
    print(round, i, show(('banana'):gsub('a', r)), select(2, ('banana'):gsub('n', r)), show(('x'):gsub('y', r, 0)))
  end
  print(pcall(function() return show(('x'):gsub('(', 'y')) end))
end

-- tail calls of natives with multi-result entries: every count of results, and the general path
local function tnext(t, k) return next(t, k) end
local function tsel(n, ...) return select(n, ...) end
local function tbyte(s, i, j) return s:byte(i, j) end
local function tpairs(x) return pairs(x) end
local function tgsub(s, p, r) return s:gsub(p, r) end
for round = 1, 2 do
  print(round, show(tnext({})), show(tnext({4})), show(tnext({4}, 1)), pcall(tnext, {4}, 'no'))
  print(round, show(tsel(1, 'a', 'b', 'c')), show(tsel(3, 'a', 'b')), show(tsel('#')), show(tsel(-1, 'a', 'b')), pcall(tsel, 0, 'a'))
  print(round, show(tbyte('abcdef', 2, 4)), show(tbyte('abcdef', 1, 6)), show(tbyte('ab', 5)), show(tbyte('ab', -1)))
  local mtp = round == 2 and setmetatable({}, {__pairs = function() return 1, 2, 3, 4 end}) or {}
  local f, st, c = tpairs({})
  print(round, f == next, type(st), c, select("#", tpairs(mtp)), (select(3, tpairs(mtp))), show(tgsub('aaa', 'a', 'b')), show(tgsub('aaa', 'a', string.upper)))
  local n = 0
  for k, v in tnext, {1, 2, 3, x = 4} do n = n + v end
  print(round, n)
end
