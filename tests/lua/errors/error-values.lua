-- error() can throw any value; pcall returns it unchanged
local t = {}
local function f() end
local co = coroutine.create(f)
for _, v in ipairs({"string", 42, 4.5, true, false, t, f, co}) do
  local ok, e = pcall(error, v)
  print(ok, type(e), rawequal(e, v))
end
print(pcall(error, nil))
print(pcall(error))
print(select("#", pcall(error, nil)))
print(pcall(error, math.mininteger), pcall(error, -0.0))
