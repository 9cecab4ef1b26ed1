-- __gc finalizers: called newest first, once, with the object; __gc must be present at setmetatable time;
-- the field is read again when the finalizer is due.
local log = {}
local function note(s) log[#log + 1] = s end

local mt = {__gc = function(o) note("gc " .. o.name) end}
for i = 1, 5 do setmetatable({name = "t" .. i}, mt) end
collectgarbage()
print(table.concat(log, " "))

-- no __gc when setmetatable ran: never finalized, even if __gc is added later
log = {}
local late = {}
setmetatable({name = "late"}, late)
late.__gc = function(o) note("late called") end
collectgarbage()
print("late:", #log)

-- __gc removed after registration: nothing is called
local gone = {__gc = function() note("gone called") end}
setmetatable({}, gone)
gone.__gc = nil
collectgarbage()
print("gone:", #log)

-- __gc replaced after registration: the current one is called
local swap = {__gc = function() note("old") end}
setmetatable({}, swap)
swap.__gc = function() note("new") end
collectgarbage()
print("swap:", table.concat(log, " "))

-- an object reachable is not finalized; once unreachable it is
log = {}
local keep = setmetatable({name = "keep"}, mt)
collectgarbage()
print("while reachable:", #log)
keep = nil
collectgarbage()
print("after:", table.concat(log, " "))

-- a finalizer runs once: a second collection does not call it again
log = {}
setmetatable({name = "once"}, mt)
collectgarbage(); collectgarbage()
print("once:", table.concat(log, " "))

-- setting a metatable again (same one) does not change the order
log = {}
local a = setmetatable({name = "a"}, mt)
local b = setmetatable({name = "b"}, mt)
setmetatable(a, mt)
a, b = nil, nil
collectgarbage()
print("order kept:", table.concat(log, " "))

-- a finalizer creating new finalizable objects: they wait for the next cycle
log = {}
setmetatable({name = "parent"}, {__gc = function()
  note("parent")
  setmetatable({name = "child"}, mt)
end})
collectgarbage()
print("first:", table.concat(log, " "))
collectgarbage()
print("second:", table.concat(log, " "))
