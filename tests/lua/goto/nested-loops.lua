-- goto out of nested loops
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 4 then goto done end
    io.write(i, "*", j, " ")
  end
end
::done::
print()
local n = 0
while true do
  repeat
    n = n + 1
    if n > 5 then goto out end
  until false
end
::out::
print(n)
