-- loop variables are fresh per iteration, so closures capture distinct values
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
for _, v in ipairs({"a", "b", "c"}) do gs[#gs + 1] = function() return v end end
print(gs[1](), gs[2](), gs[3]())
local hs = {}
local j = 1
while j <= 3 do
  local k = j
  hs[j] = function() k = k + 10; return k end
  j = j + 1
end
print(hs[1](), hs[1](), hs[2](), hs[3]())
local rs = {}
local n = 0
repeat
  local m = n
  rs[#rs + 1] = function() return m end
  n = n + 1
until m >= 2
print(rs[1](), rs[2](), rs[3]())
