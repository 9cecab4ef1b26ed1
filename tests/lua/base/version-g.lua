-- _VERSION, _G and the standard global names
print(_VERSION, _G._G == _G, _G._VERSION)
local names = {}
for k in pairs(_G) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
-- every function the 5.4 manual lists exists (builds may add compatibility extras such as math.pow)
local manual = {
  coroutine = "close create isyieldable resume running status wrap yield",
  debug = "debug gethook getinfo getlocal getmetatable getregistry getupvalue getuservalue sethook setlocal setmetatable setupvalue setuservalue traceback upvalueid upvaluejoin",
  io = "close flush input lines open output popen read stderr stdin stdout tmpfile type write",
  math = "abs acos asin atan ceil cos deg exp floor fmod huge log max maxinteger min mininteger modf pi rad random randomseed sin sqrt tan tointeger type ult",
  os = "clock date difftime execute exit getenv remove rename setlocale time tmpname",
  package = "config cpath loaded loadlib path preload searchers searchpath",
  string = "byte char dump find format gmatch gsub len lower match pack packsize rep reverse sub unpack upper",
  table = "concat insert move pack remove sort unpack",
  utf8 = "char charpattern codepoint codes len offset",
}
for _, lib in ipairs({"coroutine", "debug", "io", "math", "os", "package", "string", "table", "utf8"}) do
  local missing, n = {}, 0
  for name in manual[lib]:gmatch("%S+") do
    n = n + 1
    if _G[lib][name] == nil then missing[#missing + 1] = name end
  end
  print(lib, n, #missing == 0 and "all present" or "missing: " .. table.concat(missing, " "))
end
