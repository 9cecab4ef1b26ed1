-- string.find/match at call sites wanting one or two results (compiled code may answer them without the
-- general call), for patterns of fixed form and others, with and without init and plain.
local subjects = {"hello world", "  lead", "k=v; x=12,y=3", "", "aaa", "a.b.c", "x\0y\200z", "(%a+)"}
local pats = {"o", "wor", "l+", "^%s*", "^%s+", "%a+", "%d", "(%a+)=", "%a+=", "[%.]", "%.", ".", "",
  "(%a+)", "x%z?y", "^h", "%S+$", "(", "%", "[a", "a.b", "(%a+)"}
local inits = {nil, 1, 2, -3, 0, 50, 12, 3.0}
for _, s in ipairs(subjects) do
  for _, p in ipairs(pats) do
    for k = 1, 8 do
      local i = inits[k]
      local r = {}
      for rep = 1, 3 do
        local ok, a = pcall(function() local a = s:find(p, i) return a end)
        local ok2, b, c = pcall(function() local b, c = s:find(p, i) return b, c end)
        local ok3, d, e = pcall(function() local d, e = s:find(p, i, true) return d, e end)
        local ok4, f = pcall(function() local f = s:match(p, i) return f end)
        local ok5, g, h = pcall(function() local g, h = s:match(p, i) return g, h end)
        local ok6, m = pcall(function() local m = string.find(s, p, i, false) return m end)
        r[#r + 1] = table.concat({tostring(ok), tostring(a), tostring(ok2), tostring(b), tostring(c), tostring(ok3),
          tostring(d), tostring(e), tostring(ok4), tostring(f), tostring(ok5), tostring(g), tostring(h),
          tostring(ok6), tostring(m)}, " ")
      end
      print(string.format("%q %q %s", s, p, tostring(i)), r[1], r[2] == r[1] and r[3] == r[1])
    end
  end
end
-- errors keep their messages and positions
print(pcall(function() local a, b = ("x"):find("%") return a, b end))
print(pcall(function() local a = ("x"):match("[a") return a end))
print(pcall(function() local a = ("x"):find("x", 1.5) return a end))
print(pcall(function() local a = ("x"):find({}) return a end))
