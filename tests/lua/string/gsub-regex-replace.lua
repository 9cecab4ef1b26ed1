-- gsub with a string replacement through the host regex (one-result call sites): templates, "$", empty matches, errors
local function f(...) return (string.gsub(...)) end
for r = 1, 3 do
  print(("12:34 5:x 7:"):gsub("(%d+):(%d*)", "%2=%1"))
  local a = ("12:34 5:x 7:"):gsub("(%d+):(%d*)", "%2=%1")
  local b = ("a$b c$d"):gsub("(%a)%$", "%1$$%0%%")
  local c = ("hello world"):gsub("o%a*", "<%0>")
  local d = ("hello world"):gsub("l+", "%1")
  local e = ("abc"):gsub("%a*", "-")
  local g = ("x1y22z333"):gsub("(%d)(%d*)", "[%2|%1]0")
  local h = ("aaa"):gsub("(a)%1", "b")
  print(a, b, c, d, e, g, h)
  print(pcall(f, "abc", "(%a)", "%2"))
  print(pcall(f, "abc", "%a", "%x"))
end
for r = 1, 3 do
  print(pcall(function() local x = ("abc"):gsub("(%a)", "%2"); return x end))
  print(pcall(function() local x = ("abc"):gsub("(%a)", "%"); return x end))
  print(pcall(function() local x = ("abc"):gsub("%a(", "x"); return x end))
  local big = string.rep("ab1 ", 5000)
  local x = big:gsub("(%a+)(%d)", "%2%1")
  print(#x, x:sub(1, 12))
end
