-- integer loops near the limits never overflow or loop forever
local max, min = math.maxinteger, math.mininteger
local c = 0
for i = max - 2, max do c = c + 1; io.write(i, " ") end print(c)
c = 0
for i = min + 2, min, -1 do c = c + 1; io.write(i, " ") end print(c)
c = 0
for i = max - 10, max, 7 do c = c + 1; io.write(i, " ") end print(c)
c = 0
for i = min, min + 20, max do c = c + 1 end print(c)
c = 0
for i = max, min, min do c = c + 1; io.write(i, " ") end print(c)
c = 0
for i = 1, max, max // 2 do c = c + 1 end print(c)
c = 0
for i = min, max, max do c = c + 1 end print(c)
c = 0
for i = 0, 0, max do c = c + 1 end print(c)
for i = max, max - 1 do print("never") end
for i = min, min + 1, -1 do print("never") end
