-- string.find / match / gmatch with Lua patterns: classes, sets, quantifiers, anchors, captures,
-- back references, %b, %f, init positions, plain search, and every malformed-pattern message
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = string.format("%q", t[i]) end
  return table.concat(t, " ", 1, t.n)
end

local finds = {
  {"", ""}, {"alo", ""}, {"a\0o a\0o a\0o", "a\0o", 2}, {"alo123alo", "12"}, {"alo123alo", "^12"},
  {"aaab", ".*b"}, {"aaa", ".+a"}, {"b", ".+b"}, {"aaab", ".?b"}, {"aLo_ALO", "%a*"},
  {"  \n\r*&\n\r   xuxu  \n\n", "%g%g%g+"}, {"a$a", ".$"}, {"a$a", ".%$"}, {"a$a", ".$."}, {"a$a", "$$"},
  {"a$b", "a$"}, {"a$a", "$"}, {"aabaaabaaabaaaba", "b.*b"}, {"aabaaabaaabaaaba", "b.-b"},
  {"um caracter ? extra", "[^%sa-z]"}, {"]]]xb", "[^]]"}, {"0alo alo", "%x*"}, {"alo alo", "%C+"},
  {"(9 ((8))(\0) 7) \0\0 a b ()(c)() a", "%b()"}, {"ab\0\1\2c", "[\0-\2]+"}, {"b$a", "$\0?"},
  {"abc\0efg\0\1e\1g", "%b\0\1"}, {"abc\0\0\0", "%\0%\0?"}, {"aba", "%f[a%z]"}, {"aba", "%f[%z]"},
  {"THE (quick) fox", "%((%a+)%)"}, {"a.b", ".", 1, true}, {"a+b", "+", 1, true}, {"abc", "", 4}, {"abc", "", 5},
  {"abc", "b", -1}, {"abc", "b", -2}, {"abc", "b", -100}, {"abc", "c", math.maxinteger}, {"abc", "[%a-z]"},
  {"a-z", "[a%-z]+"}, {"^x", "^^x"}, {"x^", "x^"}, {"\xff\xfe", "[\x80-\xff]+"}, {"ABCdef", "%u+"},
  {"!@#$%^&*()", "%p+"}, {"\1\31\127", "%c+"}, {"f(a(b)c)d", "%b()"}, {"[[x]]", "%[(.-)%]"},
}
for _, c in ipairs(finds) do
  print(show(c[1], c[2]), "->", show(string.find(table.unpack(c, 1, 4))))
end

local matches = {
  {"alo xyzK", "(%w+)K"}, {"254 K", "(%d*)K"}, {"alo ", "(%w*)$"}, {"alo ", "(%w+)$"},
  {"\225lo alo", "^(((.).).* (%w*))$"}, {"0123456789", "(.+(.?)())"}, {"key = value", "(%w+)%s*=%s*(%w+)"},
  {"2024-01-15", "(%d+)-(%d+)-(%d+)"}, {"  trim  ", "^%s*(.-)%s*$"}, {"alo", "()"}, {"alo", "()", 4},
  {"abc", "(a)(b)(c)"}, {"hello", "l+"}, {"hello", "l-o"}, {"aaa", "a-$"}, {"aaa", "^a-"},
  {" alo aalo allo", "%f[%S](.-%f[%s].-%f[%S])"}, {"xuxx", "(.)%1"}, {"abab", "(ab)%1"}, {"x = x", "(%w+) = %1"},
  {string.rep("a", 100), string.rep("a?", 199)}, {string.rep("a", 40), string.rep("(a)", 32)},
}
for _, c in ipairs(matches) do
  print(show(c[1], c[2]), "->", show(string.match(table.unpack(c, 1, 3))))
end

-- gmatch, with init and with anchors (not special in gmatch)
local function gm(s, p, init)
  local out = {}
  for a, b in string.gmatch(s, p, init) do out[#out + 1] = tostring(a) .. (b and ("," .. tostring(b)) or "") end
  print(show(s, p, init), "->", table.concat(out, "|"))
end
gm("abcde", "()")
gm("first second word", "%w+")
gm("xuxx uu ppar r", "()(.)%2")
gm("13 14 10 = 11, 15= 16, 22=23", "(%d+)%s*=%s*(%d+)")
gm("10 20 30", "%d+", 3)
gm("11 21 31", "%d+", -4)
gm("11 21 31", "%w*", 9)
gm("11 21 31", "%w*", 10)
gm("alo alo th02 is 1hat", "()%f[%w%d]")
gm("a  \nbc\t\td", "()%s*()")
gm("^a^a", "^a")
gm("abc", "")
gm("one;two;;three", "([^;]*)")
local it = string.gmatch("a b", "%a")
print(it(), it(), it(), it())

-- big subjects: long repetitions are iterative, so no "too complex"
local a = string.rep("a", 300000)
print(string.find(a, "^a*.?$"))
print(string.find(a, "^a*.?b$"))
print(string.find(a, "^a-.?$"))

-- malformed patterns and limits
local bad = {"(.", ".)", "[a", "[]", "[^]", "[a%]", "[a%", "%b", "%ba", "%", "%f", "%fa", "(%0)", "(%1)",
  "(a)%2", "%1", string.rep("(a)", 33), string.rep("a?", 200), string.rep("()", 33)}
for _, p in ipairs(bad) do
  print(#p < 20 and show(p) or #p, pcall(string.find, string.rep("a", 40), p))
end
print(pcall(string.match, "a", "(()"))
print(pcall(string.gmatch("a", "(."), nil))
print(pcall(string.find))
print(pcall(string.find, "a"))
print(pcall(string.find, "a", "a", "x"))
print(pcall(string.find, "a", "a", 1.5))
print(pcall(string.find, {}, "a"))
print(string.find(12345, 34), string.match(3.5, "%d"), string.find("a1", 1))
print(pcall(string.find, string.rep("a", 300), string.rep("a?", 250)))
print(pcall(string.find, string.rep("a", 300), string.rep("a?", 199)))
print(pcall(string.find, string.rep("a", 300), string.rep("(a)", 20) .. string.rep("%1?", 180)))
