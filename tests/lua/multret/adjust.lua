-- multiple results are truncated except in the last position of a list
local function three() return 1, 2, 3 end
local function none() end
print(three())
print(three(), "x")
print("x", three())
print((three()))
print(three(), three())
print(none(), "a", none())
print(({three(), three()})[4] == nil, #{three(), three()})
local t = {three(), three(), n = three()}
print(#t, t.n)
local a, b, c, d = three()
print(a, b, c, d)
local e, f = (three())
print(e, f)
