-- math.random for many seeds and ranges against lua5.4's xoshiro256**: floats (53 high bits), math.random(0)
-- (all 64 bits), and projections into intervals of every size (powers of two, just above and below them,
-- ranges wider than 2^53 and the full integer range).
local seeds = {0, 1, 2, 42, 99, 12345, -1, -42, 2^31, 2^32 + 1, 2^53, math.maxinteger, math.mininteger, 0x7fffffff}
local ranges = {{1, 1}, {1, 2}, {1, 3}, {0, 7}, {1, 100}, {-50, 50}, {1, 1000000}, {0, 2^31 - 1}, {0, 2^31},
  {1, 2^32 + 1}, {-2^40, 2^40}, {0, 2^53 - 1}, {0, 2^53 + 1}, {math.mininteger, math.maxinteger},
  {math.mininteger, 0}, {0, math.maxinteger}}
for _, s in ipairs(seeds) do
  math.randomseed(s)
  local out = {string.format("%.17g", math.random()), tostring(math.random(1, 100)), tostring(math.random(0))}
  for _, r in ipairs(ranges) do out[#out + 1] = tostring(math.random(math.tointeger(r[1]), math.tointeger(r[2]))) end
  for _ = 1, 3 do out[#out + 1] = string.format("%.17g", math.random()) end
  print(s, table.concat(out, " "))
end
-- two-argument seeds, and a long run summarised
for _, s in ipairs({{1, 2}, {42, -42}, {0, math.maxinteger}}) do
  math.randomseed(s[1], s[2])
  local acc, facc = 0, 0.0
  for _ = 1, 10000 do acc = acc ~ math.random(0); facc = facc + math.random() end
  print(s[1], s[2], acc, string.format("%.17g", facc), math.random(1, 6))
end
