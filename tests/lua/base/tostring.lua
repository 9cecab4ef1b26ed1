-- tostring of every basic type (addresses are masked)
local function mask(s) return (s:gsub("0x%x+", "ADDR"):gsub(": [%x]+$", ": ADDR")) end
print(tostring(nil), tostring(true), tostring(false), tostring(123), tostring(-1.5))
print(tostring("s"), tostring(1e100), tostring(-0.0), tostring(1/0), tostring(math.mininteger))
print(mask(tostring({})), mask(tostring(print)), mask(tostring(function() end)), mask(tostring(coroutine.create(print))))
print(tostring(io.stdout):match("^file %(0x") ~= nil, pcall(tostring))
print(tostring(setmetatable({}, {__name = "N"})):match("^N: ") ~= nil)
print(type(tostring(tostring)), #tostring(12345.678))
