-- type() of each kind of value
print(type(nil), type(true), type(1), type(1.5), type("s"), type({}), type(print), type(type))
print(type(coroutine.create(print)), type(io.stdout), type(function() end))
print(pcall(type))
print(type(type(nil)))
