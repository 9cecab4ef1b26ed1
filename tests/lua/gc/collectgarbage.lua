-- collectgarbage's answers that do not depend on memory sizes (lua.c runs in generational mode).
print(collectgarbage("isrunning"))
print(collectgarbage(), collectgarbage("collect"))
print(math.type(collectgarbage("count")), collectgarbage("count") > 0)
print(collectgarbage("stop"), collectgarbage("isrunning"), collectgarbage("restart"), collectgarbage("isrunning"))
print(collectgarbage("step"), collectgarbage("step", 0), collectgarbage("step", 1000000))

-- modes: each answers the previous one
print(collectgarbage("incremental"), collectgarbage("incremental"), collectgarbage("generational"),
  collectgarbage("generational"), collectgarbage("incremental"))
print(collectgarbage("step", 1000000), collectgarbage("step", 1000000))
collectgarbage("generational")

-- parameters are kept as PUC keeps them: value / 4 in a byte
print(collectgarbage("setpause", 100), collectgarbage("setpause", 201), collectgarbage("setpause", -5),
  collectgarbage("setpause", 0x7ffffffe), collectgarbage("setpause", 2^40), collectgarbage("setpause", 200))
print(collectgarbage("setstepmul", 50), collectgarbage("setstepmul", 1023), collectgarbage("setstepmul", 100))
print(collectgarbage("setpause"), collectgarbage("setpause", 200))
print(collectgarbage("incremental", 300, 400, 14), collectgarbage("setpause", 200), collectgarbage("setstepmul", 100))
print(collectgarbage("generational", 30, 300))

-- errors
print(pcall(collectgarbage, "bogus"))
print(pcall(collectgarbage, "step", 1.5))
print(pcall(collectgarbage, "setpause", "x"))
print(pcall(collectgarbage, 1))

-- inside a finalizer every option fails (returns nil) and no collection happens
local res
setmetatable({}, {__gc = function()
  res = {collectgarbage(), collectgarbage("count"), collectgarbage("step"), collectgarbage("isrunning"),
    collectgarbage("stop"), collectgarbage("incremental"), collectgarbage("setpause", 100), n = 7}
end})
collectgarbage()
print(res.n, table.unpack(res, 1, res.n))
print(collectgarbage("isrunning"), collectgarbage("setpause", 200))

-- "count" grows while the collector is stopped and drops after a collection
collectgarbage()
collectgarbage("stop")
local before = collectgarbage("count")
local keep = {}
for i = 1, 2000 do keep[i] = {} end
for i = 1, 2000 do local garbage = {} end
local grown = collectgarbage("count")
print("grew:", grown > before)
collectgarbage()
print("dropped:", collectgarbage("count") < grown)
collectgarbage("restart")
