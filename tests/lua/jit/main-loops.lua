-- Loops of main chunks (compiled as loop functions of their own): exits by break and goto to several
-- labels, returns from inside loops seen by load/dofile callers, nested loops, type changes (deopts)
-- inside them, closures capturing loop variables, <close> variables, errors and tracebacks.
local out = {}
local function say(...) local p = table.pack(...); for i = 1, p.n do p[i] = tostring(p[i]) end; out[#out + 1] = table.concat(p, " ") end

-- several exits: break, goto forward to two labels, fall off the end
local s, hits = 0, 0
for round = 1, 4 do
  for i = 1, 100 do
    s = s + i
    if round == 1 and i == 10 then goto small end
    if round == 2 and i == 20 then goto big end
    if round == 3 and i == 30 then break end
  end
  hits = hits + 1000
  goto next
  ::small:: hits = hits + 1
  goto next
  ::big:: hits = hits + 10
  ::next::
end
say("exits", s, hits)

-- while / repeat at top level, with state carried out
local n, steps = 27, 0
while n ~= 1 do
  if n % 2 == 0 then n = n // 2 else n = 3 * n + 1 end
  steps = steps + 1
end
local k = 0
repeat k = k + 0.5 until k >= 3
say("collatz", steps, n, k, math.type(k))

-- type changes inside a loop (integer -> float -> string concatenation, table -> number)
local acc = 0
for i = 1, 60 do
  if i == 20 then acc = acc + 0.25 end
  if i == 40 then acc = tostring(acc) .. "x" end
  if type(acc) == "string" then acc = #acc + i else acc = acc + i end
end
say("types", acc, math.type(acc))
local big = math.maxinteger - 5
for i = 1, 10 do big = big + 1 end
say("wrap", big)

-- float loop variables and float accumulators
local f = 0.0
for x = 0.5, 5, 0.5 do f = f + x * 2 end
say("float", f, math.type(f))

-- closures capturing loop variables (fresh per iteration) and an outer local
local fns = {}
local shared = 0
for i = 1, 5 do
  local j = i * 10
  fns[i] = function() shared = shared + 1; return i + j + shared end
end
local t = {}
for i = 1, 5 do t[i] = fns[i]() end
say("closures", table.concat(t, ","), shared)

-- nested loops with continue-style gotos and a break of the inner loop only
local grid = 0
for y = 1, 8 do
  for x = 1, 8 do
    if x > y then break end
    if (x + y) % 3 == 0 then goto continue end
    for z = 1, 3 do grid = grid + z end
    ::continue::
  end
end
say("nested", grid)

-- generic for with pairs/ipairs and <close>
local closed = {}
local function closer(name) return setmetatable({}, {__close = function() closed[#closed + 1] = name end}) end
for i, v in ipairs({"a", "b", "c"}) do
  local c <close> = closer(v .. i)
  if v == "b" then goto skip end
  closed[#closed + 1] = "body" .. v
  ::skip::
end
for i = 1, 3 do
  local c <close> = closer("brk" .. i)
  if i == 2 then break end
end
say("close", table.concat(closed, ","))

-- return from inside a loop of a loaded chunk: the caller sees the values
local chunk = load([[
  local lim = ...
  local acc = 0
  for i = 1, 100 do
    acc = acc + i
    for j = 1, 3 do
      if acc > lim then return "stop", i, j, acc end
    end
  end
  while true do return "end", acc end
]])
say("return", chunk(50))
say("return", chunk(10 ^ 6))
say("return", select("#", chunk(1)))
local ok, a, b = pcall(load("for i = 1, 10 do if i == 3 then return i, ... end end", "=c"), "arg")
say("pcall", ok, a, b)

-- errors inside loops of main chunks: messages, positions and tracebacks
local function try(src, ...)
  local fn = assert(load(src, "=chunk"))
  local ok, msg = xpcall(fn, function(m) return m .. "\n" .. debug.traceback("tb", 1) end, ...)
  -- the error and the traceback's lines of the loaded chunk (the caller's frames depend on how this file runs)
  local keep = {}
  for line in msg:gmatch("[^\n]+") do
    if #keep == 0 or line:find("chunk:", 1, true) then keep[#keep + 1] = line end
  end
  say("error", ok, table.concat(keep, "\n"))
end
try("local t = {}\nfor i = 1, 10 do\n  t[i] = i\n  if i == 5 then local x = t.nope.field end\nend")
try("local s = 0\nfor i = 1, 3 do\n  for j = 1, 3 do\n    s = s + j\n    if s > 8 then s = s .. {} end\n  end\nend")
try("local n = 0\nwhile true do\n  n = n + 1\n  if n == 7 then error('boom ' .. n) end\nend")
try("for i = 1, 2 do local x <close> = setmetatable({}, {__close = function() error('in close') end}) end")

-- a loop that deopts in its first iteration, then continues
local mixed = {1, 2, "3", 4.5, 5, {}, 7}
local total = 0
for i = 1, #mixed do
  local v = mixed[i]
  if type(v) ~= "table" then total = total + v end
end
say("mixed", total)

-- debug.getlocal sees the loop's registers from a called function
local function peek()
  local names = {}
  for i = 1, 200 do
    local name, val = debug.getlocal(2, i)
    if not name then break end
    if name == "cnt" or name == "it" then names[#names + 1] = name .. "=" .. tostring(val) end
  end
  return table.concat(names, " ")
end
local seen
for it = 1, 3 do
  local cnt = it * 2
  if it == 2 then seen = peek() end
end
say("getlocal", seen)

for _, l in ipairs(out) do print(l) end

-- an inner loop whose exit jumps straight to the outer loop's header (continue of the enclosing loop)
local w, trips = 0, 0
while w < 12 do
  w = w + 1
  local j = 0
  repeat
    j = j + 1
    trips = trips + 1
    if j > w then goto again end
  until j >= 3
  trips = trips + 100
  ::again::
end
print("header", w, trips)
-- a goto backwards to a label before a loop, and a loop left by goto to a label after two loops
local rounds = 0
::top::
rounds = rounds + 1
for i = 1, 5 do
  for j = 1, 5 do
    if i * j == 6 * rounds then goto done end
  end
end
::done::
if rounds < 3 then goto top end
print("goto", rounds)
-- integer overflow and float speculation in one loop (int -> float mid-loop, 64-bit wrap)
local h, g = 1, 0
for i = 1, 80 do
  h = h * 31 + i
  g = g + i / 3
end
print("hash", h, string.format("%.6f", g))
-- locals assigned in a loop and not read after it stay visible to debug.getlocal and keep their values alive
local last
for i = 1, 5 do last = {i} end
local function localsOf(level)
  local names = {}
  for k = 1, 300 do
    local name, val = debug.getlocal(level + 1, k)
    if not name then break end
    if name == "last" then names[#names + 1] = name .. "=" .. tostring(type(val) == "table" and val[1]) end
  end
  return table.concat(names, " ")
end
print("dead local", localsOf(1))
local weak = setmetatable({}, {__mode = "k"})
local keep
for i = 1, 3 do keep = {}; weak[keep] = i end
collectgarbage(); collectgarbage()
local left = 0
for _ in pairs(weak) do left = left + 1 end
print("weak", left)
