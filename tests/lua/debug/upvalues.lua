-- debug.getupvalue / setupvalue / upvalueid / upvaluejoin
local a, b, c = 1, 2, 3
local function f1(x) b = x; return c end
local function f2(x) a = x; return c + b end

local function dump(f)
  local out = {}
  for i = 1, 10 do
    local n, v = debug.getupvalue(f, i)
    if not n then break end
    out[#out + 1] = n .. "=" .. tostring(v)
  end
  return table.concat(out, " ")
end
print(dump(f1))
print(dump(f2))
print(debug.getupvalue(f1, 0), debug.getupvalue(f1, 3), select('#', debug.getupvalue(f1, 3)))
print(debug.setupvalue(f1, 1, "B"), b)
print(debug.setupvalue(f1, 3, "none"), select('#', debug.setupvalue(f1, 3, "none")))
print(dump(f2))

-- natives: no upvalues, except coroutine.wrap's coroutine
print(select('#', debug.getupvalue(print, 1)))
local w = coroutine.wrap(function () end)
local n, v = debug.getupvalue(w, 1)
print(string.format("%q", n), type(v), debug.getupvalue(w, 2))
print(debug.getinfo(w, "u").nups, debug.getinfo(print, "u").nups)

-- identities
local function counter()
  local n = 0
  return function () n = n + 1; return n end, function () return n end
end
local inc, get = counter()
local inc2 = counter()
print(type(debug.upvalueid(inc, 1)))
print(debug.upvalueid(inc, 1) == debug.upvalueid(get, 1))
print(debug.upvalueid(inc, 1) == debug.upvalueid(inc2, 1))
print(debug.upvalueid(inc, 1) == debug.upvalueid(inc, 1))
print(debug.upvalueid(f1, 2) == debug.upvalueid(f2, 3))
print(debug.upvalueid(inc, 2), debug.upvalueid(print, 1), debug.upvalueid(inc, 0))
print(debug.upvalueid(w, 1) == debug.upvalueid(w, 1))
local ids = {}
for i = 1, 3 do
  local x = i
  ids[i] = function () return x end
end
print(debug.upvalueid(ids[1], 1) == debug.upvalueid(ids[2], 1))

-- upvaluejoin
local function reader() return a end
local function other() return c end
print(reader())
debug.upvaluejoin(reader, 1, other, 1)
print(reader())
c = 33
print(reader(), other())
print(debug.upvalueid(reader, 1) == debug.upvalueid(other, 1))
print(pcall(debug.upvaluejoin, reader, 2, other, 1))
print(pcall(debug.upvaluejoin, reader, 1, other, 5))
print(pcall(debug.upvaluejoin, print, 1, other, 1))
print(pcall(debug.upvaluejoin, w, 1, other, 1))
print(pcall(debug.upvaluejoin, reader, 1, w, 1))
print(pcall(debug.upvaluejoin, reader, 1, 2, 1))

-- errors
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.getupvalue, f1))
print(pcall(debug.setupvalue, f1, 1))
print(pcall(debug.upvalueid, f1))
print(pcall(debug.upvalueid, {}, 1))

-- _ENV as an upvalue: redirecting globals
local glob = load("return someglobal")
local en, ev = debug.getupvalue(glob, 1)
print(en, ev == _G)
debug.setupvalue(glob, 1, {someglobal = "from env"})
print(glob())

-- stripped functions: no upvalue names, no locals, no lines
local function withup() return a end
local stripped = load(string.dump(withup, true))
local sn, sv = debug.getupvalue(stripped, 1)
print(sn, sv == _G)
print(debug.setupvalue(stripped, 1, 5), stripped())
local s = debug.getinfo(stripped, "SlL")
print(s.source, s.short_src, s.currentline, next(s.activelines))
local sl = load(string.dump(function (p) local q = p; return debug.getlocal(1, 1), debug.getlocal(1, 2) end, true))
print(sl(7))
print(debug.getlocal(sl, 1))
