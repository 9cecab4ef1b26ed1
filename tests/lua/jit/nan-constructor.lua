-- NaN signs survive table constructors in compiled code (0/0 is -nan on x86; lua5.4 prints the sign):
-- the constructor runs after a hot loop, so the code around it is optimised by V8.
for n = 1, 3000 do local t = {} t[1] = n end
local function two() return 0/0, 1 end
local a = {0/0, -(0/0)}
print(a[1], a[2])
local b = {0/0, -(0/0), two()}
print(b[1], b[2], b[3], b[4], #b)
local c = {two()}
print(c[1], c[2], #c)
local s = 0
for i = 1, 3000 do
  local t = {i / 0, -(i - i) / 0 * 0, (i - i) / (i - i)}
  s = s + (t[1] == math.huge and 1 or 0)
  if i == 3000 then print(t[1], t[2], t[3]) end
end
print(s)
