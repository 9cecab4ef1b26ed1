-- quicksort, mergesort and insertion sort agree with table.sort
local seed = 12345
local function rand(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n end
local data = {}
for i = 1, 2000 do data[i] = rand(10000) end
local function copy(t) local r = {} for i = 1, #t do r[i] = t[i] end return r end
local function quick(t, lo, hi)
  lo, hi = lo or 1, hi or #t
  if lo >= hi then return t end
  local p, i = t[(lo + hi) // 2], lo
  local j = hi
  while i <= j do
    while t[i] < p do i = i + 1 end
    while t[j] > p do j = j - 1 end
    if i <= j then t[i], t[j] = t[j], t[i]; i = i + 1; j = j - 1 end
  end
  quick(t, lo, j); quick(t, i, hi)
  return t
end
local function merge(t)
  if #t <= 1 then return t end
  local mid = #t // 2
  local a, b = {}, {}
  for i = 1, mid do a[#a + 1] = t[i] end
  for i = mid + 1, #t do b[#b + 1] = t[i] end
  a, b = merge(a), merge(b)
  local r, i, j = {}, 1, 1
  while i <= #a or j <= #b do
    if j > #b or (i <= #a and a[i] <= b[j]) then r[#r + 1] = a[i]; i = i + 1 else r[#r + 1] = b[j]; j = j + 1 end
  end
  return r
end
local function insertion(t)
  for i = 2, #t do
    local v, j = t[i], i - 1
    while j >= 1 and t[j] > v do t[j + 1] = t[j]; j = j - 1 end
    t[j + 1] = v
  end
  return t
end
local ref = copy(data); table.sort(ref)
local q, m, ins = quick(copy(data)), merge(copy(data)), insertion(copy(data))
local same = true
for i = 1, #ref do if ref[i] ~= q[i] or ref[i] ~= m[i] or ref[i] ~= ins[i] then same = false end end
print(same, ref[1], ref[1000], ref[2000])
