-- labels are visible in nested blocks; same name allowed in sibling blocks
do
  local x = 0
  ::a::
  x = x + 1
  do
    if x < 3 then goto a end
  end
  print(x)
end
do ::a:: print("sibling a") end
-- jumping to a label at the end of a block skips locals in scope (allowed: label at block end)
do
  goto finish
  local y = 1
  print(y)
  ::finish::
end
print("ok")
