-- print separates with tabs, ends with a newline, uses tostring (and __tostring/__name)
print()
print(nil)
print(1, nil, false, "s", 2.0)
print("a\0b")
print(setmetatable({}, {__tostring = function() return "custom" end}))
local called = 0
local old = tostring
print(pcall(print, setmetatable({}, {__tostring = function() return 1 end})))
print(pcall(print, setmetatable({}, {__tostring = function() return nil end})))
print(("x"):rep(3, "\t"))
