-- error() with a string at top level
local function check(x)
  if x > 1 then error("x is too big: " .. x) end
end
check(1)
io.write("checked 1\n")
check(2)
