-- Fast entries of math.random, table.remove and getmetatable at compiled call sites: the same results,
-- random sequences and errors as the general entries, with arguments that change form between calls.
math.randomseed(42)
local function r0() return math.random() end
local function r1(m) return math.random(m) end
local function r2(a, b) return math.random(a, b) end
local out = {}
for i = 1, 30 do
  local k = i % 6
  local v
  if k == 0 then v = r0()
  elseif k == 1 then v = r1(10)
  elseif k == 2 then v = r2(-5, 5)
  elseif k == 3 then v = r2(1, 2^40 // 1)
  elseif k == 4 then v = r1(0)
  else v = r2(7, 7) end
  out[#out + 1] = string.format("%s", v)
end
print(table.concat(out, " "))
-- argument forms the fast entry leaves to the general one; the sequence must stay in step
out = {}
for _, args in ipairs({{2.0}, {"5"}, {1, 3.0}, {-2^53 + 1, 2^53 - 1}, {math.mininteger, math.maxinteger}, {3}}) do
  local ok, v = pcall(r2, args[1], args[2])
  if #args == 1 then ok, v = pcall(r1, args[1]) end
  out[#out + 1] = tostring(ok) .. ":" .. tostring(v)
end
print(table.concat(out, " "))
for _, args in ipairs({{0.5}, {5, 1}, {"x"}, {1, 2, 3}, {}}) do
  print(pcall(math.random, table.unpack(args)))
  print(pcall(r2, args[1], args[2]))
  print(r1(100))
end
for i = 1, 3 do print(math.type(r0()), r1(1), r2(0, 0), r2(-1, -1)) end
math.randomseed(7, 3)
local s = 0
for i = 1, 1000 do s = s + r1(6) + r2(10, 20) end
print("sum", s, r1(0), r0())

-- table.remove
local function rm(t, p) return table.remove(t, p) end
local function rm1(t) return table.remove(t) end
for round = 1, 3 do
  local t = {1, 2, 3, 4, 5}
  print(rm(t, 1), rm1(t), rm(t, 2), #t, t[1], t[2], t[3], t[4])
  local e = {}
  print(rm1(e), rm(e, 0), rm(e, 1), #e, next(e))
  local h = {[0] = "zero"}
  print(rm(h, 0), h[0], #h, rm(h, #h))
  local g = {1, 2, 3}
  print(rm(g, 4), #g, rm(g, 3.0), #g, rm(g, "1"), #g, g[1])
  print(pcall(rm, {1, 2}, 5))
  print(pcall(rm, {1, 2}, -1))
  print(pcall(rm, {1, 2}, 1.5))
  print(pcall(rm, "str", 1))
  local holes = {1, 2, nil, 4}
  print(#holes, rm1(holes), #holes)
  local big = {}
  for i = 1, 40 do big[i] = i end
  big[100] = "far"
  print(rm(big, 20), #big, big[39], big[40], rm1(big), #big, big[100])
  local log = {}
  local proxy = setmetatable({}, {__len = function() return 3 end,
    __index = function(_, k) log[#log + 1] = "get" .. k; return k * 10 end,
    __newindex = function(_, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v) end})
  print(rm(proxy, 2), table.concat(log, ","))
end

-- getmetatable
local function gm(v) return getmetatable(v) end
local plain, prot = {}, setmetatable({}, {__metatable = "locked"})
local mt = {}
local obj = setmetatable({}, mt)
local falsemt = setmetatable({}, {__metatable = false})
for i = 1, 3 do
  print(gm(plain), gm(prot), gm(obj) == mt, gm("s").__index == string, gm(1), gm(nil), gm(print), gm(falsemt))
end
print(pcall(getmetatable))
