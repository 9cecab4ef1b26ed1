-- runtime errors report the line of the failing operation in multi-line expressions
local t = {}
local ok, e = pcall(function()
  local v = 1 +
    2 +
    t.missing.field
  return v
end)
print(e)
ok, e = pcall(function()
  local r = {
    a = 1,
    b = nil .. "x",
  }
end)
print(e)
ok, e = pcall(function()
  return f(
    1,
    2
  )
end)
print(e)
ok, e = pcall(function()
  local x = t
    .a
    .b
end)
print(e)
