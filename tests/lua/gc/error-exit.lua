-- Finalizers still run when the script ends with an error (lua.c reports the error, then closes the state).
setmetatable({}, {__gc = function() print("finalized after the error") end})
error(setmetatable({}, {__tostring = function() return "script failed" end}))
