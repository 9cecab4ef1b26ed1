-- Library natives called from compiled code through their fast entries (runtime/fastnative.ts): every call
-- site runs several times (the first call at a site goes the general way, later ones the fast way), with
-- arguments the fast entries handle and arguments they hand back to the general protocol (errors must name
-- the function and argument, with positions, exactly as lua5.4).

local function try(f, ...)
  local ok, e = pcall(f, ...)
  return ok and tostring(e) or ("ERR " .. tostring(e))
end

local function show(label, f, ...)
  local out = {}
  for i = 1, 3 do out[i] = try(f, ...) end
  print(label, table.concat(out, " | "))
end

-- string functions, called as fields and as methods
show("upper", function(s) return string.upper(s) end, "abc\200z")
show("upper nil", function(s) return string.upper(s) end, nil)
show("upper none", function() return string.upper() end)
show("upper num", function(s) return string.upper(s) end, 12.5)
show("upper tbl", function(s) return string.upper(s) end, {})
show("m upper", function(s) return s:upper() end, "xY")
show("m upper bad", function(s) return s:upper() end, 42)
show("lower", function(s) return s:lower() end, "ABC\201")
show("len", function(s) return string.len(s) end, "hello")
show("len bad", function(s) return string.len(s) end, true)
show("len num", function(s) return string.len(s) end, 1e100)
show("sub", function(s, i, j) return s:sub(i, j) end, "hello world", 3, -2)
show("sub neg", function(s, i, j) return s:sub(i, j) end, "hello", -100, 100)
show("sub nil j", function(s, i, j) return s:sub(i, j) end, "hello", 2, nil)
show("sub float", function(s, i, j) return s:sub(i, j) end, "hello", 2.0, 3)
show("sub bad float", function(s, i, j) return s:sub(i, j) end, "hello", 2.5, 3)
show("sub str pos", function(s, i, j) return s:sub(i, j) end, "hello", "2", 3)
show("sub no i", function(s) return s:sub() end, "hello")
show("sub bad j", function(s, i, j) return s:sub(i, j) end, "hello", 1, {})
show("byte", function(s, i) return s:byte(i) end, "ABC", 2)
show("byte neg", function(s, i) return s:byte(i) end, "ABC", -1)
show("byte out", function(s, i) return s:byte(i) end, "ABC", 10)
show("byte zero", function(s, i) return s:byte(i) end, "ABC", 0)
show("byte def", function(s) return s:byte() end, "ABC")
show("byte float", function(s, i) return s:byte(i) end, "ABC", 1.5)
show("byte bad", function(s, i) return s:byte(i) end, "ABC", "x")
show("byte nil s", function(s, i) return string.byte(s, i) end, nil, 1)
show("rep", function(s, n, sep) return s:rep(n, sep) end, "ab", 3, ",")
show("rep0", function(s, n) return s:rep(n) end, "ab", 0)
show("rep bad n", function(s, n) return s:rep(n) end, "ab", 1.5)
show("rep huge", function(s, n) return s:rep(n) end, "ab", 2^40)
show("rep toolarge", function(s, n) return s:rep(n) end, "ab", math.maxinteger)
show("rep bad sep", function(s, n, sep) return s:rep(n, sep) end, "ab", 2, {})
show("literal rep", function() return ("x"):rep(3) end)
show("literal rep bad", function() return ("x"):rep() end)
show("reverse", function(s) return s:reverse() end, "abc")
show("char", function(a, b, c) return string.char(a, b, c) end, 72, 105, 33)
show("char0", function() return string.char() end)
show("char f", function(a) return string.char(a) end, 65.0)
show("char range", function(a) return string.char(a) end, 256)
show("char neg", function(a, b) return string.char(a, b) end, 65, -1)
show("char str", function(a) return string.char(a) end, "66")
show("char bad", function(a) return string.char(a) end, {})
show("find", function(s, p, i) return s:find(p, i) end, "hello world", "o w", 1)
show("find pat", function(s, p) return s:find(p) end, "hello world", "w%a+")
show("find bad pat", function(s, p) return s:find(p) end, "hello world", "w%")
show("find bad class", function(s, p) return s:find(p) end, "hello world", "[a")
show("find bad init", function(s, p, i) return s:find(p, i) end, "hello", "l", {})
show("match", function(s, p) return s:match(p) end, "key=val", "(%w+)=(%w+)")
show("match none", function(s, p) return s:match(p) end, "key=val", "%d")
show("match cap err", function(s, p) return s:match(p) end, "key=val", "(%w+")
show("match bad", function(s, p) return s:match(p) end, "key", nil)
show("gsub", function(s, p, r) return (s:gsub(p, r)) end, "hello world", "o", "0")
show("gsub tbl", function(s, p, r) return (s:gsub(p, r)) end, "hello world", "%w+", {hello = "HI"})
show("gsub pct", function(s, p, r) return (s:gsub(p, r)) end, "hello world", "(%w+)", "<%1>")
show("gsub bad pct", function(s, p, r) return (s:gsub(p, r)) end, "hello world", "(%w+)", "%2")
show("gsub fn", function(s, p, r) return (s:gsub(p, r)) end, "a b", "%w", function(c) return c:upper() end)
show("gsub bad repl", function(s, p, r) return (s:gsub(p, r)) end, "a b", "%w", true)
show("gsub bad val", function(s, p, r) return (s:gsub(p, r)) end, "a b", "%w", {a = {}})
show("gsub mt", function(s, p, r) return (s:gsub(p, r)) end, "a b", "%w",
  setmetatable({}, {__index = function(_, k) return k .. k end}))
show("format", function(f, a, b) return string.format(f, a, b) end, "%d:%s;", 12, "xx")
show("format g", function(f, a, b) return string.format(f, a, b) end, "%.3f %5.1f", 1/3, 2.25)
show("format bad", function(f, a, b) return string.format(f, a, b) end, "%d %d", 1.5, 2)
show("format missing", function(f, a) return string.format(f, a) end, "%d %d", 1)
show("format tbl", function(f, a) return string.format(f, a) end, "%s", setmetatable({}, {__tostring = function() return "T!" end}))
show("format nan", function(f, a) return string.format(f, a) end, "%f %s", -(0/0))

-- gmatch iterators (for-in calls them wanting one result)
local function words(s, p)
  local out = {}
  for w in s:gmatch(p) do out[#out + 1] = w end
  return table.concat(out, ",")
end
show("gmatch run", words, "one two  three", "%a+")
show("gmatch runY", words, "one two three ", "(%a+)%s")
show("gmatch gen", words, "k1=v1, k2=v2", "%w+=%w+")
show("gmatch pos", words, "abc", "()")
show("gmatch cap", words, "k1=v1, k2=v2", "(%w+)=")
show("gmatch bad", words, "abc", "(%a")
show("gmatch bad2", words, "abc", "%a[")
local function pairsOf(s)
  local out = {}
  for k, v in s:gmatch("(%w+)=(%w+)") do out[#out + 1] = k .. ":" .. v end
  return table.concat(out, ",")
end
show("gmatch 2", pairsOf, "a=1, b=2")

-- math
show("floor", function(x) return math.floor(x) end, 3.7)
show("floor neg", function(x) return math.floor(x) end, -3.5)
show("floor int", function(x) return math.floor(x) end, 7)
show("floor ifloat", function(x) return math.floor(x) end, 7.0)
show("floor big", function(x) return math.floor(x) end, 2^60)
show("floor huge", function(x) return math.floor(x) end, 1e300)
show("floor nan", function(x) return math.floor(x) end, 0/0)
show("floor str", function(x) return math.floor(x) end, "3.5")
show("floor bad", function(x) return math.floor(x) end, "x")
show("floor none", function() return math.floor() end)
show("floor -0.0", function(x) return math.floor(x) end, -0.0)
show("floor -inf", function(x) return math.floor(x) end, -1/0)
show("floor 2^53", function(x) return math.floor(x) end, 2.0^53)
show("floor 2^53-1", function(x) return math.floor(x) end, 2.0^53 - 1)
show("ceil -0.0", function(x) return math.ceil(x) end, -0.0)
show("ceil inf", function(x) return math.ceil(x) end, 1/0)
show("ceil nan", function(x) return math.ceil(x) end, 0/0)
show("floor nnan", function(x) return math.floor(x) end, -(0/0))
show("ceil", function(x) return math.ceil(x) end, -0.5)
show("ceil pos", function(x) return math.ceil(x) end, 2.1)
show("sqrt", function(x) return math.sqrt(x) end, 4)
show("sqrt f", function(x) return math.sqrt(x) end, 2)
show("sqrt neg", function(x) return math.sqrt(x) end, -1)
show("sqrt str", function(x) return math.sqrt(x) end, "9")
show("sqrt bad", function(x) return math.sqrt(x) end, {})
show("sin", function(x) return math.sin(x) end, 0)
show("cos", function(x) return math.cos(x) end, 1)
show("tan", function(x) return math.tan(x) end, 0.5)
show("exp", function(x) return math.exp(x) end, 1)
show("log", function(x) return math.log(x) end, 1)
show("log e", function(x) return math.log(x) end, 10)
show("log2", function(x, b) return math.log(x, b) end, 8, 2)
show("log none", function() return math.log() end)
show("abs", function(x) return math.abs(x) end, -5)
show("abs f", function(x) return math.abs(x) end, -5.5)
show("abs min", function(x) return math.abs(x) end, math.mininteger)
show("max", function(a, b) return math.max(a, b) end, 3, 5.5)
show("max3", function(a, b, c) return math.max(a, b, c) end, 3, 9, 5)
show("max eq", function(a, b) return math.max(a, b) end, 3, 3.0)
show("max nan", function(a, b) return math.max(a, b) ~= math.max(a, b) end, 0/0, 1)
show("max one", function(a) return math.max(a) end, 4)
show("max none", function() return math.max() end)
show("max bad", function(a, b) return math.max(a, b) end, 1, "x")
show("min", function(a, b) return math.min(a, b) end, 3, -5.5)
show("min mixed", function(a, b) return math.min(a, b) end, 2^53, 2^53 + 1)

-- table
show("insert", function(t, v) table.insert(t, v); return #t .. ":" .. t[#t] end, {1, 2}, "x")
show("insert pos", function(t, v) table.insert(t, 1, v); return #t .. ":" .. t[1] end, {1, 2}, "y")
show("insert bad", function(t, v) table.insert(t, v) end, nil, 1)
show("insert many", function(t) table.insert(t, 1, 2, 3) end, {})
local logged = {}
local proxy = setmetatable({}, {__newindex = function(t, k, v) logged[#logged + 1] = k; rawset(t, k, v) end})
show("insert mt", function(t, v) table.insert(t, v); return #t end, proxy, "z")
print("logged", table.concat(logged, ","))
show("concat", function(t, s) return table.concat(t, s) end, {1, "b", 2.5}, "-")
show("concat range", function(t, s, i, j) return table.concat(t, s, i, j) end, {"a", "b", "c", "d"}, "", 2, 3)
show("concat holes", function(t) return table.concat(t) end, (function() local t = {} for i = 1, 5 do t[i] = "x" .. i end t[5] = nil return t end)())
show("concat part", function(t, s, i, j) return table.concat(t, s, i, j) end, {"a", "b", "c"}, "", 1, 2)
show("concat nums", function(t) return table.concat(t) end, {"a", 1, 2.5, "b"})
show("concat grown", function(n) local t = {} for i = 1, n do t[#t + 1] = tostring(i) end return table.concat(t) end, 33)
show("record keys", function(n) local t = {} for i = 1, n do t["k" .. i] = i end local c = 0 for k, v in pairs(t) do c = c + v end return c end, 40)
show("concat bad", function(t) return table.concat(t) end, {1, {}, 3})
show("concat nil", function(t) return table.concat(t) end, nil)
show("concat mt", function(t) return table.concat(t, ",") end,
  setmetatable({}, {__index = function(_, i) return "i" .. i end, __len = function() return 3 end}))

-- base
show("next empty", function(t) return next(t) == nil end, {})
show("next arr", function(t) return next(t) end, {5})
show("next key", function(t, k) return next(t, k) end, {10, 20}, 1)
show("next last", function(t, k) return next(t, k) end, {10, 20}, 2)
show("next str", function(t, k) return next(t, k) end, {x = 1}, "x")
show("next bad key", function(t, k) return next(t, k) end, {x = 1}, "nokey")
show("next nil", function(t) return next(t) end, nil)
show("next none", function() return next() end)
show("next count", function(t) local n, k = 0, next(t); while k ~= nil do n = n + 1; k = next(t, k) end; return n end,
  {1, 2, 3, a = 1, b = 2, [2.5] = 3, [true] = 4})
show("tonumber", function(v) return tonumber(v) end, " 0x10 ")
show("tonumber f", function(v) return tonumber(v) end, "1e2")
show("tonumber big", function(v) return tonumber(v) end, "9007199254740993")
show("tonumber bad", function(v) return tonumber(v) end, "abc")
show("tonumber tbl", function(v) return tonumber(v) end, {})
show("tonumber nil", function(v) return tonumber(v) end, nil)
show("tonumber none", function() return tonumber() end)
show("tonumber float", function(v) return math.type(tonumber(v)) end, 2^63)
show("tonumber base", function(v, b) return tonumber(v, b) end, "ff", 16)
show("tonumber base nil", function(v, b) return tonumber(v, b) end, "12", nil)
show("tonumber base bad", function(v, b) return tonumber(v, b) end, "12", 99)
show("tonumber n", function(v) return select('#', tonumber(v)) end, "x")
show("type", function(v) return type(v) end, nil)
show("type none", function() return type() end)
show("tostring", function(v) return tostring(v) end, 1e15)
show("tostring int", function(v) return tostring(v) end, -7)
show("tostring none", function() return tostring() end)
show("tostring tbl", function(v) return tostring(v) end, setmetatable({}, {__tostring = function() return "obj" end}))
show("tostring name", function(v) return tostring(v) end, setmetatable({}, {__name = "MyType"}) and 5)

-- string metamethods: __tostring on strings and numbers is honoured by format %s and tostring
-- (results kept as lengths while strings have __tostring: print and concat would apply it too)
local smt = getmetatable("")
local lens = {}
smt.__tostring = function(s) return "<" .. s .. ">" end
local function fs(f, a) return string.format(f, a) end
local function ts(v) return tostring(v) end
for i = 1, 3 do lens[#lens + 1] = #fs("%s", "str"); lens[#lens + 1] = #ts("str") end
smt.__tostring = nil
print("string __tostring", table.concat(lens, " "))
debug.setmetatable(0, {__tostring = function(n) return "num" .. math.type(n) end})
show("format n mt", function(f, a) return string.format(f, a) end, "%s", 3)
show("tostring n mt", function(v) return tostring(v) end, 3)
debug.setmetatable(0, nil)
show("format n", function(f, a) return string.format(f, a) end, "%s", 3)

-- reassigned globals and library fields: sites see another function
local saved = math.floor
local function fl(x) return math.floor(x) end
print(fl(2.5), fl(3.5))
math.floor = function(x) return "mine " .. tostring(x) end
print(fl(2.5), fl(3.5))
math.floor = print
print(fl(2.5))
math.floor = saved
print(fl(2.5))
local savedUpper = string.upper
local function up(s) return s:upper() end
print(up("a"), up("b"))
string.upper = string.lower
print(up("A"), up("B"))
string.upper = function() error("no upper") end
print(pcall(up, "x"))
string.upper = savedUpper

-- a method call form whose error names the method ("calling 'rep' on bad self")
local function rp(s) return s.rep(s, 2) end
print(pcall(rp, setmetatable({}, {__index = string})))
print(pcall(function() local s = {rep = string.rep}; for i = 1, 3 do s:rep(2) end end))

-- tail calls and calls wanting all results (natives whose fast entry always stands for one result)
local function tfl(x) return math.floor(x) end
local function tby(s, i) return s:byte(i) end
local function tfi(s, p) return s:find(p) end
local function tup(s) return s:upper() end
local function tfm(f, a) return string.format(f, a) end
for i = 1, 3 do
  print(select('#', tfl(2.5)), tfl(2.5), select('#', tby("abc", 10)), select('#', tby("abc", 2)), tby("abc", 2))
  print(select('#', tfi("hello", "l+")), tfi("hello", "l+"), select('#', tfi("hello", "z")))
  print(tup("ab"), select('#', tup("ab")), tfm("%5.2f", 1/3), select('#', string.rep("x", 2)), string.rep("x", 2))
  local a, b, c = math.floor(3.5), string.upper("q")
  local d, e = string.sub("hello", 2, 3)
  local g, h = string.byte("hello", 2)
  print(a, b, c, d, e, g, h, ({math.max(1, 2)})[1], #{string.gsub("aaa", "a", "b")})
  print(pcall(tfl, "x"))
  print(pcall(tup, {}))
  print(pcall(tfm, "%d", 1.5))
end

-- one site calling different natives in turn (and a Lua function, and a callable table)
local callable = setmetatable({}, {__call = function(_, x) return "called " .. tostring(x) end})
local fns = {string.upper, string.lower, string.len, function(x) return "lua " .. x end, callable, tostring, type}
local function apply(f, x) return f(x) end
local function apply2(f, x) local a, b = f(x); return tostring(a) .. "/" .. tostring(b) end
for round = 1, 2 do
  local out = {}
  for i = 1, #fns do out[#out + 1] = apply(fns[i], "Ab"); out[#out + 1] = apply2(fns[i], "Ab") end
  print(table.concat(out, " "))
end

-- two-result sites (local a, b = f(x); for k, v in ...)
local function two(s)
  local a, b = s:find("l+")
  local c, d = s:find("zz")
  local e, g = s:find("(h)(e)")
  local r, n = s:gsub("l", "L")
  local r2, n2 = s:gsub("l", function(x) return x .. x end)
  local m1, m2 = s:match("(h)(e)")
  local f1, f2 = math.floor(2.5)
  local b1, b2 = s:byte(1, 2)
  local k1, v1 = next({"only"})
  local k2, v2 = next({})
  local t1, t2 = tostring(12), type(s)
  return table.concat({tostring(a), tostring(b), tostring(c), tostring(d), tostring(e), tostring(g), r, n, r2, n2,
    m1, m2, f1, tostring(f2), b1, b2, k1, v1, tostring(k2), tostring(v2), t1, t2}, " ")
end
show("two", two, "hello")
show("two bad", function(s) local a, b = s:find("%"); return a end, "x")
show("two bad gsub", function(s) local a, b = s:gsub("(", "") return a end, "x")
local function walk(t)
  local out = {}
  for i, v in ipairs(t) do out[#out + 1] = i .. "=" .. tostring(v) end
  local n = 0
  for k, v in pairs(t) do n = n + 1 end
  for k, v in next, t do n = n + 1 end
  for k in next, t do n = n + 1 end
  for i in ipairs(t) do n = n + 1 end
  return table.concat(out, ",") .. " " .. n
end
show("walk", walk, {10, 20, 30, nil, 50, x = 1})
show("walk proxy", walk, setmetatable({}, {__index = function(_, i) if i <= 3 then return i * i end end}))
show("walk bad", function() for k, v in next, {}, "nokey" do end end)
show("walk ipairs nil", function() for i, v in ipairs(nil) do end end)
local big = {}
for i = 1, 100 do big[i] = i end
show("walk big", function(t) local s = 0; for i, v in ipairs(t) do s = s + i * v end; for k, v in pairs(t) do s = s + v end; return s end, big)

-- an error from a fast native's site, caught (the uncaught one with its traceback: uncaught/fast-native-error.lua)
local function deep(s) return string.rep(s, 2) .. s:upper() end
for i = 1, 5 do deep("x") end
print(pcall(deep, nil))
