-- goto forward and backward, continue idiom
local i = 1
::top::
if i <= 3 then io.write(i, " "); i = i + 1; goto top end
print()
for j = 1, 6 do
  if j % 2 == 0 then goto continue end
  io.write(j, " ")
  ::continue::
end
print()
do goto skip; print("never") ::skip:: end
print("after skip")
