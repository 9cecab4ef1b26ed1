-- the 4th value of a generic for is closed when the loop ends (normal, break, error)
local log = {}
local function closer(name)
  return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. (err and ":" .. tostring(err) or "") end})
end
local function iter(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end, nil, nil, closer("c" .. n)
end
for i in iter(2) do end
for i in iter(5) do if i == 3 then break end end
local function f() for i in iter(4) do if i == 2 then return "returned" end end end
print(f())
print(pcall(function() for i in iter(3) do error("boom", 0) end end))
print(table.concat(log, " "))
print(pcall(function() for i in next, {}, nil, 42 do end end))
