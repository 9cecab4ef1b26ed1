-- the numeric for loop keeps integer loops integer and float loops float
for i = 1, 3 do io.write(math.type(i), " ") end print()
for i = 1.0, 3 do io.write(i, " ") end print()
for i = 1, 3.5 do io.write(i, " ", math.type(i), " ") end print()
for i = 1, 2, 0.5 do io.write(i, " ") end print()
for i = 3, 1, -1 do io.write(i, " ") end print()
for i = 1, 0 do print("never") end
for i = 0.1, 0.35, 0.1 do io.write(string.format("%.2f ", i)) end print()
