-- the line reported is the line of the offending token
local function check(src, name)
  local f, err = load(src, name)
  print(err or "ok")
end

check("local a = 1\nlocal b = 2\nlocal c = = 3\n")
check("\n\n\n\n\nx = }")
check("x = [[\n\n\n]] y")
check("--[[\n\n]] x = = 1")
check("f(\n1,\n2,\n3\n4)")
check("x = 'a\\nb' + = 1")
check("local t = {\n\n\n")
