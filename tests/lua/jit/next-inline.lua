-- Generic for over next / ipairs' iterator, stepped inline by compiled code: traversal order, assignments
-- and clearing during traversal, invalid keys, non-table states, replaced iterator state, float and boxed keys.
local function keys(t)
  local out = {}
  for k, v in pairs(t) do out[#out + 1] = tostring(k) .. '=' .. tostring(v) end
  return table.concat(out, ' ')
end

-- the same loops over tables of every layout (array, record, dictionary, mixed, sparse, odd keys)
local dict = {}
for i = 1, 40 do dict['k' .. (i * 7 % 40)] = i end
local odd = {[1.5] = 'a', [true] = 'b', [math.huge] = 'c', [-math.huge] = 'd', [2^63] = 'e', [0] = 'f', [-1] = 'g'}
local layouts = {{1, 2, 3}, {x = 1, y = 2}, dict, {1, 2, x = 3, [10] = 4, [20.5] = 5}, odd, {}, {nil, nil, 3}}
for round = 1, 2 do
  for i, t in ipairs(layouts) do
    local n, sum = 0, 0
    for k, v in pairs(t) do n = n + 1; if type(v) == 'number' then sum = sum + v end end
    local n2 = 0
    for k in next, t do n2 = n2 + 1 end
    local n3 = 0
    for k, v, extra in next, t, nil do n3 = n3 + 1; assert(extra == nil) end
    print(round, i, n, sum, n2, n3)
  end
end

-- assigning existing fields and clearing fields during traversal (allowed by Lua)
for round = 1, 2 do
  local t = {}
  for i = 1, 20 do t['f' .. i] = i; t[i] = i end
  local visits = 0
  for k, v in pairs(t) do
    visits = visits + 1
    if type(k) == 'number' and k % 2 == 0 then t[k] = nil end
    if type(k) == 'string' then t[k] = v * 10 end
    if k == 'f3' then t.f4 = nil; t.f5 = nil end
  end
  local total = 0
  for k, v in pairs(t) do total = total + v end
  print(round, visits >= 38 and visits <= 40, total)  -- (f4, f5 may come before f3: the order is the table's)
  -- clearing everything while traversing, then collecting
  for k in pairs(t) do t[k] = nil end
  collectgarbage()
  print(round, next(t))
end

-- invalid keys: a key that is not in the table, a float key with an integer value, keys of other types
local t = {10, 20, x = 1, [2.5] = 'h'}
for _, start in ipairs({'nope', 1.0, 3, 2.5, 'x', 7, {}, 2^53}) do
  local ok, err = pcall(function()
    local n = 0
    for k, v in next, t, start do n = n + 1 end
    return n
  end)
  print(tostring(start):sub(1, 5), ok, ok and (err <= 3) or err)
end

-- non-table states
for _, s in ipairs({'str', 42, true}) do
  print(pcall(function() for k in next, s do end end))
  print(pcall(function() for k in pairs(s) do end end))
end
print(pcall(function() for k in next, nil do end end))

-- ipairs' iterator with odd control values and tables
local iaux = ipairs({})
local arr = {1, 2, 3, [5] = 5}
local big = {}
big[math.maxinteger] = 'max'
for round = 1, 2 do
  local out = {}
  for i, v in iaux, arr, -2 do out[#out + 1] = i .. ':' .. tostring(v) end
  for i, v in iaux, arr, 3 do out[#out + 1] = i .. ':' .. tostring(v) end
  for i, v in iaux, arr, 1.0 do out[#out + 1] = math.type(i) .. ':' .. tostring(v) end
  for i, v in iaux, arr, 4 do out[#out + 1] = i .. ':' .. tostring(v) end
  for i, v in iaux, big, math.maxinteger - 1 do out[#out + 1] = tostring(i) .. ':' .. tostring(v) end
  local hashed = {}
  for i = 4, 1, -1 do hashed[i] = i * 11 end
  for i, v in ipairs(hashed) do out[#out + 1] = i .. ':' .. v end
  print(round, table.concat(out, ' '))
  print(pcall(function() for i, v in iaux, 'abc', 0 do end end))
  print(pcall(function() for i, v in iaux, arr, 'x' do end end))
  local mt = setmetatable({}, {__index = function(_, i) if i < 4 then return -i end end})
  local s = ''
  for i, v in ipairs(mt) do s = s .. v end
  print(round, s)
end

-- the loop's state replaced through debug.setlocal while iterating
for round = 1, 2 do
  local a, b = {1, 2, 3, 4}, {x = 'bx', y = 'by'}
  local seen = {}
  for k, v in next, a do
    seen[#seen + 1] = tostring(k) .. tostring(v)
    if k == 2 then
      local i = 1
      while true do
        local name = debug.getlocal(1, i)
        if name == nil then break end
        -- the four hidden variables are all '(for state)': iterator, state, control, closing
        if name == '(for state)' and select(2, debug.getlocal(1, i)) == a then
          debug.setlocal(1, i, b)
          debug.setlocal(1, i + 1, nil)
          break
        end
        i = i + 1
      end
    end
    if #seen > 10 then break end
  end
  table.sort(seen) -- (b's keys come in its hash order, which varies between lua5.4 runs)
  print(round, table.concat(seen, ' '))
end

-- a __pairs metamethod, and next itself replaced in the global table (pairs keeps the real next)
local proxy = setmetatable({}, {__pairs = function(t) return function(_, k) if (k or 0) < 3 then return (k or 0) + 1, 'p' end end, t, nil end})
local realnext = next
for round = 1, 3 do
  if round == 2 then next = function(t, k) return realnext(t, k) end end
  if round == 3 then next = realnext end
  local s = ''
  for k, v in pairs(proxy) do s = s .. k .. v end
  for k, v in pairs({5, 6}) do s = s .. k .. v end
  for k, v in next, {7, 8} do s = s .. k .. v end
  print(round, s, keys({z = 1}))
end

-- the same loops in a coroutine (generator variants of compiled functions), yielding mid-traversal
local ct = {}
for i = 1, 50 do ct['k' .. i] = i; ct[i] = i end
local co = coroutine.wrap(function()
  local s = 0
  for r = 1, 3 do
    for k, v in pairs(ct) do s = s + v; if v % 10 == 0 then coroutine.yield(s) end end
    for i, v in ipairs(ct) do s = s + v; if i % 25 == 0 then coroutine.yield(s) end end
    local ok, e = pcall(function() for k in next, ct, 'zz' do end end)
    coroutine.yield(tostring(ok) .. e)
  end
  return 'done' .. s
end)
local out = {}
for i = 1, 40 do local r = co(); out[#out + 1] = r; if type(r) == 'string' and r:sub(1, 4) == 'done' then break end end
print(#out, out[#out], out[#out - 1]) -- (values yielded mid-traversal depend on the hash order)
