-- print converts every argument with luaL_tolstring: a __tostring on the string metatable applies to strings too
local mt = getmetatable("")
print("plain", 1, nil, true)
mt.__tostring = function(s) return "<" .. s .. ">" end
print("a", 1, 2.5)
print(tostring("b"))
print(pcall(print, "x", "y"))
mt.__tostring = function(s) return 42 end
print(pcall(print, "z"))
mt.__tostring = nil
print("restored")
-- hot call sites see the metatable change
for i = 1, 4 do
  if i == 3 then mt.__tostring = function(s) return "[" .. s .. "]" end end
  io.write(tostring("b"), " ", string.format("%s", "c"), " ", tostring(12), "\n")
  print("p", i)
end
mt.__tostring = nil
