-- recursion through natives (sort comparators, gsub callbacks) at the bottom, middle and top of deep Lua recursion
local function viasort(n)
  if n == 0 then return 0 end
  local r
  table.sort({3, 1, 2}, function(a, b) if r == nil then r = viasort(n - 1) end return a < b end)
  return r + 1
end
local function viagsub(n)
  if n == 0 then return 0 end
  local r
  string.gsub("a", "a", function() r = viagsub(n - 1) end)
  return r + 1
end
local function at(depth, f, n)
  if depth == 0 then return f(n) end
  local v = at(depth - 1, f, n)
  return v
end
for _, d in ipairs({0, 500, 1000, 2000, 4000, 10000, 100000}) do
  print(d, at(d, viasort, 60), at(d, viagsub, 60))
end
print(pcall(viasort, 150), pcall(viagsub, 150))
print(pcall(viasort, 250))
print(pcall(viagsub, 250))
-- recursion through tostring/__tostring and __lt from sort
local T = setmetatable({}, {__tostring = function(t) return "x" end})
local function ts(n) if n == 0 then return tostring(T) end return ts(n - 1) end
print(ts(50000))
local cmp = {__lt = function(a, b) return a.v < b.v end}
local function sorter(n)
  if n == 0 then return 0 end
  local t = {}
  for i = 1, 5 do t[i] = setmetatable({v = (i * 7) % 5}, cmp) end
  table.sort(t)
  return sorter(n - 1) + t[1].v
end
print(sorter(3000))
