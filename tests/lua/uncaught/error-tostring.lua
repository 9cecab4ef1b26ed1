-- an error object with __tostring is reported through it
local E = setmetatable({}, {__tostring = function() return "custom error object" end})
error(E)
