-- <const> locals: usable values, constant folding, closures over them
local N <const> = 10
local S <const> = "str"
local F <const> = 2.5
local T <const> = {1, 2}
print(N * 2, S .. "!", F + N, #T)
T[3] = 3
print(#T)
local function f() return N + 1, S end
print(f())
local a <const>, b = 1, 2
b = 3
print(a, b)
local big <const> = math.maxinteger
print(big + 1 == math.mininteger)
