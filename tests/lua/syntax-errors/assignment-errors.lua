-- invalid assignment targets and call statements
local function check(src, name)
  local f, err = load(src, name)
  print(err or "ok")
end

check("f() = 1")
check("(a) = 1")
check("a + b = 1")
check("'str' = 1")
check("a, f() = 1, 2")
check("a.b")
check("a[1]")
check("a:b")
check("nil = 1")
check("true = 1")
check("... = 1")
check("local a, b, = 1")
check("x = 1, ")
