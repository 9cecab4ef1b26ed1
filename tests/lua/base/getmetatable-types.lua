-- getmetatable for each type: only strings have one by default
print(getmetatable("").__index == string, getmetatable(1), getmetatable(true), getmetatable(nil))
print(getmetatable(print), getmetatable({}), getmetatable(coroutine.create(print)))
print(getmetatable(io.stdout) ~= nil, getmetatable(io.stdout).__name)
print(pcall(getmetatable))
