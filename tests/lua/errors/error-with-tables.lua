-- structured error objects, rethrown through several pcalls
local E = {}
E.__index = E
E.__tostring = function(e) return "E(" .. e.msg .. ")" end
local function throw(msg) error(setmetatable({msg = msg}, E)) end
local function layer(n) if n == 0 then throw("deep") end local ok, e = pcall(layer, n - 1); error(e, 0) end
local ok, e = pcall(layer, 5)
print(ok, getmetatable(e) == E, tostring(e), e.msg)
local ok2, e2 = pcall(error, setmetatable({}, {__index = function() return "dyn" end}))
print(ok2, e2.anything)
