-- syntax errors reported through load's mode and a binary-looking prefix
print(load("\27Lua", "bin", "t"))
print(load("x = 1", "txt", "b"))
print(load("x = = 1", "txt", "bt"))
print(load("\27 garbage", "=garbage"))
print(select("#", load("x = = 1")))
print(load("x = 1", "txt", "x"))
