-- 64-bit integer hashing (Lua 5.4 64-bit integers: wrap-around multiplication, bitwise operators, //):
-- FNV-1a and xorshift64* over generated data. Not for luajit (no integers, no bit operators) nor fengari (32-bit integers).
-- skip: luajit, fengari
-- quick: 200000
local n = tonumber(arg and arg[1]) or 20000000
local h = 0xcbf29ce484222325
local x = 88172645463325252
local acc = 0
for i = 1, n do
  x = x ~ (x >> 12); x = x ~ (x << 25); x = x ~ (x >> 27)
  local r = x * 0x2545F4914F6CDD1D
  h = (h ~ (r & 0xff)) * 0x100000001b3
  acc = acc + (r >> 40) // 3 + (h & 0xffff) % 7
end
print(string.format("hash-int %d: %x %x %d", n, h, x, acc))
