-- Fast paths of find/match/gmatch/gsub (plain texts, single-char classes, first-char sets, cached pattern
-- analysis) against the reference behaviour, including their edge cases and error messages.
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  print(table.concat(t, " "))
end
local function err(f, ...)
  local ok, e = pcall(f, ...)
  print(ok, e)
end

-- find: plain, specials with plain = true, init beyond the length, negative init, empty pattern
local s = "hello.world (x) [y] 100% done"
show(s:find("world"))
show(s:find(".", 1, true))
show(s:find("(x)", 1, true))
show(s:find("[y]", 1, true))
show(s:find("%", 1, true))
show(s:find("o", 6), s:find("o", -5), s:find("o", -100))
show(s:find("", 1), s:find("", #s + 1), s:find("", #s + 2), s:find("x", #s + 1))
show(s:find("d", 100), s:find("", 0), s:find("", -1))
show(("abc"):find("b", 1.0), ("abc"):find("c", "2"))
-- match: plain patterns, a ')' that is no special for find but is for the matcher
show(s:match("world"), s:match("nothing"), s:match("o", 6))
show(s:find("x)", 1), s:find("x)", 1, true))
err(string.match, s, "x)")
err(string.gsub, s, "x)", "")
err(string.gmatch(s, "x)"))
-- anchors
show(s:find("^hello"), s:find("^world"), s:find("^w", 7), s:match("^(%a+)"), s:match("done$"), s:match("^$"))
show(("aaa"):find("^a*"), ("aaa"):find("^b*"), (""):find("^"), (""):find("$"), ("x"):find("^$"))
-- single-class and first-char-set searches
show(s:find("%d"), s:find("%d+"), s:find("[%[%]]"), s:find("[^%a%s]"), s:find("%p", 20))
show(s:find("(%d+)(%%)"), s:match("(%d+)%%"), s:match("((%a+)%.(%a+))"), s:find("(()o)"))
show(s:find("(q"))
err(string.find, s, "(x")
err(string.find, s, "(h")
err(string.find, s, "%")
err(string.find, s, "[a")
err(string.find, s, "%f")
err(string.find, s, "(()")
show(("  \t\n x"):find("^[ \n\r\t]*"), ("x"):find("^[ \n\r\t]*"), ("abc"):find("^[ \n]*", 4))
show(("a\0b"):find("%z"), ("a\0b"):find("\0"), ("a\0b"):find("[\0]"), ("a.b"):find("%."))
-- greedy repetition at the end of the pattern
show(("abc123"):match("%a+"), ("abc123"):match("%d*"), ("abc123"):match("%d*$"), ("xxx"):match("x+"))
show(("abc"):match(".-"), ("abc"):match(".*"), ("abc"):match("a.?"), ("ab"):match("[ab]+"))

-- gmatch: classes, literals, '^' as a literal, init, empty matches
local words = {}
for w in ("one two  three"):gmatch("%a+") do words[#words + 1] = w end
print(table.concat(words, ","))
words = {}
for w in ("a1 b22 c333"):gmatch("(%a)(%d+)") do words[#words + 1] = w end
print(table.concat(words, ","))
words = {}
for k, v in ("k=v, x=y"):gmatch("(%w+)=(%w+)") do words[#words + 1] = k .. ":" .. v end
print(table.concat(words, ","))
words = {}
for w in ("^a^b"):gmatch("^.") do words[#words + 1] = w end
print(table.concat(words, ","))
words = {}
for w in ("abc"):gmatch("") do words[#words + 1] = "[" .. w .. "]" end
print(table.concat(words, ","))
words = {}
for p in ("a,b,,c"):gmatch("()") do words[#words + 1] = p end
print(table.concat(words, ","))
words = {}
for w in ("hello world"):gmatch("o", 6) do words[#words + 1] = w end
print(#words)
words = {}
for w in ("xax"):gmatch("x*") do words[#words + 1] = "[" .. w .. "]" end
print(table.concat(words))

-- gsub with fixed-form patterns (plain text, one class) and every kind of replacement
show(("a.b.c"):gsub(".", "-"))
show(("a.b.c"):gsub("%.", "-"))
show(("a.b.c"):gsub("%.", "%0%0"))
show(("a.b.c"):gsub("%.", "%1"))
show(("a.b.c"):gsub("%.", "%%"))
show(("aaaa"):gsub("aa", "b"))
show(("aaa"):gsub("aa", "<%0>"))
show(("hello world"):gsub("o", "0", 1))
show(("hello world"):gsub("o", "0", 0))
show(("hello world"):gsub("o", "0", -1))
show(("hello world"):gsub("l", "L", 2.0))
show((""):gsub("x", "y"), (""):gsub("", "y"), ("ab"):gsub("", "-"))
show(("abc"):gsub("%w", {a = "1", c = false}))
err(string.gsub, "abc", "%w", {a = "1", b = true})
show(("abc"):gsub("%w", {a = 1.5, b = 2}))
show(("abc"):gsub("b", {b = "B"}))
show(("a1b2"):gsub("%d", function(d) return d * 2 end))
show(("a1b2"):gsub("%d", function(d) return nil end))
show(("a1b2"):gsub("%d", function(d) return false, "x" end))
show(("abc"):gsub("[ac]", string.upper))
show(("12 345 6"):gsub("%d+", "<%0>", 2))
show(("x = 1, y = 22"):gsub("(%w+) = (%d+)", "%2=%1"))
show(("abc"):gsub("", "%0"))
show(("a\"b\\c\n"):gsub('[%c"\\]', {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n'}))
err(string.gsub, "abc", "%w", "%2")
err(string.gsub, "abc", "b", "%2")
err(string.gsub, "abc", "b", "%x")
err(string.gsub, "abc", "b", "%")
err(string.gsub, "abc", "%w", {a = {}})
err(string.gsub, "abc", "b", function() return {} end)
err(string.gsub, "abc", "b")
err(string.gsub, "abc", "b", nil)
err(string.gsub, "abc", "%", "")
err(string.gsub, "abc", "b", "", "x")
local mt = setmetatable({}, {__index = function(_, k) return k:upper() .. k end})
show(("abc"):gsub("[ab]", mt))
err(string.gsub, "abc", "b", setmetatable({}, {__index = function() error("in index") end}))
print(select(2, pcall(string.gsub, "abc", "b", function() error({code = 1}) end)).code)
err(string.gsub, "abc", "b", function() local x = nil; return x.y end)

-- huge inputs
local big = string.rep("ab;", 100000)
show(#big:gsub(";", ","), select(2, big:gsub("a", "")), big:find(";", 299998, true), big:find("c"))
show(select(2, big:gsub("%a", "")), #big:gsub("b;", ""), big:match("^(ab;)+$") ~= nil, big:find("b;a", 290000))

-- runs of one class ("%a+", "[%w_]+", "%S+"): find/match/gmatch/gsub without the matcher
show(("  abc12 de"):find("%a+"), ("  abc12 de"):find("%a+", 4), ("  abc12 de"):find("%a+", -2), ("123"):find("%a+"))
show(("  abc12 de"):match("%d+"), ("  abc12 de"):match("%a+", 6), ("x"):match("%a+", 2), ("x"):match("%a+", 5))
show(("one  two\tthree\n"):gsub("%s+", " "))
show(("one two"):gsub("%a+", "<%0>"), ("one two"):gsub("%a+", "%1%1", 1))
show(("a_b c-d"):gsub("[%w_]+", {a_b = "X"}))
show(("hello world"):gsub("%a+", string.upper))
show(("hello world"):gsub("%a+", function(w) return #w end))
local ws = {}
for w in ("  lead  and trail  "):gmatch("%S+") do ws[#ws + 1] = "[" .. w .. "]" end
print(table.concat(ws))
ws = {}
for w in ("abc def ghi"):gmatch("%a+", 6) do ws[#ws + 1] = w end
print(table.concat(ws, ","))
ws = {}
for w in ("abc"):gmatch("%a+", 10) do ws[#ws + 1] = w end
print(#ws)
local it = ("ab cd"):gmatch("%a+")
print(it(), it(), it(), it())
err(string.gsub, "abc", "%a+", "%2")

-- string.byte/sub with integer positions
local h = "hello"
show(h:byte(), h:byte(1), h:byte(5), h:byte(6), h:byte(0), h:byte(-1), h:byte(-5), h:byte(-6), (""):byte())
show(h:byte(2, 4))
show(h:byte(1.0), h:byte(-2.0), h:byte("2"), pcall(string.byte, h, 1.5))
show(pcall(string.byte, h, nil), pcall(string.byte, 5, 1))
show(h:sub(2), h:sub(2, 3), h:sub(-3), h:sub(-3, -2), h:sub(0), h:sub(10), h:sub(-10, 2), h:sub(3, 2), h:sub(2, 100))
show(h:sub(2, -100), h:sub(1, 0), h:sub(5, 5), h:sub(6, 6), h:sub(math.mininteger, math.maxinteger), h:sub(2.0, 3.0))
show(pcall(string.sub, h, 1.5), pcall(string.sub, h, 1, 2.5), pcall(string.sub, h))
show(pcall(string.sub, h, "2", "3"), string.sub(12345, 2, 3), pcall(string.sub, h, 1, 2, 3))

-- '^' with a run of one class: find/match at the start position only
local sp = "  \t\n x  "
show(sp:find("^[ \n\r\t]*"), sp:find("^[ \n\r\t]*", 6), sp:find("^[ \n\r\t]*", 7), sp:find("^[ \n\r\t]*", 9), sp:find("^[ \n\r\t]*", 10))
show(sp:find("^%s+"), sp:find("^%s+", 6), sp:find("^%s+", 7), sp:find("^%s+", 9), sp:find("^%s+", -2))
show(sp:match("^%s*"), sp:match("^%s*", 6), sp:match("^%S+", 6), sp:match("^%S+"), sp:match("^.*", 3))
show(("abc"):find("^%a*", 4), ("abc"):find("^%a+", 4), ("abc"):find("^[^b]*"), ("abc"):match("^[%a]+$"))
err(string.find, "abc", "^%")
err(string.find, "abc", "^[a*")

-- upper/lower: ASCII only, bytes >= 0x80 unchanged, long strings
show(("Hello, World 123"):upper(), ("Hello, World 123"):lower(), ("\xff\xb5\xdf\xe0abc"):upper() == "\xff\xb5\xdf\xe0ABC")
show(("\xC0\xDE XYZ"):lower() == "\xC0\xDE xyz", string.upper(123), (""):upper(), pcall(string.lower))
local longs = string.rep("aB\xe9", 50)
show(longs:upper() == string.rep("AB\xe9", 50), longs:lower() == string.rep("ab\xe9", 50), #longs:upper())

-- find/match of one single-char class
local q = 'ab"c\\d'
show(q:find('["\\]'), q:find('["\\]', 4), q:find('["\\]', -2), q:find('["\\]', 7), q:match("%p"), q:match("%p", 4), q:match("[xyz]"))
show(q:find("."), q:find(".", 7), (""):find("."), (""):match("%a"), q:find("%u"), q:find("[^%l]"))

-- a run of one class, optionally captured, then one char of a disjoint class
local text = "alpha beta,gamma  delta\tend"
ws = {}
for w in text:gmatch("(%a+)%s") do ws[#ws + 1] = "[" .. w .. "]" end
print(table.concat(ws))
ws = {}
for w in text:gmatch("%a+%s") do ws[#ws + 1] = "[" .. w .. "]" end
print(table.concat(ws))
ws = {}
for w in ("a1,b22,,c333,d"):gmatch("(%w+),") do ws[#ws + 1] = w end
print(table.concat(ws, "|"))
ws = {}
for w in text:gmatch("(%a+)%s", 8) do ws[#ws + 1] = w end
print(table.concat(ws, "|"))
ws = {}
for w in ("aaa"):gmatch("(a+)b") do ws[#ws + 1] = w end
print(#ws)
show(text:find("(%a+)%s"), text:find("(%a+)%s", 3), text:find("%a+,"), text:find("(%a+)%d"), text:find("%l+%s", 24))
show(text:match("(%a+),"), text:match("%a+,"), text:match("(%a+)\t"), text:match("(%a+)%s", -4))
-- overlapping classes keep the matcher's backtracking
show(("abc1"):match("(%w+)%d"), ("abc1"):find("%w+%d"), ("aab"):match("(a+)a"), ("xx.yy"):match("([%w.]+)%."))
print(text:find("(%a+)%s"))
print(text:find("%a+,"))
print(text:find("(%a+)%s", 20))
print(("a1,b22"):find("(%w+),", 2))
