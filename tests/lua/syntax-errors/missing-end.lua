-- block closers: 'end' expected, with the line of the opening keyword
local function check(src, name)
  local f, err = load(src, name)
  print(err or "ok")
end

check("function f()\n  return 1\n")
check("if x then\n\n\n")
check("while true do\n x = 1\n")
check("for i = 1, 2 do\n")
check("for k, v in pairs(t) do\n")
check("do\n do\n end\n")
check("repeat\n x = 1\n")
check("if x then elseif y then else\n")
check("local t = {\n 1,\n 2\n")
check("f(1,\n2\n")
check("x = (1 + 2\n")
check("local function g()\n\n\nend end")
