-- debug.traceback of a deep stack elides the middle levels
local function rec(n)
  if n == 0 then return debug.traceback("top", 1) end
  return (rec(n - 1))
end
local tb = rec(50)
local lines = {}
for l in tb:gmatch("[^\n]+") do lines[#lines + 1] = l end
print(#lines)
for i = 1, 4 do print(lines[i]) end
print(lines[13], lines[14])
print(lines[#lines - 1], lines[#lines])
