-- numeric for: steps, empty loops, loop variable is a copy
for i = 1, 5 do io.write(i, " ") end print()
for i = 5, 1, -1 do io.write(i, " ") end print()
for i = 1, 10, 3 do io.write(i, " ") end print()
for i = 10, 1, -4 do io.write(i, " ") end print()
for i = 1, 0 do io.write("never") end
for i = 0, -1, 1 do io.write("never") end
for i = 1, 1 do io.write("once ") end print()
for i = 1, 3 do local j = i; i = i * 10; io.write(i, ":", j, " ") end print()
local n = 3
for i = 1, n do n = 10; io.write(i, " ") end print()
