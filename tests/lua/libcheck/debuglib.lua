local function f(a, b, ...) local c = a + b local d <const> = 5 return debug.getlocal(1, -1), debug.getlocal(1, 3) end
print(f(1, 2, "va1", "va2"))
print(pcall(debug.getlocal, 100, 1)) print(pcall(debug.getlocal, 1, "x")) print(debug.getlocal(print, 1)) print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3))
print(pcall(debug.getlocal)) print(pcall(debug.setlocal, 100, 1, 1))
local co = coroutine.create(function(x, y) local z = x * y coroutine.yield(z) end)
coroutine.resume(co, 3, 4)
print(debug.getlocal(co, 1, 1), debug.getlocal(co, 1, 3), debug.setlocal(co, 1, 3, 99), debug.getlocal(co, 1, 3))
print(pcall(debug.getlocal, co, 5, 1))
local info = debug.getinfo(co, 1, "Sl") print(info.currentline, info.short_src, info.what)
print(debug.traceback(co)) print(debug.traceback(co, "msg")) print(debug.traceback(co, "msg", 1))
print((function() return debug.traceback("hello", 1) end)():match("^hello\nstack traceback:\n") ~= nil, (debug.traceback(42):gsub("\n.*", "")), debug.traceback({}) ~= nil, (debug.traceback(nil):gsub("\n.*", "")))
print(pcall(debug.getinfo, 1, ">")) print(pcall(debug.getinfo, 1, "q")) print(debug.getinfo(100)) print(pcall(debug.getinfo, "x"))
local i = debug.getinfo(print) print(i.what, i.short_src, i.source, i.currentline, i.linedefined, i.nups, i.nparams, i.isvararg, i.istailcall, i.func == print)
local i2 = debug.getinfo(f, "SlunfLtr") print(i2.what, i2.short_src, i2.source, i2.linedefined, i2.lastlinedefined, i2.nups, i2.nparams, i2.isvararg, i2.name, i2.namewhat, i2.currentline, i2.ftransfer, i2.ntransfer)
local lines = {} for k in pairs(i2.activelines) do lines[#lines+1] = k end table.sort(lines) print(table.concat(lines, ","))
local function named() return debug.getinfo(1, "n") end
local n = named() print(n.name, n.namewhat)
local t = {m = function() return debug.getinfo(1, "n") end} n = t.m() print(n.name, n.namewhat) n = t:m() print(n.name, n.namewhat)
print(debug.getinfo(1, "S").what, (function() local r = debug.getinfo(1, "t").istailcall return r end)())
local function tc() return debug.getinfo(1, "t").istailcall end local function caller() return tc() end print(caller())
-- upvalues
local u1, u2 = 10, 20
local function g() return u1 + u2 end
print(debug.getupvalue(g, 1), debug.getupvalue(g, 2), debug.getupvalue(g, 3), debug.getupvalue(g, 0))
print(debug.setupvalue(g, 1, 100), g(), debug.setupvalue(g, 5, 1))
print(debug.getupvalue(string.gmatch("a", "a"), 1) ~= nil or "nil", select("#", debug.getupvalue(print, 1)))
print(pcall(debug.getupvalue, 1, 1)) print(pcall(debug.upvalueid, g, 5)) print(pcall(debug.upvalueid, print, 1))
local function h() return u1 end
print(debug.upvalueid(g, 1) == debug.upvalueid(h, 1), debug.upvalueid(g, 2) == debug.upvalueid(h, 1))
debug.upvaluejoin(h, 1, g, 2) print(h())
print(pcall(debug.upvaluejoin, h, 2, g, 1)) print(pcall(debug.upvaluejoin, print, 1, g, 1)) print(pcall(debug.upvaluejoin, h, 1, g, 3))
-- hooks
print(debug.gethook())
local cnt = 0 debug.sethook(function(ev, line) cnt = cnt + 1 end, "l") local x = 1 x = 2 x = 3 debug.sethook() print(cnt > 0, debug.gethook())
local hf = function() end debug.sethook(hf, "crl", 5) local a, b, c = debug.gethook() print(a == hf, b, c) debug.sethook()
debug.sethook(hf, "", 0) print(debug.gethook()) debug.sethook()
print(pcall(debug.sethook, 1, "c"))
-- metatable/uservalue/registry
print(type(debug.getregistry()), debug.getuservalue(1), debug.getuservalue({}, 1), debug.setuservalue ~= nil)
print(pcall(debug.setuservalue, {}, 1)) print(pcall(debug.setmetatable, {}, 1)) print(debug.setmetatable({}, nil) ~= nil)
print(debug.getuservalue(io.stdout, 1), debug.getuservalue(io.stdout, 2))
print(select("#", debug.getuservalue(io.stdout, 1)))
