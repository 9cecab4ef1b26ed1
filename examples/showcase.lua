-- A tour of Lua 5.4 that Moonrise runs: integers and floats, closures, metatables,
-- coroutines, string patterns, goto, <close> and error handling.

print(("Running %s"):format(_VERSION))

-- 64-bit integers wrap around; floats stay floats.
print(math.maxinteger + 1 == math.mininteger, 7 // 2, 7 / 2, 2^10, 10 // 0.0)

-- Closures and upvalues: a counter factory.
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c = counter()
c(); c()
print("counter:", c())

-- Metatables: a small 2D vector class with operators.
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({x = x, y = y}, Vec) end
function Vec.__add(a, b) return Vec.new(a.x + b.x, a.y + b.y) end
function Vec.__eq(a, b) return a.x == b.x and a.y == b.y end
function Vec:__tostring() return ("(%g, %g)"):format(self.x, self.y) end
function Vec:length() return math.sqrt(self.x * self.x + self.y * self.y) end
local v = Vec.new(3, 4) + Vec.new(0, 0)
print("vector:", tostring(v), v:length(), v == Vec.new(3, 4))

-- Coroutines: a generator of Fibonacci numbers.
local function fib()
  return coroutine.wrap(function()
    local a, b = 0, 1
    while true do
      coroutine.yield(a)
      a, b = b, a + b
    end
  end)
end
local out = {}
for x in fib() do
  if x > 100 then break end
  out[#out + 1] = x
end
print("fib:", table.concat(out, " "))

-- String patterns: word frequencies, sorted for stable output.
local text = "the quick brown fox jumps over the lazy dog the end"
local freq = {}
for w in text:gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
local words = {}
for w in pairs(freq) do words[#words + 1] = w end
table.sort(words, function(a, b) return freq[a] > freq[b] or (freq[a] == freq[b] and a < b) end)
print("top words:", words[1], freq[words[1]], words[2], words[3])
print(("%q"):format("tab\there"), ("x = %5.2f|%-5d|%x"):format(math.pi, 42, 255))

-- goto and to-be-closed variables.
do
  local log = {}
  do
    local res <close> = setmetatable({}, {__close = function() log[#log + 1] = "closed" end})
    for i = 1, 3 do
      for j = 1, 3 do
        if i * j == 4 then goto done end
      end
    end
    ::done::
    log[#log + 1] = "left loops"
  end
  print("close:", table.concat(log, ", "))
end

-- Errors carry positions and can be caught.
local ok, err = pcall(function() local t = nil; return t.field end)
print("pcall:", ok, err)
print(select("#", pcall(error, {code = 42})), select(2, pcall(error, {code = 42})).code)
