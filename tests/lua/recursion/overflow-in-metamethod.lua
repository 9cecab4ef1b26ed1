-- stack overflow through __index functions and xpcall
local t = setmetatable({}, {})
getmetatable(t).__index = function(tbl, k) return tbl[k .. "x"] end
local ok, err = pcall(function() return t.a end)
print(ok, (tostring(err):find("stack overflow", 1, true)) ~= nil)
local ok2, msg = xpcall(function() local function r() return r() + 1 end return r() end,
  function(m) return "handled: " .. tostring(m):match("stack overflow") end)
print(ok2, msg)
