-- ipairs stops at the first nil and respects __index
local t = {1, 2, nil, 4}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end print()
local proxy = setmetatable({}, {__index = function(_, i) if i <= 3 then return i * 10 end end})
for i, v in ipairs(proxy) do io.write(i, "=", v, " ") end print()
for i, v in ipairs({}) do print("never") end
print(pcall(ipairs))
local it, s, init = ipairs({5})
print(type(it), init, it(s, 0), it(s, 1))
local str = setmetatable({}, {__index = function(_, i) return ("abc"):sub(i, i) ~= "" and ("abc"):sub(i, i) or nil end})
for i, c in ipairs(str) do io.write(c) end print()
