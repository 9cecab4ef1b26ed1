-- t[#t + 1] = v (LEN, ADDI, SETTABLE on one table) compiled as one append: borders, holes, metamethods, errors,
-- the key register's value, typed float values, captured tables, coroutines.
local function dump(t, n)
  local s = {}
  for i = 1, n do s[i] = tostring(t[i]) end
  return table.concat(s, " ")
end

-- plain appends, nil appends, holes and the border moves they make
local function plain()
  local t = {}
  for i = 1, 20 do t[#t + 1] = i * 2 end
  print(#t, dump(t, 21))
  t[#t] = nil; t[#t] = nil
  t[#t + 1] = "a"
  print(#t, dump(t, 21))
  local h = {1, 2, nil, 4}
  h[#h + 1] = "x"
  print(#h, dump(h, 6))
  local g = {nil, nil, 3}
  g[#g + 1] = "y"
  print(#g, dump(g, 5))
  local z = {}
  z[#z + 1] = nil
  z[#z + 1] = 1
  z[#z + 1] = nil
  z[#z + 1] = 2
  print(#z, dump(z, 4))
  local m = {}
  m[1] = 1; m[2] = 2; m[4] = 4; m[3] = nil
  m[#m + 1] = 3
  print(#m, dump(m, 6))
  local big = {}
  for i = 1, 64 do big[i] = i end
  for i = 40, 64 do big[i] = nil end
  big[#big + 1] = "b"
  print(#big, big[39], big[40], big[41])
  for i = 1, 70 do big[#big + 1] = i end
  print(#big, big[110], big[111])
  local s = {}
  s[#s + 1] = s
  print(#s, s[1] == s)
end
plain()

-- the key register stays live (a local): integer as ADDI gives it, or what __len + 1 gives
local function keyed(t, v)
  local n = #t + 1
  t[n] = v
  return n, math.type(n)
end
print(keyed({}, "a"))
print(keyed({1, 2, 3}, "a"))
print(keyed(setmetatable({}, {__len = function() return 10 end}), "a"))
print(keyed(setmetatable({}, {__len = function() return 2.5 end}), "a"))
print(keyed(setmetatable({}, {__len = function() return "7" end}), "a"))
print(pcall(keyed, setmetatable({}, {__len = function() return {} end}), "a"))

-- metatables: __index only (a raw append), __newindex functions and tables, __len
local log = {}
local function app(t, v) t[#t + 1] = v; return t end
local plainmt = setmetatable({}, {__index = function(_, k) return "idx" .. tostring(k) end})
for i = 1, 5 do app(plainmt, i) end
print(rawlen(plainmt), plainmt[3], plainmt[9])
local proxy = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. "=" .. tostring(v); rawset(t, k, v) end})
for i = 1, 40 do app(proxy, i) end
print(#proxy, #log, log[1], log[40])
local store = {}
local via = setmetatable({}, {__newindex = store})
for i = 1, 5 do app(via, i) end
print(rawlen(via), #store, store[1], store[5])
local lenmt = setmetatable({}, {__len = function(t) return rawlen(t) * 2 end})
for i = 1, 4 do app(lenmt, i) end
print(rawlen(lenmt), lenmt[1], lenmt[2], lenmt[3], lenmt[7])
local both = setmetatable({}, {__len = function() return 0 end, __newindex = function(t, k, v) rawset(t, k, v .. "!") end})
app(both, "p"); app(both, "q")
print(rawlen(both), both[1], both[2])

-- errors name the variable
print(pcall(function() local s = "abc"; s[#s + 1] = "d" end))
print(pcall(function() local t; t[#t + 1] = 1 end))
local up = 42
print(pcall(function() up[#up + 1] = 1 end))
print(pcall(function() local t = setmetatable({}, {__newindex = "oops"}); t[#t + 1] = 1 end))

-- typed values: floats kept unboxed by the compiler, integers, strings; a captured table
local function floats()
  local t, f = {}, 0.5
  for i = 1, 6 do f = f * 1.5; t[#t + 1] = f end
  for i = 1, 3 do t[#t + 1] = i + 0.0 end
  print(#t, dump(t, 10), math.type(t[7]))
end
floats()
local function captured()
  local t = {}
  local function add(v) t[#t + 1] = v end
  for i = 1, 5 do t[#t + 1] = i; add(-i) end
  print(#t, dump(t, 11))
end
captured()

-- inside a coroutine
local co = coroutine.wrap(function()
  local t = {}
  for i = 1, 10 do t[#t + 1] = i; if i % 3 == 0 then coroutine.yield(#t) end end
  return #t, dump(t, 11)
end)
print(co(), co(), co(), co())

-- the border hint: appends move it onto the new key (a later hole then leaves #t where lua5.4 has it)
local function hint(n, hole)
  local t = {}
  for i = 1, n do t[#t + 1] = i end
  t[hole] = nil
  return #t
end
print(hint(5, 4), hint(6, 5), hint(7, 3), hint(12, 11), hint(13, 9))

-- #x + c on its own (the store comes later, or there is none): strings, tables, __len, errors
local function lens(x, s)
  local a = #x + 1
  local b = #x - 1
  local c = #s + 3
  local t = {}
  t[#t + 1], a = x[1], a + 0
  return a, b, c, math.type(a), #t
end
print(lens({}, ""))
print(lens({1, 2, 3}, "abcd"))
print(lens({1, nil, 3}, "\0\0"))
print(lens(setmetatable({}, {__len = function() return 4.5 end}), "x"))
print(lens(setmetatable({}, {__len = function() return "10" end}), "x"))
print(lens(setmetatable({5}, {__index = function() return 0 end}), "x"))
print(pcall(lens, setmetatable({}, {__len = function() return true end}), "x"))
print(pcall(lens, 42, "x"))
print(pcall(lens, {}, nil))
local function pos(s)
  local parts, i = {}, 1
  while i <= #s do
    parts[#parts + 1] = s:sub(i, i + 1)
    i = i + 2
  end
  return #parts + 0, parts[#parts - 0], #s - 1
end
print(pos("abcdefg"))
