-- Plain numeric loops: integer arithmetic, modulo and branches in nested loops.
-- quick: 300
local n = tonumber(arg and arg[1]) or 30000
local acc = 0
for i = 1, n do
  for j = 1, 2000 do
    local x = i * j + j
    if x % 3 == 0 then acc = acc + x % 1000 else acc = acc - 1 end
  end
  acc = acc % 1000000007
end
print(string.format("loops checksum %d", acc))
