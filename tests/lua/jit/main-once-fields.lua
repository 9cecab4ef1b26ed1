-- A main chunk's code outside its loops runs once: its field reads and stores take the generic paths
-- (codegen.ts once()). Every case an inline path would handle, and the metamethod ones, at chunk level.
local t = {}
t.a = 1                                   -- new key
t.a = 2                                   -- existing key
t.b = nil                                 -- nil store of an absent key
t.a = nil                                 -- dead key
t.a = 3                                   -- revived
print(t.a, t.b, next(t))
local C = {}
C.__index = C
function C.new(x) return setmetatable({x = x}, C) end
function C:get() return self.x end
C.kind = "c"
local o = C.new(5)
print(o.x, o.kind, o:get(), o.missing)
-- __index / __newindex functions and tables
local log = {}
local p = setmetatable({}, {__index = function(_, k) return "idx:" .. k end,
                            __newindex = function(tb, k, v) log[#log + 1] = k; rawset(tb, k, v) end})
print(p.foo)
p.bar = 7
print(p.bar, log[1], #log)
local proxy = setmetatable({}, {__newindex = C})
proxy.viaNewindex = 9
print(rawget(proxy, "viaNewindex"), C.viaNewindex)
local chain = setmetatable({}, {__index = setmetatable({}, {__index = {deep = "deep"}})})
print(chain.deep)
-- a cached __index table that changes (watched tables)
local base = {v = 1}
local d = setmetatable({}, {__index = base})
print(d.v)
base.v = 2
print(d.v)
-- string methods and string indexing
local s = "hello"
print(s:upper(), s.len == string.len, ("x"):rep(3))
-- globals through _ENV, and _ENV with metamethods
gx = 10
print(gx, rawget(_G, "gx"))
setmetatable(_G, {__index = function(_, k) return "global:" .. k end})
print(undefinedName)
setmetatable(_G, nil)
-- errors name the variable
print(pcall(function() local z; return z.f end))
print(select(2, pcall(load("local u = nil; return u.field"))))
print(select(2, pcall(load("local u = nil; u.field = 1"))))
print(select(2, pcall(load("return nosuch.field"))))
print(select(2, pcall(load("local n = 5; n.f = 1"))))
-- a loaded chunk called many times (runs more than once: still right)
local chunk = load("local q = ...; q.n = (q.n or 0) + 1; return q.n")
local acc = {}
for _ = 1, 300 do chunk(acc) end
print(acc.n)
