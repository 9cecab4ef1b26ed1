-- Array-part fast paths of GETTABLE/SETTABLE/GETI/SETI in compiled code: reads beyond the array limit move it
-- as PUC's luaH_getint does (observable through #), integer/float keys, metatables appearing mid-loop,
-- nil/NaN keys, and keys outside the array part (0, negative, huge, 2^53).

-- a read of t[k] (k in a register) past alimit moves it: # then finds PUC's border
local t = {1, 2, 3, 4, 5, 6, 7, 8}
t[8] = nil; t[7] = nil
print(#t)
t[4] = nil
local k = 8
local x = t[k]
print(x, #t)

-- the same through GETI (constant index)
local u = {1, 2, 3, 4, 5, 6, 7, 8}
u[8] = nil; u[7] = nil
print(#u)
u[4] = nil
print(u[8], #u)

-- a write past alimit
local w = {1, 2, 3, 4, 5, 6, 7, 8}
w[8] = nil; w[7] = nil
print(#w)
w[4] = nil
w[k] = nil
print(#w)
w[7] = 7
print(#w, w[7])

-- integer and float keys name the same slot; float keys that are not integers are their own keys
local f = {}
for i = 1, 10 do f[i] = i * 10 end
print(f[1.0], f[2^1], f[3.5], #f)
f[4.0] = 'four'; f[4.5] = 'fourhalf'
print(f[4], f[4.5], f[2^53], f[-0.0])
f[2^53] = 'big'; f[0] = 'zero'; f[-1] = 'neg'
print(f[2^53], f[math.tointeger(2^53)], f[0], f[-1.0], #f)
local idx = {1, 2.0, 3, 0, -1, 2^53, 1e300, -0.0, 11, 12}
for _, i in ipairs(idx) do f[i] = (f[i] or 0) end
for _, i in ipairs(idx) do io.write(tostring(f[i]), ' ') end
print()

-- a metatable with __index / __newindex set in the middle of a loop
local m = {}
for i = 1, 6 do m[i] = i end
local log = {}
for i = 1, 12 do
  if i == 7 then
    setmetatable(m, {__index = function(_, key) return 'idx' .. key end,
      __newindex = function(tt, key, v) log[#log + 1] = key; rawset(tt, key, v * 2) end})
  end
  local before = m[i]
  m[i] = i
  io.write(tostring(before), ':', tostring(rawget(m, i)), ' ')
end
print()
print(table.concat(log, ','))
-- __index table for array reads that miss
local base = {10, 20, 30, 40}
local d = setmetatable({1}, {__index = base})
local s = {}
for i = 1, 5 do s[#s + 1] = tostring(d[i]) end
print(table.concat(s, ' '))
-- removing the metatable mid-loop
for i = 1, 4 do
  if i == 3 then setmetatable(d, nil) end
  io.write(tostring(d[i]), ' ')
end
print()

-- constant-index stores with and without __newindex
local c = setmetatable({}, {__newindex = function(tt, key, v) rawset(tt, key, v + 100) end})
c[1] = 1; c[2] = 2; c[1] = 5
print(c[1], c[2], #c)

-- nil and NaN keys: PUC's messages with positions
print(pcall(function() local tt = {}; local key; tt[key] = 1 end))
print(pcall(function() local tt = {}; local key = 0 / 0; tt[key] = 1 end))
print(pcall(function() local tt = {}; local key; return tt[key] end))
print(pcall(function() local tt; return tt[1] end))
print(pcall(function() local tt; tt[1] = 2 end))

-- a border in a growing table, #t after deletions at the end
local g = {}
for i = 1, 100 do g[i] = i end
for i = 100, 51, -1 do g[i] = nil end
print(#g)
for i = 1, 10 do g[#g + 1] = 'x' end
print(#g, g[60], g[61])

-- next/pairs after deletions during traversal (values cleared while traversing)
local p = {}
for i = 1, 20 do p[i] = i end
p.a = 1; p.b = 2
local n = 0
for key in pairs(p) do p[key] = nil; n = n + 1 end
print(n, next(p))
