-- Array parts that grow while a table is filled key by key (appends, fills starting past 1, fills with holes,
-- constructors followed by appends): borders (#t) with holes, traversal order, nil stores into grown slots,
-- table library functions and float values kept through growth. Sizes match PUC-Lua's, so every
-- `#t` below is the border lua5.4 finds.

local function border_line(t, n)
  local out = {}
  for i = 1, n do out[#out + 1] = t[i] and "x" or "." end
  return table.concat(out)
end

-- fills from `first` to n, then clears some keys: the borders depend on the array size and its hint
for n = 1, 40 do
  local res = {}
  for first = 1, 3 do
    local t = {}
    for i = first, n do t[i] = true end
    res[#res + 1] = #t
    if n >= 3 then
      -- (new keys before any key is cleared: PUC may put a new key into the node of a dead key, a layout
      -- detail Moonrise does not model; see the header of src/runtime/table.ts)
      t[n + 1] = true
      res[#res + 1] = #t
      t[n + 1] = nil
      res[#res + 1] = #t
      t[n] = nil
      res[#res + 1] = #t
      t[n // 2 + 1] = nil
      res[#res + 1] = #t
      t[n] = 1
      res[#res + 1] = #t
    end
  end
  print("fill", n, table.concat(res, " "))
end

-- appends after constructors of every small size, with a hole punched and refilled
for k = 0, 6 do
  local t = {}
  for i = 1, k do t[i] = i end
  local c = k == 0 and {} or k == 1 and {1} or k == 2 and {1, 2} or k == 3 and {1, 2, 3} or {table.unpack(t)}
  for i = #c + 1, 20 do c[#c + 1] = i * 10 end
  c[5] = nil
  local b1 = #c
  c[#c + 1] = "a"
  c[5] = 5
  print("ctor", k, b1, #c, border_line(c, 24), select("#", table.unpack(c)), c[#c])
end

-- growth through the hash part: integer keys just past the array part, with a hole at 1 (sieve shape)
for _, n in ipairs({5, 9, 17, 33, 65, 100, 257, 1000}) do
  local t = {}
  for i = 2, n do t[i] = true end
  local cnt = 0
  for k in pairs(t) do cnt = cnt + 1 end
  t[1] = true
  print("sieve", n, #t, cnt, #t == n and "dense" or "holes")
end

-- traversal order of grown array parts, with fields assigned and cleared during the traversal
do
  local t = {}
  for i = 1, 13 do t[#t + 1] = i end
  local keys = {}
  for k, v in pairs(t) do
    keys[#keys + 1] = k
    t[k] = v * 2 -- existing fields may be assigned during a traversal
    if k % 4 == 0 then t[k] = nil end
  end
  print("order", table.concat(keys, ","), #t, border_line(t, 14))
end

-- table library on grown lists
do
  local t = {}
  for i = 1, 17 do t[#t + 1] = i end
  table.insert(t, 1, 0)
  table.insert(t, 100)
  print("insert", #t, t[1], t[2], t[18], t[19])
  print("remove", table.remove(t), table.remove(t, 1), #t)
  table.sort(t, function(a, b) return a > b end)
  print("sort", table.concat(t, " "))
  print("move", #table.move(t, 1, 5, 15), table.concat(table.move(t, 3, 7, 1, {}), " "))
  local p = table.pack(table.unpack(t, 1, 9))
  p[#p + 1] = "x"
  print("pack", p.n, #p, p[10])
end

-- floats survive growth unchanged (-0.0, integral floats, inf, large integers)
do
  local t = {}
  local vals = {-0.0, -1.5, 1.0, 2^53, 1e308 * 10, math.mininteger, 0.5, "s", false}
  for i = 1, #vals do t[#t + 1] = vals[i] end
  for i = 1, #vals do t[#t + 1] = vals[i] end
  local out = {}
  for i = 1, #t do out[#out + 1] = tostring(t[i]) .. ":" .. (math.type(t[i]) or type(t[i])) end
  print("floats", #t, table.concat(out, " "))
end

-- a list filled backwards and one growing by two keys at a time
do
  local t = {}
  for i = 20, 1, -1 do t[i] = i end
  local u = {}
  for i = 1, 30, 2 do u[i] = i; u[i + 1] = i + 1 end
  u[31] = nil
  print("backwards", #t, border_line(t, 21), #u, u[30])
end
