-- string values index the string table through their metatable
local s = "Hello"
print(s:upper(), s:lower(), s:len(), s:rep(2, "-"), s:sub(2, 3), s:reverse())
print(("x"):rep(3), ("%d-%s"):format(5, "a"), #s:rep(0))
print(getmetatable("").__index == string, ("abc").len == string.len, s.upper == string.upper)
print(pcall(function() return s.nosuch() end))
print(pcall(function() local n = 5; return n:foo() end))
print(("test"):find("s"), ("a,b"):match("(%a),(%a)"))
string.custom = function(self) return "custom:" .. self end
print(("x"):custom())
