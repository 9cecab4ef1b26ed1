-- __close runs when leaving a loop by break or a block by goto
local log = {}
local function res(name)
  return setmetatable({}, {__close = function() log[#log + 1] = name end})
end
for i = 1, 3 do
  local r <close> = res("iter" .. i)
  if i == 2 then break end
end
print(table.concat(log, " "))
log = {}
do
  local i = 0
  ::again::
  do
    local r <close> = res("g" .. i)
    i = i + 1
    if i < 3 then goto again end
  end
end
print(table.concat(log, " "))
log = {}
while true do
  local a <close> = res("w")
  do
    local b <close> = res("inner")
    break
  end
end
print(table.concat(log, " "))
