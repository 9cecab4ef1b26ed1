-- the closing value of a generic for is closed on every kind of exit
local log = {}
local function tracked(name, n)
  local closer = setmetatable({}, {__close = function(_, e) log[#log + 1] = name .. (e and "!" or "") end})
  local i = 0
  return function() i = i + 1; if i <= n then return i end end, nil, nil, closer
end
for i in tracked("full", 2) do end
for i in tracked("brk", 5) do break end
local function ret() for i in tracked("ret", 5) do return i end end
ret()
pcall(function() for i in tracked("err", 5) do error("x") end end)
for i in tracked("outer", 2) do for j in tracked("inner" .. i, 1) do end end
print(table.concat(log, " "))
