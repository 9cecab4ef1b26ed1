-- At normal exit the state is closed (lua.c's lua_close): every pending finalizer runs, newest first,
-- reachable or not; objects given a finalizer while closing are not finalized; errors become warnings.
warn("@on")
local mt = {}
mt.__gc = function(o)
  print("closing " .. o[1])
  setmetatable({"created while closing"}, mt)  -- not finalized
end
setmetatable({"unreachable"}, mt)
Kept = {setmetatable({"global"}, mt)}
local loc = setmetatable({"local"}, mt)
setmetatable({}, {__gc = function() error("raised at close") end})
setmetatable({}, {__gc = function() error({}) end})
print("end of script")
