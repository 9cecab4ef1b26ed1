-- xpcall message handlers see the raw error value and run before unwinding
local function handler(e) return "handled<" .. tostring(e) .. ">" end
print(xpcall(error, handler, "x"))
print(xpcall(function(a, b) return a + b end, handler, 3, 4))
print(xpcall(function() error({}) end, function(e) return type(e) end))
print(xpcall(function() local x = nil; return x.y end, handler))
local seen_level
print(xpcall(function() error("where") end, function(e)
  seen_level = debug.getinfo(2, "S").what
  return e
end))
print(seen_level)
print(xpcall(function() error() end, function(e) return e == nil end))
print(xpcall(function() error("x") end, function(...) return select("#", ...) end))
