-- long __index chains work (loop limit is 2000 levels); a cycle is an error
local t = {}
local base = {found = "yes"}
local cur = base
for i = 1, 100 do cur = setmetatable({}, {__index = cur}) end
print(cur.found)
local a, b = {}, {}
setmetatable(a, {__index = b})
setmetatable(b, {__index = a})
local ok, err = pcall(function() return a.x end)
print(ok, err)
local c, d = {}, {}
setmetatable(c, {__newindex = d})
setmetatable(d, {__newindex = c})
print(pcall(function() c.x = 1 end))
