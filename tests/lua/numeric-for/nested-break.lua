-- nested loops with break affect only the innermost loop
local out = {}
for i = 1, 5 do
  for j = 1, 5 do
    if j > i then break end
    out[#out + 1] = i * j
  end
  if i == 4 then break end
end
print(table.concat(out, " "))
local primes = {}
for n = 2, 50 do
  local isp = true
  for d = 2, n - 1 do
    if d * d > n then break end
    if n % d == 0 then isp = false; break end
  end
  if isp then primes[#primes + 1] = n end
end
print(table.concat(primes, " "))
