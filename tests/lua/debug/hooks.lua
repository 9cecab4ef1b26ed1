-- debug.sethook / gethook: line, call, return, tail call and count events, masks, per-thread hooks
print(debug.gethook())

-- line traces of small chunks
local function trace(src)
  local lines = {}
  local f = assert(load(src, "=chunk"))
  debug.sethook(function (e, l) lines[#lines + 1] = l end, "l")
  f()
  debug.sethook()
  return table.concat(lines, " ")
end
print(trace("local a = 1\nlocal b = 2\n\nreturn a + b"))
print(trace("for i = 1, 3 do\n  local x = i\nend\n"))
print(trace("for i = 1, 3 do local x = i end"))
print(trace("local a = 0\nwhile a < 3 do\n  a = a + 1\nend\n"))
print(trace("local a = 0\nrepeat\n  a = a + 1\nuntil a == 3\n"))
print(trace("if 1 > 2 then\n  x = 1\nelse\n  x = 2\nend\n"))
print(trace("local function f()\n  return 1\nend\nf()\nf()\n"))
print(trace("for k, v in ipairs{1, 2} do\n  local _ = v\nend\n"))
print(trace("local t = {\n  1,\n  2,\n}\nreturn #t\n"))
print(trace("local function v(...)\n  local n = select('#', ...)\n  return n\nend\nv(1, 2)\n"))
print(trace("goto l\ndo local x = 1 end\n::l::\nreturn\n"))

-- call, return and tail call events, with names
local events = {}
local function rec(e)
  local t = debug.getinfo(2, "nS")
  events[#events + 1] = e .. ":" .. (t.name or t.what)
end
local function leaf() return 1 end
local function mid() leaf(); return leaf() end
local function top() local x = mid() return x end
debug.sethook(rec, "cr")
top()
debug.sethook()
print(table.concat(events, " "))

events = {}
debug.sethook(rec, "c")
top()
debug.sethook()
print(table.concat(events, " "))

events = {}
debug.sethook(rec, "r")
top()
debug.sethook()
print(table.concat(events, " "))

-- gethook answers
local function h() end
debug.sethook(h, "crl", 0)
local hf, hm, hc = debug.gethook()
debug.sethook()
print(hf == h, hm, hc)
debug.sethook(h, "lrc")
print(select(2, debug.gethook()))
debug.sethook(h, "", 7)
print(select(2, debug.gethook()), select(3, debug.gethook()))
debug.sethook(h, "")
print(debug.gethook())
debug.sethook(h, "x")
print(debug.gethook())
debug.sethook(h, "l")
debug.sethook(nil)
print(debug.gethook())
print(getmetatable(debug.getregistry()._HOOKKEY).__mode)

-- count hooks
local n = 0
debug.sethook(function (e) n = n + 1; assert(e == "count") end, "", 1)
for i = 1, 100 do end
debug.sethook()
print("count 1", n)
n = 0
debug.sethook(function () n = n + 1 end, "", 10)
for i = 1, 1000 do end
debug.sethook()
print("count 10", n)

-- a count hook interrupts tight loops (including loops that jump to themselves)
local function interrupt(src)
  local f = load(src)
  local count = 0
  debug.sethook(function () count = count + 1; if count == 50 then error("interrupted", 0) end end, "", 3)
  local ok, err = pcall(f)
  debug.sethook()
  return err
end
print(interrupt("while true do end"))
print(interrupt("::top:: goto top"))
print(interrupt("local x = 0 repeat until x > 0"))
print(interrupt("local t = {} while not t[1] do end"))
print(interrupt("for i = 1, math.maxinteger do end"))
print(interrupt("for i = 1, math.huge do end"))
print(interrupt("for i = 1.5, math.huge do end"))

-- hooks are off inside hooks; a hook can replace itself
local depth, maxdepth = 0, 0
debug.sethook(function ()
  depth = depth + 1
  if depth > maxdepth then maxdepth = depth end
  local _ = math.abs(1)
  depth = depth - 1
end, "c")
math.abs(2)
debug.sethook()
print("max depth", maxdepth)

local seen = {}
debug.sethook(function (e, l)
  seen[#seen + 1] = e
  debug.sethook(function (e2) seen[#seen + 1] = "second " .. e2 end, "r")
end, "c")
local _ = math.abs(3)
debug.sethook()
print(table.concat(seen, ", "))

-- hooks are per thread; new coroutines inherit the creator's hook
local co = coroutine.create(function ()
  local x = 1
  local hf, hm, hc = debug.gethook()
  coroutine.yield(type(hf), hm, hc)
  return "done"
end)
local tr = {}
debug.sethook(co, function (e, l) tr[#tr + 1] = e .. (l and (":" .. l) or "") end, "l")
print("main hook", debug.gethook())
print(coroutine.resume(co))
print(coroutine.resume(co))
print(table.concat(tr, " "))
print(debug.gethook(co) ~= nil)

debug.sethook(h, "l")
local inherited = coroutine.create(function () return debug.gethook() end)
debug.sethook()
local ok, hh, mm = coroutine.resume(inherited)
print("inherited", hh == h, mm)

-- transfer information in call and return hooks
local log = {}
local on = false
debug.sethook(function (e)
  if not on then return end
  local ar = debug.getinfo(2, "rn")
  local vals = {}
  for i = ar.ftransfer, ar.ftransfer + ar.ntransfer - 1 do
    vals[#vals + 1] = tostring(select(2, debug.getlocal(2, i)))
  end
  log[#log + 1] = e .. " " .. tostring(ar.name) .. " [" .. table.concat(vals, ",") .. "]"
end, "cr")
local function add(x, y) return x + y, x - y end
local function va(a, ...) return ... end
on = true
local _ = add(5, 3)
local _ = va(1, 2, 3)
local _ = select(2, "a", "b", "c")
on = false
debug.sethook()
for _, l in ipairs(log) do print(l) end
print(debug.getinfo(1, "r").ftransfer, debug.getinfo(1, "r").ntransfer)

-- line hooks see the current line and the locals of the hooked function
local got = {}
local function watched(p)
  local q = p * 2
  return q
end
debug.sethook(function (e, l)
  local info = debug.getinfo(2, "Sl")
  if info.short_src == debug.getinfo(1, "S").short_src and info.linedefined > 0 then
    got[#got + 1] = l .. "=" .. tostring(info.currentline == l) .. ":" .. tostring(debug.getlocal(2, 1))
  end
end, "l")
watched(4)
debug.sethook()
print(table.concat(got, " "))

-- the hook function is named "hook"
local hookname
debug.sethook(function () hookname = debug.getinfo(1, "n").namewhat .. " " .. debug.getinfo(1, "n").name end, "c")
math.abs(1)
debug.sethook()
print(hookname)

-- errors
print(pcall(debug.sethook, 1, "l"))
print(pcall(debug.sethook, h))
print(pcall(debug.sethook, h, "l", "x"))
