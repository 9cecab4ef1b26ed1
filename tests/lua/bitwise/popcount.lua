-- a few bit-twiddling algorithms on 64-bit integers
local function popcount(x)
  local c = 0
  while x ~= 0 do x = x & (x - 1); c = c + 1 end
  return c
end
local function reverse(x)
  local r = 0
  for i = 0, 63 do
    r = (r << 1) | ((x >> i) & 1)
  end
  return r
end
for _, v in ipairs({0, 1, 255, -1, math.mininteger, 0x5555555555555555, 12345678901234}) do
  print(v, popcount(v), reverse(v), string.format("%016x", v))
end
local h = 0xcbf29ce484222325
for c in ("hello world"):gmatch(".") do h = (h ~ c:byte()) * 0x100000001b3 end
print("fnv1a", h, string.format("%x", h))
