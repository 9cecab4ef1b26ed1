-- debug.getinfo: every option letter, levels and functions, names as PUC derives them, errors
local function keys(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = k end
  table.sort(ks)
  return table.concat(ks, ",")
end

local function show(label, t)
  if t == nil then print(label, "nil") return end
  local parts = {}
  for _, k in ipairs{"source", "short_src", "what", "linedefined", "lastlinedefined", "currentline",
                      "nups", "nparams", "isvararg", "name", "namewhat", "istailcall", "ftransfer", "ntransfer"} do
    if t[k] ~= nil then parts[#parts + 1] = k .. "=" .. tostring(t[k]) end
  end
  print(label, table.concat(parts, " "))
end

-- a Lua function value (no activation: no name, currentline -1)
local function sample(a, b, ...)
  local x = a
  return x
end
show("sample", debug.getinfo(sample))
print("sample keys", keys(debug.getinfo(sample)))
print("func", debug.getinfo(sample, "f").func == sample)
show("print", debug.getinfo(print))
print("print L", debug.getinfo(print, "L").activelines)
show("math.sin u", debug.getinfo(math.sin, "u"))
show("S only", debug.getinfo(sample, "S"))
print("S keys", keys(debug.getinfo(sample, "S")))
print("empty keys", keys(debug.getinfo(sample, "")))

-- active lines, sorted
local function lines(f)
  local t = debug.getinfo(f, "L").activelines
  local ls = {}
  for l in pairs(t) do ls[#ls + 1] = l end
  table.sort(ls)
  return table.concat(ls, " ")
end
print("lines sample", lines(sample))
print("lines vararg", lines(function (...)
  local a = 1

  return a
end))
print("lines empty", lines(function () end))

-- levels
local function level1()
  local t = debug.getinfo(1)
  show("level1", t)
  print("level1 func", t.func == level1)
  show("level2", debug.getinfo(2, "nSl"))
  show("level0", debug.getinfo(0, "nSl"))
  print("huge level", debug.getinfo(1000))
  print("negative level", debug.getinfo(-1))
end
level1()

-- names: global, local, method, field, upvalue
function globalfn() return debug.getinfo(1, "n") end
local localfn = function () return debug.getinfo(1, "n") end
local obj = {}
function obj.field() return debug.getinfo(1, "n") end
function obj:method() return debug.getinfo(1, "n") end
local function viaupvalue() return localfn() end
show("global", globalfn())
show("local", localfn())
show("field", obj.field())
show("method", obj:method())
local function callup() local t = localfn() return t end
show("upvalue", callup())
show("tail", (function () return localfn() end)())
show("pcall'd", select(2, pcall(localfn)))

-- metamethods and iterators
local mt = {}
local function mm() return debug.getinfo(1, "n") end
for _, e in ipairs{"__index", "__newindex", "__add", "__sub", "__concat", "__len", "__unm", "__eq", "__lt",
                   "__le", "__call", "__band", "__shl", "__bnot", "__idiv", "__mod", "__close"} do
  mt[e] = function (...) local t = debug.getinfo(1, "n") last = t.namewhat .. " " .. t.name return ... end
end
local a = setmetatable({}, mt)
local b = setmetatable({}, mt)
last = nil; local _ = a.x; print(last)
last = nil; a.x = 1; print(last)
last = nil; _ = a + 1; print(last)
last = nil; _ = 1 - a; print(last)
last = nil; _ = a .. "x"; print(last)
last = nil; _ = #a; print(last)
last = nil; _ = -a; print(last)
last = nil; _ = a == b; print(last)
last = nil; _ = a < b; print(last)
last = nil; _ = a <= b; print(last)
last = nil; _ = a >= 1; print(last)
last = nil; a(); print(last)
last = nil; _ = a & 1; print(last)
last = nil; _ = a << 1; print(last)
last = nil; _ = ~a; print(last)
last = nil; _ = a // 2; print(last)
last = nil; _ = a % 2; print(last)
do last = nil; local c <close> = a end; print(last)
for _ in function () local t = mm() print(t.namewhat, t.name) end do end

-- tail calls
local function tailee()
  local t = debug.getinfo(1, "nt")
  print("tailee", t.istailcall, t.name, t.namewhat)
  local up = debug.getinfo(2, "nt")
  print("caller of tailee", up.istailcall, up.name, up.namewhat)
end
local function tailer() return tailee() end
local function calltailer() tailer() end
calltailer()

-- errors
print(pcall(debug.getinfo, print, "X"))
print(pcall(debug.getinfo, 1, ">"))
print(pcall(debug.getinfo, print, ">S"))
print(pcall(debug.getinfo, 1, "Sx"))
print(pcall(debug.getinfo, 1000, "X"))     -- no such level: nil, options not checked
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, {}))
print(pcall(debug.getinfo, 1.5))
print(pcall(debug.getinfo, 1, {}))
print(select('#', debug.getinfo(1000)))

-- chunk names
local function srcof(src, name)
  local f = load(src, name)
  local t = debug.getinfo(f, "S")
  return t.source == src and "(=src)" or t.source, t.short_src, t.what, t.linedefined
end
print(srcof("return 1"))
print(srcof("return 1", "=custom"))
print(srcof("return 1", "@file.lua"))
print(srcof("\nreturn 1"))
print(srcof("return 1", ""))
print(srcof("return 1", "=" .. string.rep("x", 100)))
print(srcof("return 1", "@" .. string.rep("y", 100) .. "z"))
print(srcof("return " .. string.rep("1 + ", 30) .. "1"))
local inner = load("return function () end", "=inner")()
print(srcof ~= nil, debug.getinfo(inner, "S").what, debug.getinfo(inner, "S").linedefined)

-- thread argument
local co = coroutine.create(function (x)
  local y = x * 2
  coroutine.yield(y)
end)
coroutine.resume(co, 21)
show("co level0", debug.getinfo(co, 0, "nSl"))
show("co level1", debug.getinfo(co, 1, "nSlu"))
print("co level2", debug.getinfo(co, 2))
print("co func", debug.getinfo(co, 1, "f").func ~= nil)
print("fresh co", debug.getinfo(coroutine.create(print), 0))
show("co function", debug.getinfo(co, print, "S"))

-- main chunk
local m = debug.getinfo(1, "Su")
print("main", m.what, m.linedefined, m.nups, m.nparams, m.isvararg, m.short_src)
local n, v = debug.getupvalue(debug.getinfo(1, "f").func, 1)
print("main upvalue", n, v == _ENV)
