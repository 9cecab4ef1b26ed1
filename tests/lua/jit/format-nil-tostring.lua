-- string.format("%s") of nil honours a __tostring given to nil (debug.setmetatable), also at hot compiled call sites
for i = 1, 4 do
  if i == 3 then debug.setmetatable(nil, {__tostring = function() return "NIL!" end}) end
  io.write(string.format("%s|%s", nil, i), " ", string.format("%d", i), " ", tostring(nil), "\n")
end
debug.setmetatable(nil, nil)
print(pcall(string.format, "%s"))
-- a __tostring that counts its calls and raises: it runs exactly once per format call
local calls = 0
debug.setmetatable(nil, {__tostring = function() calls = calls + 1 error("no text for nil") end})
for i = 1, 4 do
  local ok, e = pcall(string.format, "%s", nil)
  local ok2, e2 = pcall(function() return string.format("%s|%d", nil, i) end)
  print(i, ok, e, ok2, e2, calls)
end
debug.setmetatable(nil, nil)
