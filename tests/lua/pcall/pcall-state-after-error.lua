-- locals, upvalues and tables stay consistent after a caught error
local counter = 0
local t = {}
for i = 1, 5 do
  pcall(function()
    counter = counter + 1
    t[i] = i
    if i % 2 == 0 then error("even") end
    t[i] = t[i] * 10
  end)
end
print(counter, table.concat(t, ","))
local s = 0
for i = 1, 1000 do
  local ok = pcall(function() if i % 3 == 0 then error(i) end s = s + 1 end)
end
print(s)
