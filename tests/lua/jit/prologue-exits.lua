-- a compiled function's prologue exits (JS stack budget used up, parameter respecialisation) hand the call to
-- the interpreter with the function's parameters: missing ones are nil, extra ones dropped (non-vararg)
local function deep(n, x, y)  -- past the budget inside a metamethod: run interpreted (not unwindable)
  if n == 0 then return x, y end
  local a, b = deep(n - 1, x, nil, 'extra', 'more')
  return a, b
end
local mt = { __index = function(t, k) return deep(k, 'idx') end }
print(setmetatable({}, mt)[6000])
print(deep(9000, 'plain', 2))  -- unwinds compiled frames and resumes them

local function sum(n, m)  -- integer parameters speculated, then a float and a string with extra arguments
  local s = 0
  for i = 1, n do s = s + i end
  return s, m
end
for i = 1, 200 do sum(i, i) end
print(sum(10.0, 'x', 'extra'))
print(sum(4))
print(pcall(sum, 'a', 1, 2))

local function leaf(a, b) return b, a end  -- called below the budget and past it, few and many arguments
local function rec(n)
  if n == 0 then return 0 end
  local x, y = leaf(n)
  local z = leaf(n, 1, 2, 3)
  return rec(n - 1) + (x == nil and 1 or 0) + (y == n and 1 or 0) + z
end
print(rec(7000))
