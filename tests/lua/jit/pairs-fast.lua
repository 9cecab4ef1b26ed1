-- pairs/ipairs/next through compiled call sites' fast entries (one, two, three and all results): every
-- round reuses the same call sites after a metatable, argument or iterator changes under them.
local function show(...)
  local n = select('#', ...)
  local t = {}
  for i = 1, n do
    local v = select(i, ...)
    t[i] = type(v) == 'function' and (v == next and 'next' or 'fn') or type(v) == 'table' and 'tbl' or tostring(v)
  end
  return n .. ':' .. table.concat(t, ',')
end

local function allPairs(x) return pairs(x) end          -- tail call
local function allIpairs(x) return show(ipairs(x)) end  -- all results
local function three(x) local a, b, c = pairs(x); return show(a, b, c) end
local function two(x) local a, b = ipairs(x); return show(a, b) end
local function one(x) local a = pairs(x); return show(a) end
local function nextAll(t, k) return show(next(t, k)) end
local function count(x)
  local n = 0
  for k, v in pairs(x) do n = n + 1 end
  return n
end

local mt = {}
local obj = setmetatable({10, 20, 30}, mt)
for round = 1, 6 do
  if round == 3 then mt.__pairs = function(t) return function(_, k) if not k then return 1, 'mm' end end, t, nil end end
  if round == 4 then mt.__pairs = nil end
  if round == 5 then rawset(mt, '__pairs', function(t) return next, {a = 1, b = 2, c = 3, d = 4}, nil, nil end) end
  if round == 6 then mt.__index = function() return 'idx' end; mt.__pairs = nil end
  print(round, count(obj), select('#', allPairs(obj)), allIpairs(obj), three(obj), two(obj), one(obj))
  print(round, nextAll({}), nextAll({5}), nextAll({5}, 1), nextAll({x = 1}))
  for i, v in ipairs(obj) do io.write(i, '=', tostring(v), ' ') if i > 4 then break end end
  print()
end

-- pairs of non-tables: no error until the iterator runs
for round = 1, 3 do
  local f, s, c = pairs(round == 2 and 'str' or nil)
  print(round, f == next, s, c, pcall(f, s, c))
  print(pcall(function() for k in pairs(round == 3 and 42 or nil) do end end))
  print(pcall(pairs))
  print(pcall(ipairs))
  print(select('#', ipairs(nil)), select('#', pairs(false)))
end

-- __pairs on strings (the string metatable)
local smt = getmetatable('')
for round = 1, 3 do
  if round == 2 then smt.__pairs = function(s) return function(_, i) i = i + 1; if i <= #s then return i, s:sub(i, i) end end, s, 0 end end
  if round == 3 then smt.__pairs = nil end
  local out = {}
  local ok, err = pcall(function() for i, c in pairs('abc') do out[#out + 1] = i .. c end end)
  print(round, ok, err, table.concat(out, ' '))
end

-- ipairs stops at the first nil, honours __index (not __pairs), and its iterator replaced mid-loop
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * i end end})
for round = 1, 2 do
  local s = ''
  for i, v in ipairs(proxy) do s = s .. i .. ':' .. v .. ' ' end
  print(round, s)
  local t = {1, 2, nil, 4}
  s = ''
  for i, v in ipairs(t) do s = s .. v; if i == 1 then t[3] = 3 end end
  print(round, s)
end
