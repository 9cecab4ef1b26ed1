-- Frameless leaves (small functions that call nothing) build their frame only when they deoptimise: the
-- frame must then look exactly like an ordinary one (registers, tail-call flag, tracebacks, debug.getinfo,
-- errors with variable names), at every kind of exit: integer overflow, operand type flips, metamethods.
local function A(i, j)
  local ij = i + j - 1
  return 1.0 / (ij * (ij - 1) * 0.5 + i)
end
local function add(a, b) return a + b end
local function mul3(a, b, c) local t = a * b return t * c end
local function tailadd(a, b) return add(a, b) end

-- warm up with small integers so the leaves speculate on them
local s = 0
for i = 1, 300 do s = s + A(i, i + 1) + add(i, 2) + mul3(i, 2, 3) + tailadd(i, 1) end
print(string.format("%.12f", s))

-- integer overflow in the middle of a leaf: wraparound, then the same leaf keeps working
print(add(math.maxinteger, 1), add(math.mininteger, -1), mul3(math.maxinteger, 2, 3))
print(A(math.maxinteger, 2), A(3, 4), mul3(2^31, 2^31, 4), mul3(1, 2, 3))
-- type flips: floats, integral floats, numeric strings, -0.0
print(add(1.5, 2), add(1, 2.0), math.type(add(1, 2.0)), add("10", 5), add(-0.0, 0), mul3(2, "3", 1.0))
print(A(1.5, 2), A(2.0, 3), tailadd(2^53, 1), tailadd(1, 2))
-- metamethods on the deopt path
local mt = {__add = function(x, y) return "added" end, __mul = function(x, y) return 7 end}
local obj = setmetatable({}, mt)
print(add(obj, 1), add(1, obj), mul3(obj, 2, 3), mul3(2, obj, 3), tailadd(obj, obj))

-- errors raised after a deopt: messages with variable names, tracebacks through the built frame
local function try(f, ...)
  local ok, e = pcall(f, ...)
  print(ok, e)
end
try(add, {}, 1)
try(add, 1, nil)
try(mul3, 1, 2, {})
try(A, "x", 1)
try(tailadd, 1, {})
local function trace(f, ...)
  local args = table.pack(...)
  local ok, tb = xpcall(function() return f(table.unpack(args, 1, args.n)) end, debug.traceback)
  -- keep only this chunk's lines (no C frames' addresses)
  -- (up to the main chunk: how the chunk itself was called is the host's business)
  for line in tb:gmatch("[^\n]+") do
    if line:find("leaf%-deopt") or line:find("tail call") or line:find("^stack") or line:find("^%S") then print(line) end
    if line:find("main chunk") then break end
  end
end
trace(add, {}, 2)
trace(tailadd, 3, {})
trace(mul3, 2, 3, "y")

-- debug.getinfo/getlocal from a metamethod called by a deoptimised leaf
local seen = {}
local spy
spy = setmetatable({}, {__add = function(x, y)
  local info = debug.getinfo(2, "nSl")
  local n1, v1 = debug.getlocal(2, 1)
  local n2, v2 = debug.getlocal(2, 2)
  seen[#seen + 1] = string.format("%s %s %d %s=%s %s=%s", tostring(info.name), info.what, info.currentline,
    tostring(n1), tostring(v1 == spy and "spy" or v1), tostring(n2), tostring(v2 == spy and "spy" or v2))
  return 0
end})
add(spy, 5)
add(5, spy)
tailadd(spy, 6)
print(table.concat(seen, "\n"))

-- after all the deopts the leaves still give the same results
local s2 = 0
for i = 1, 300 do s2 = s2 + A(i, i + 1) + add(i, 2) + mul3(i, 2, 3) + tailadd(i, 1) end
print(string.format("%.12f", s2), s == s2)
