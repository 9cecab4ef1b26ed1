-- Sieve of Eratosthenes, repeated: integer loops and array stores.
-- quick: 1 100000
local reps = tonumber(arg and arg[1]) or 20
local N = tonumber(arg and arg[2]) or 1000000
local count = 0
for r = 1, reps do
  local flags = {}
  for i = 2, N do flags[i] = true end
  local c = 0
  for i = 2, N do
    if flags[i] then
      c = c + 1
      for j = i + i, N, i do flags[j] = false end
    end
  end
  count = count + c
end
print(string.format("primes below %d, %d times: %d", N, reps, count))
