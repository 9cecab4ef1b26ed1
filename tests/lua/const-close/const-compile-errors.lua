-- compile-time checks for const/close (messages name the variable)
for _, src in ipairs({
  "local a <const> = 1; a = 2",
  "local a <close> = nil; a = 1",
  "local a <const> = 1; function f() a = 2 end",
  "local a <const> = 1; local function g() return function() a = 5 end end",
  "local a <const> = 1; for i = 1, 2 do a = i end",
  "local a <static> = 1",
  "local a <const> = 1; local a = 2; a = 3; return a",
}) do
  local f, err = load(src)
  print(err or ("ok: " .. tostring(f())))
end
