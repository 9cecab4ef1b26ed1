-- recursion through pcall at each level (error unwinds through all of them)
local function down(n)
  if n == 0 then error("bottom") end
  local ok, err = pcall(down, n - 1)
  if n % 100 == 0 then err = err end
  error(err, 0)
end
print(pcall(down, 150))
local function count(n) if n == 0 then return 0 end local ok, v = pcall(count, n - 1) return v + 1 end
print(count(150))
