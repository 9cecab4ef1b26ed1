-- Call sites in compiled coroutine code and in the resumer: a site that has seen a native (it skips its
-- closure test for that native) later calling Lua closures and other natives; registers above a call being
-- dead once it returns (live ones must survive yields, deopts after a resume, debug.getlocal); wrap/resume
-- and fast natives sharing one call site; coroutines whose small initial stack must grow.

-- one site, changing callees: yield, a Lua function, another native, yield again
local function run(fs)
  local co = coroutine.wrap(function(a)
    local out = {}
    for i = 1, #fs do
      local f = fs[i]
      local r = f(a + i)            -- the same call site every time
      out[#out + 1] = tostring(r)
    end
    return table.concat(out, ",")
  end)
  local res = { co(10) }
  while true do
    local r = co(#res)
    res[#res + 1] = r
    if type(r) == "string" then break end
  end
  return table.concat(res, " ")
end
local lua1 = function(x) return x * 2 end
local lua2 = function(x) return x - 1 end
print(run({ coroutine.yield, lua1, math.abs, coroutine.yield, lua2, coroutine.yield, tostring, lua1 }))
print(run({ lua1, coroutine.yield, coroutine.yield, math.floor, lua2 }))

-- live registers across many yields, including floats and integers beyond 2^53
local gen = coroutine.wrap(function()
  local a, b, c = 1.5, 2 ^ 53, math.maxinteger
  local s = "s"
  for i = 1, 5 do
    local t = { i }
    coroutine.yield(a, b, c, s, t[1])
    a = a * 2; b = b + 1; c = c - i; s = s .. i
  end
  return "done", a, b, c, s
end)
for _ = 1, 6 do print(gen()) end

-- a hook set while the coroutine is suspended: the frame continues in the interpreter right after the yield
local co = coroutine.create(function(x)
  local keep = x * 3
  local y = coroutine.yield(keep)
  local z = coroutine.yield(keep + y)
  return keep, y, z, x
end)
print(coroutine.resume(co, 5))
local lines = 0
debug.sethook(co, function() lines = lines + 1 end, "l")
print(coroutine.resume(co, 7))
debug.sethook(co)
print(coroutine.resume(co, 9))
print(lines > 0, coroutine.status(co))

-- debug.getlocal on a suspended compiled frame and after it resumes
local co2 = coroutine.create(function(p)
  local q = p + 1
  local r = { q }
  coroutine.yield()
  r[2] = q * 2
  coroutine.yield()
  return #r
end)
coroutine.resume(co2, 41)
local function show(name, v) if type(v) == "table" then v = "table#" .. #v end print(name, v) end
for i = 1, 3 do show(debug.getlocal(co2, 1, i)) end
coroutine.resume(co2)
print(debug.getlocal(co2, 1, 2))
print(coroutine.resume(co2))

-- one site in plain code calling a wrap function, coroutine.resume and fast natives in turn
local w = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end return "end" end)
local c3 = coroutine.create(function() coroutine.yield("y") return "r" end)
local callees = { w, coroutine.resume, math.abs, w, coroutine.resume, string.len, w, coroutine.resume, w }
local args = { nil, c3, -4, nil, c3, "abc", nil, c3, nil }
for i = 1, #callees do
  local f = callees[i]
  print(i, f(args[i]))
end

-- many coroutines whose stacks grow: deep recursion, many results, many arguments
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
local t = {}
for i = 1, 200 do t[i] = i end
local total = 0
for k = 1, 50 do
  local c = coroutine.wrap(function(...)
    local n = select("#", ...)
    coroutine.yield(n, depth(100 + k))
    return table.unpack(t, 1, 150 + k)
  end)
  local n, d = c(table.unpack(t, 1, 60 + k))
  local r = { c() }
  total = total + n + d + #r + r[#r]
end
print(total)
