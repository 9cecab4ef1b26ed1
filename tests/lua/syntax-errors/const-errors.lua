-- attribs and assignment to const/close variables
local function check(src, name)
  local f, err = load(src, name)
  print(err or "ok")
end

check("local x <const> = 1; x = 2")
check("local x <close> = nil; x = 2")
check("local x <foo> = 1")
check("local x <const>, y <close> = 1, 2")
check("local a <close>, b <close> = 1, 2")
check("local x <const> = 1; local function f() x = 3 end")
check("local function f() end; f = 1")
check("local x <const> = 1; return function() return x end")
check("local x <const>")
check("local x < const > = 5; return x")
check("local x <const> = 1; x.y = 2")
check("local x <const> = {}; x.y = 2")
