-- Word frequencies: a generated text split with gmatch, counted in a table with string keys, then sorted.
-- quick: 20000
local nwords = tonumber(arg and arg[1]) or 2000000
local seed = 42
local function rand(n) seed = seed * 16807.0 % 2147483647; return math.floor(seed % n) end
-- a vocabulary of 5000 pseudo-words with a Zipf-like choice
local syll = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qua", "bri", "sto", "an", "el", "or"}
local vocab = {}
for i = 1, 5000 do
  local w, k = {}, 1 + rand(3) + rand(2)
  for j = 1, k do w[j] = syll[1 + rand(#syll)] end
  vocab[i] = table.concat(w)
end
local parts = {}
for i = 1, nwords do
  local r = rand(1000000) / 1000000
  parts[i] = vocab[1 + math.floor(5000 * r * r * r)]
end
local text = table.concat(parts, " ")
local freq = {}
for w in text:gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
for w in text:gmatch("(%a+)%s") do local u = w:upper(); freq[u] = (freq[u] or 0) + 1 end
local list = {}
for w, c in pairs(freq) do list[#list + 1] = w end
table.sort(list, function(a, b) if freq[a] ~= freq[b] then return freq[a] > freq[b] end return a < b end)
local check = 0
for i = 1, #list do check = (check * 31 + freq[list[i]] + #list[i]) % 1000003 end
print(string.format("%d distinct words; top: %s=%d %s=%d; checksum %d", #list, list[1], freq[list[1]], list[2], freq[list[2]], check))
