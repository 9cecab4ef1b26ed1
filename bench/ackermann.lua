-- Ackermann function: deep, irregular recursion.
-- quick: 6
local n = tonumber(arg and arg[1]) or 9
local function ack(m, k)
  if m == 0 then return k + 1 end
  if k == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, k - 1))
end
local sum = 0
for i = 1, 6 do sum = sum + ack(3, n) + ack(2, i * 100) end
print(string.format("ack checksum %d", sum))
