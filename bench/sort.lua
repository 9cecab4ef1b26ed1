-- table.sort heavy: numbers, strings, records with a comparator, already sorted and reversed input.
-- quick: 1 3000
local reps = tonumber(arg and arg[1]) or 6
local size = tonumber(arg and arg[2]) or 30000
local seed = 99
local function rand(n) seed = seed * 16807.0 % 2147483647; return math.floor(seed % n) end
local check = 0
for r = 1, reps do
  local nums, strs, recs = {}, {}, {}
  for i = 1, size do
    nums[i] = rand(1000000)
    strs[i] = "k" .. rand(100000)
    recs[i] = {age = rand(100), name = "n" .. rand(1000), id = i}
  end
  table.sort(nums)
  table.sort(strs)
  table.sort(recs, function(a, b)
    if a.age ~= b.age then return a.age < b.age end
    if a.name ~= b.name then return a.name < b.name end
    return a.id < b.id
  end)
  table.sort(nums, function(a, b) return a > b end)
  table.sort(nums)
  check = (check + nums[1] + nums[math.floor(size / 2)] + #strs[size] + recs[1].id + recs[size].id) % 1000000007
end
print(string.format("sort x%d: checksum %d", reps, check))
