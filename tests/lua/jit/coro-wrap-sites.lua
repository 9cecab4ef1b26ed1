-- Call sites (in plain code and inside coroutines) meeting a new wrap function at each call, between them
-- coroutine.resume, a fast native and a Lua closure at the same site; one and two results; dead wrap
-- functions raising at those sites; wrap functions as values (type, getinfo).

local function gen(a, b)
  return coroutine.wrap(function(x)
    local y = coroutine.yield(a + x, b)
    local z = coroutine.yield(y * 2)
    return z, "end"
  end)
end

-- one site, a new wrap function at every call (plain code)
local total = 0
for i = 1, 300 do
  local g = gen(i, -i)
  local r1, r2 = g(1)          -- two results
  local r3 = g(r1)             -- one result
  local r4, r5 = g(r3 + r2)
  total = total + r1 + r2 + r3 + r4
  if i % 100 == 0 then print(i, r1, r2, r3, r4, r5, total) end
end

-- the same site calling wrap functions, coroutine.resume, a fast native and a Lua closure in turn
local function callit(f, ...) return f(...) end
local co = coroutine.create(function(a) while true do a = coroutine.yield(a + 1) end end)
local lua = function(x) return x * 3 end
local acc = {}
for i = 1, 200 do
  local k = i % 4
  local r, s
  if k == 0 then r, s = callit(gen(i, i), 5)
  elseif k == 1 then r, s = callit(coroutine.resume, co, i)
  elseif k == 2 then r, s = callit(math.max, i, 7)
  else r, s = callit(lua, i) end
  if i > 190 then acc[#acc + 1] = tostring(r) .. "/" .. tostring(s) end
end
print(table.concat(acc, " "))

-- inside a coroutine: a site meeting a new wrap function each time, and dead ones
local outer = coroutine.wrap(function()
  local sum = 0
  for i = 1, 150 do
    local g = gen(i, 0)
    local a = g(0)
    local b = g(a)
    local c = g(b)
    sum = sum + a + b + c
    if i % 50 == 0 then coroutine.yield(sum) end
    if i == 140 then
      local ok, err = pcall(g)
      print("dead", ok, err)
    end
  end
  return "outer done", sum
end)
print(outer()) print(outer()) print(outer()) print(outer())

-- a dead wrap function at a site that called live ones
local fs = {}
for i = 1, 5 do fs[i] = gen(i, i) end
for round = 1, 4 do
  local out = {}
  for i = 1, 5 do
    local ok, v = pcall(fs[i], round)
    out[#out + 1] = tostring(ok) .. ":" .. tostring(v)
  end
  print(round, table.concat(out, " "))
end

-- wrap functions as values
local w = coroutine.wrap(function() end)
print(type(w), debug.getinfo(w).what, debug.getinfo(w, "S").short_src, select("#", w()))
print(pcall(w))

-- errors inside new wrap functions at one site: positions and error objects pass through
for i = 1, 6 do
  local g = coroutine.wrap(function(x)
    coroutine.yield(x)
    if x % 2 == 0 then error("boom " .. x) else error({ code = x }) end
  end)
  local first = g(i)
  local ok, e = pcall(g)
  print(i, first, ok, type(e) == "table" and ("code " .. e.code) or e)
end
