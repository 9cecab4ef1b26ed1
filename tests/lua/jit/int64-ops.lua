-- 64-bit integer arithmetic in compiled code: every arithmetic, bitwise and comparison operator on edge values
-- (mininteger, maxinteger, -1, 2^53 +- 1, 2^31/2^32 boundaries, shift counts 0/31/32/63/64/-1/-64). Each chunk
-- loads its operands from literals, so the JS tier knows their types (small integers, 64-bit integers held as
-- unboxed word pairs, floats) and emits its specialised code; the `id` variants pass the right operand through
-- a call, so it is of unknown type there. Results escape through print (boxed to the canonical value).

local V = {
  "0", "1", "-1", "2", "-3", "7", "31", "32", "33", "63", "64", "-64", "65", "-65",
  "0x7fffffffffffffff", "0x8000000000000000", "9007199254740991", "9007199254740992", "-9007199254740991",
  "-9007199254740992", "9007199254740993", "0xffffffff", "0x100000000", "0x80000000", "-0x80000000",
  "0x7fffffff", "123456789012345678", "-6917529027641081856", "0x00ff00ff00ff00ff",
}

local function id(v) return v end

local function chunk(x, ys, wrap)
  local src = { "local id = ...\nlocal x = " .. x .. "\nlocal y\n" }
  for _, y in ipairs(ys) do
    src[#src + 1] = ("y = %s\n"):format(wrap and ("id(" .. y .. ")") or y)
    src[#src + 1] = [[
print(x, y, x + y, x - y, x * y, y ~= 0 and x // y or "z", y ~= 0 and x % y or "z", x & y, x | y, x ~ y,
  x << y, x >> y, x < y, x <= y, x == y, x > y, x >= y, x ~= y, -x, ~x, x / y)
]]
  end
  return table.concat(src)
end

for _, x in ipairs(V) do
  assert(load(chunk(x, V, false), "=ops"))(id)
end
-- unknown right operands (and mixed number kinds)
for _, x in ipairs({ "0x7fffffffffffffff", "0x8000000000000000", "-1", "9007199254740993", "5" }) do
  assert(load(chunk(x, { "3", "-1", "64", "0x8000000000000000", "0x100000000" }, true), "=idops"))(id)
end

-- constant operands: the K/immediate forms (ADDK, MULK, BANDK, SHRI, SHLI...) and constant shift counts
local K = { "0", "1", "-1", "255", "0xffff", "0x7fffffff", "0x80000000", "-0x80000000", "0x100000001b3",
  "0x2545F4914F6CDD1D", "0x7fffffffffffffff", "0x8000000000000000", "9007199254740993" }
for _, x in ipairs({ "0x8000000000000000", "-1", "0x7fffffffffffffff", "0x123456789abcdef0", "-9007199254740993",
    "9007199254740991", "-5", "1000000007" }) do
  local src = { "local x = " .. x .. "\n" }
  for _, k in ipairs(K) do
    src[#src + 1] = ("print(%q, x + %s, x - %s, x * %s, x & %s, x | %s, x ~ %s)\n"):format(k, k, k, k, k, k, k)
    if k ~= "0" then src[#src + 1] = ("print(%q, x // %s, x %% %s)\n"):format(k, k, k) end
  end
  for _, n in ipairs({ 0, 1, 7, 10, 11, 12, 20, 31, 32, 33, 40, 52, 53, 62, 63, 64, 65, 100 }) do
    src[#src + 1] = ("print(%d, x >> %d, x << %d, 1 << %d, -1 >> %d, 0x8000000000000000 >> %d)\n"):format(n, n, n, n, n, n)
  end
  assert(load(table.concat(src), "=kops"))()
end

-- mixed operands: floats (integral or not) and numeric strings
for _, y in ipairs({ "2.0", "3.5", "-0.0", "1e300", "'10'", "'0x10'", "' 7 '", "2^53" }) do
  local src = "local x = 0x7fffffffffffffff\nlocal z = 0x100000003\nlocal y = " .. y .. [[

print(x + y, x - y, x * y, x / y, z + y, z * y, x // y, z % y, y + z, y * x, x ^ 0.5 > 0)
print(pcall(function() return x & y, z | y, x ~ y, x << y, x >> y end))
print(x < 2.0^63, x <= 2.0^63, z == 4294967299.0, z < 4294967299.5, -x > -(2.0^63), x == 2^63)
]]
  assert(load(src, "=mixed"))()
end

-- integral floats and strings in bitwise operations; errors with their messages
local f = 2.0^40
local big = 0x7fffffffffffffff
print(big & f, big ~ 3.0, big | 16.0, pcall(function() return big & 1.5 end))
print(pcall(function() return big & 2.0^63 end))
print(pcall(function() return big // 0 end))
print(pcall(function() return big % 0 end))
print(pcall(function() local z = 0 return 0x8000000000000000 // z end))
print(pcall(function() local z = 0 return 0x8000000000000000 % z end))
print(pcall(function() return big & {} end))
print(math.mininteger // -1, math.mininteger % -1, math.mininteger * -1, -math.mininteger)
