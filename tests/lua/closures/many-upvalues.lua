-- a function with many upvalues, all updated
local a1, a2, a3, a4, a5, a6, a7, a8, a9, a10 = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
local function bump()
  a1, a2, a3, a4, a5 = a1 + 1, a2 + 1, a3 + 1, a4 + 1, a5 + 1
  a6, a7, a8, a9, a10 = a6 * 2, a7 * 2, a8 * 2, a9 * 2, a10 * 2
  return a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10
end
print(bump(), bump(), a1, a10)
local src = {"local u1"}
for i = 2, 200 do src[#src + 1] = "local u" .. i .. " = " .. i end
src[#src + 1] = "return function() return u2 + u100 + u200 end"
print(load(table.concat(src, "\n"))()())
