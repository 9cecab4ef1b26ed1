-- sieve of Eratosthenes and a few number-theory helpers
local N = 100000
local sieve = {}
for i = 2, N do sieve[i] = true end
for i = 2, math.floor(math.sqrt(N)) do
  if sieve[i] then for j = i * i, N, i do sieve[j] = false end end
end
local count, last = 0, 0
for i = 2, N do if sieve[i] then count = count + 1; last = i end end
print(count, last)
local function gcd(a, b) while b ~= 0 do a, b = b, a % b end return a end
local function powmod(b, e, m) local r = 1; b = b % m; while e > 0 do if e & 1 == 1 then r = r * b % m end b = b * b % m; e = e >> 1 end return r end
print(gcd(1071, 462), gcd(2^40 // 1, 6 ^ 10 // 1), powmod(2, 1000, 1000000007), powmod(3, 10^9 // 1, 998244353))
