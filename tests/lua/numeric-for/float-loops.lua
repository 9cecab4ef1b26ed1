-- float loops: accumulated steps, float limits with integer starts
for x = 0, 1, 0.25 do io.write(x, " ") end print()
for x = 1, 0, -0.5 do io.write(x, " ") end print()
for x = 0.1, 0.5, 0.1 do io.write(string.format("%.17g ", x)) end print()
local c = 0
for x = 1, 2, 0.1 do c = c + 1 end print(c)
for i = 1, 3.9 do io.write(i, " ", math.type(i), " ") end print()
for i = 1, -1.5, -1 do io.write(i, " ") end print()
for i = 1, math.huge do if i > 3 then break end io.write(i, " ") end print()
for i = -1, -math.huge, -1 do if i < -3 then break end io.write(i, " ") end print()
for i = 1.0, 3 do io.write(i, " ") end print()
c = 0
for i = 1, 0.5 do c = c + 1 end print(c)
for i = 3, 2.5, -1 do io.write(i, " ") end print()
for i = math.maxinteger - 1, 1e100 do io.write(i, " ") end print()
for i = math.mininteger, -1e100, -1 do io.write(i, " ") end print()
