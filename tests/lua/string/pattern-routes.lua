-- Patterns used repeatedly (the library may run a pattern it has seen before by another route, e.g. the
-- host's regex engine): every use must give the matcher's results, errors included.
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = string.format("%q", t[i]) end
  return table.concat(t, ",", 1, t.n)
end
local function try(f, ...)
  local r = table.pack(pcall(f, ...))
  if not r[1] then return "ERR " .. tostring(r[2]) end
  return show(table.unpack(r, 2, r.n))
end
local function gm(s, p, init)
  local r = {}
  for a, b in s:gmatch(p, init) do r[#r + 1] = tostring(a) .. "/" .. tostring(b) if #r > 30 then break end end
  return table.concat(r, "|")
end
local function all(s, p, init)
  local out = {}
  for rep = 1, 3 do
    out[#out + 1] = try(string.find, s, p, init)
    out[#out + 1] = try(string.match, s, p, init)
    out[#out + 1] = try(string.gsub, s, p, "<%0>")
    out[#out + 1] = try(string.gsub, s, p, "[%1%%]", 2)
    out[#out + 1] = try(string.gsub, s, p, {a = "A", [""] = "E", ab = false, x = 1.5})
    out[#out + 1] = try(string.gsub, s, p, function(...) return select("#", ...) .. (...) end)
    out[#out + 1] = try(gm, s, p, init)
  end
  print(string.format("%q %q", p, s), table.concat(out, " ; "))
end

-- edge cases of the matcher's semantics
local cases = {
  {"hello world from lua", "(%w+) (%w+)"}, {"key = value, k2=v2", "(%w+)%s*=%s*(%w+)"},
  {"  trim me  ", "^%s*(.-)%s*$"}, {"a,b,,c", "([^,]*)"}, {"abc", "%w*"}, {"abc", "x*"}, {"", "x*"},
  {"THE (quick) fox", "%f[%a]%a+"}, {"THE (quick) fox", "%f[%A]"}, {"a\0b\0", "%f[%z]"}, {"a\0b", "%f[^%z]."},
  {"aaab", "a-b"}, {"aaab", "a-"}, {"xyzzy", "(z)%1"}, {"abcabc", "(abc)%1$"}, {"x$y", "$y"}, {"x$y", "x$"},
  {"^^ab", "^^"}, {"a+b", "a+b"}, {"a+b", "a%+b"}, {"[]]x", "[]]"}, {"a-z", "[a%-z]+"}, {"a]b", "[^]]+"},
  {"2024-01-15 12:34", "(%d+)-(%d+)-(%d+)"}, {"f(a(b)c)", "%b()"}, {"x = ()", "()"}, {"abc", "()b()"},
  {"abc", "(a"}, {"abc", "a)"}, {"abc", "%"}, {"abc", "[a"}, {"abc", "%1"}, {"abc", "(a)%2"}, {"abc", "%f"},
  {"abc", "%g+"}, {"\200\201abc", "[\128-\255]+"}, {"\200\201abc", "%A+"}, {"a.b.c", "%.(%a)"},
  {"aaa", "a?a?a?a"}, {"aaa", "(a*(.)%w(%s*))"}, {"one two  three", "%s%s?"},
}
for _, c in ipairs(cases) do all(c[1], c[2]) all(c[1], c[2], 2) all(c[1], c[2], -2) end

-- deep patterns: "pattern too complex" comes from the matcher's depth limit
local deep = string.rep("a?", 210) .. string.rep("a", 210)
for rep = 1, 3 do print(pcall(string.find, string.rep("a", 210), deep)) end
local deep2 = string.rep("(", 40) .. "a" .. string.rep(")", 40)
for rep = 1, 3 do print(pcall(string.find, "xa", deep2)) end
for rep = 1, 3 do print(pcall(string.gsub, "abc", "(b)", "%2")) end
for rep = 1, 3 do print(pcall(string.gsub, "abc", "b", "%x")) end
for rep = 1, 3 do print(pcall(string.gsub, "abc", "b", "%")) end
for rep = 1, 3 do print(pcall(string.gsub, "abc", "(b)", {b = {}})) end

-- a small deterministic fuzz over the items and quantifiers
local atoms = {"a", "b", ".", "%a", "%d", "%s", "[ab]", "[^a]", "%%", "$", "^", "(", ")", "%1", "%f[%a]",
  "%f[%z]", "-", "*", "[%a-]", "\0"}
local quants = {"", "", "*", "+", "-", "?"}
local chars = {"a", "b", "x", " ", "1", "_", "(", ")", "%", "\0", "-", "\200"}
local seed = 12345
local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648 return seed % n + 1 end
for k = 1, 150 do
  local t = {}
  if rnd(4) == 1 then t[#t + 1] = "^" end
  local open = 0
  for i = 1, rnd(5) do
    local r = rnd(10)
    if r == 1 and open < 3 then t[#t + 1] = "("; open = open + 1
    elseif r == 2 and open > 0 then t[#t + 1] = ")"; open = open - 1
    else
      local a = atoms[rnd(#atoms)]
      t[#t + 1] = a
      if #a <= 4 and a:sub(1, 2) ~= "%f" then t[#t + 1] = quants[rnd(#quants)] end
    end
  end
  while open > 0 and rnd(5) ~= 1 do t[#t + 1] = ")"; open = open - 1 end
  local s = {}
  for i = 1, rnd(12) - 1 do s[#s + 1] = chars[rnd(#chars)] end
  all(table.concat(s), table.concat(t), rnd(8) - 3)
end
