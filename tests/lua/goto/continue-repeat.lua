-- goto continue inside repeat-until (label before 'until' that uses no new locals)
local i = 0
local out = {}
repeat
  i = i + 1
  if i % 3 == 0 then goto continue end
  out[#out + 1] = i
  ::continue::
until i >= 10
print(table.concat(out, ","))
