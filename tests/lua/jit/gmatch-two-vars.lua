-- Generic for over gmatch iterators with one and two loop variables, and direct two-result calls of the
-- iterator: every capture count (0, 1, 2, 3), position captures, empty matches, '^' as a literal, the init
-- argument, patterns the host regex takes and ones only the matcher takes (%b, %f, back-references), errors
-- raised midway (with their messages), and iterators that change at the same loop site.
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = type(t[i]) == "string" and ("%q"):format(t[i]) or tostring(t[i]) end
  return table.concat(t, " ")
end

local subjects = {"key=val, a=1, b=22, =x, y=, zz=top", "hello world from Lua", "", "aaa", "^a^b", "x(y)z (a(b)c) ()",
  "THE (quick) fox", "\0a\0b=\0c"}
local patterns = {"(%w+)=(%w*)", "(%w+)", "%w+", "()(%w+)()", "(%a)(%a)(%a)", "a*", "^a", "(^)(a)", "%b()",
  "%f[%w]%w+", "(%a)%1", "(\0)(%a)", "()", ".-", "(=)"}
for si, s in ipairs(subjects) do
  for pi, p in ipairs(patterns) do
    local out = {}
    for a, b in s:gmatch(p) do out[#out + 1] = show(a, b) end
    local out1 = {}
    for a in string.gmatch(s, p) do out1[#out1 + 1] = show(a) end
    local out3 = {}
    for a, b, c in s:gmatch(p) do out3[#out3 + 1] = show(a, b, c) end
    print(si, pi, #out, table.concat(out, "|"))
    print("", "1:", table.concat(out1, "|"))
    print("", "3:", table.concat(out3, "|"))
  end
end

-- init argument (5.4), negative and beyond the end
for _, init in ipairs({1, 3, -4, 100, -100}) do
  local out = {}
  for k, v in ("a=1 b=2 c=3"):gmatch("(%a)=(%d)", init) do out[#out + 1] = k .. v end
  print("init", init, table.concat(out, ","))
end

-- the iterator called directly, wanting two results, and after its end
local it = ("k1=v1;k2=v2"):gmatch("(%w+)=(%w+)")
local a, b = it()
print(a, b)
a, b = it()
print(a, b)
a, b = it()
print(a, b)
a, b = it()
print(a, b)
local it2 = ("one two"):gmatch("%a+")
local x, y = it2()
print(x, y)
x, y = it2()
print(x, y, select("#", it2()))

-- a loop site seeing many different iterators (a new one per outer iteration) and different patterns
local total = {}
for r = 1, 30 do
  local s = ("w%d=%d "):rep(r % 7 + 1):format(table.unpack({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}))
  local pat = r % 3 == 0 and "(%w+)=(%d+)" or (r % 3 == 1 and "(%d)" or "()=")
  local n = 0
  for k, v in s:gmatch(pat) do n = n + 1; total[#total + 1] = tostring(k) .. ":" .. tostring(v) end
  total[#total + 1] = "#" .. n
end
print(table.concat(total, " "))

-- errors raised by the iterator keep their messages and leave no half-done state visible
print(pcall(function() for k, v in ("abc"):gmatch("(%a") do print(k, v) end end))
print(pcall(function() for k, v in ("abc"):gmatch("%a)") do print(k, v) end end))
print(pcall(function() for k, v in ("aa"):gmatch("(a)%2") do print(k, v) end end))
print(pcall(function() for k, v in ("abc"):gmatch("[a") do print(k, v) end end))
local ok, err = pcall(function()
  local n = 0
  for k, v in ("a=1 b=2"):gmatch("(%a)=(%d)") do n = n + 1; if n == 2 then error("stop at " .. k .. v) end end
end)
print(ok, err)

-- the same loops inside a coroutine (the generator variant of compiled code), yielding from the loop body
local co = coroutine.wrap(function()
  local out = {}
  for r = 1, 3 do
    for k, v in ("a=1 b=2 c=3"):gmatch("(%a)=(%d)") do out[#out + 1] = k .. v; coroutine.yield(k) end
    for w in ("x y z"):gmatch("%a") do out[#out + 1] = w; coroutine.yield(w) end
    for w, z in ("x y z"):gmatch("%a") do out[#out + 1] = w .. tostring(z) end
  end
  return table.concat(out, ",")
end)
local res = {}
for i = 1, 100 do local v = co(); res[#res + 1] = v; if #v > 2 then break end end
print(table.concat(res, " "))
