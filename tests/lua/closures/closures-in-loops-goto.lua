-- a closure captured in a loop body that is left with goto/break keeps its own value
local saved = {}
for i = 1, 5 do
  local v = i * 10
  saved[#saved + 1] = function() return v end
  if i == 3 then break end
end
print(#saved, saved[1](), saved[3]())
local fs = {}
do
  local i = 1
  ::top::
  local x = i
  fs[i] = function() return x end
  i = i + 1
  if i <= 3 then goto top end
end
print(fs[1](), fs[2](), fs[3]())
