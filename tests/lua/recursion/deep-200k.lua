-- non-tail recursion 200,000 levels deep must work (PUC-Lua accepts it: LUAI_MAXSTACK is 1,000,000 slots)
local function depth(n)
  if n == 0 then return 0 end
  return 1 + depth(n - 1)
end
print(depth(200000))
local function sum(n) if n == 0 then return 0 end return n + sum(n - 1) end
print(sum(150000))
