-- %q round-trips any string through load
local samples = {"plain", "quote\"s", "back\\slash", "new\nline", "\r\0\1\127\255", "tab\there", "\0001"}
for _, s in ipairs(samples) do
  local q = string.format("%q", s)
  local back = load("return " .. q)()
  print(q, back == s)
end
print(string.format("%q", 1/3) == "0x1.5555555555555p-2", string.format("%q", 10), string.format("%q", math.mininteger))
print(string.format("%q", 1.0), string.format("%q", math.huge), string.format("%q", -math.huge))
