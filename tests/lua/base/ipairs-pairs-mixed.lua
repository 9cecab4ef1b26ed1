-- ipairs vs pairs on mixed tables; pairs on a table with __index does not consult it
local t = setmetatable({1, 2, 3, x = "x"}, {__index = function(_, k) if type(k) == "string" then return "meta" end end})
local n = 0
for i, v in ipairs(t) do n = n + 1 end
print(n, t[4], t.y)
local count = 0
for k, v in pairs(t) do count = count + 1 end
print(count)
print(pcall(pairs))
print(select("#", pairs(nil)), (pairs(nil)) == next)
local it, st, init = pairs({})
print(it == next, init)
