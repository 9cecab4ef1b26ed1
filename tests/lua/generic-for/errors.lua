-- errors from generic for: non-callable iterators
print(pcall(function() for x in 5 do end end))
print(pcall(function() for x in nil do end end))
print(pcall(function() local t = {}; for k, v in t do end end))
print(pcall(function() for k, v in pairs(nil) do end end))
print(pcall(function() for i, v in ipairs() do end end))
local callable = setmetatable({}, {__call = function(self, s, c) if not c then return 1 end end})
for v in callable do print("callable iterator", v) end
