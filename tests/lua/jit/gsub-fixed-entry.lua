-- gsub through compiled call sites with fixed-form patterns (a plain text, one class, a run of a class):
-- table and string replacements, every kind of table value, the count in every result context.
local esc = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t', ['\r'] = '\\r'}
local words = {"alpha", 'quo"te', "tab\tbed", "back\\slash", "line\nbreak\r\n", "", "\1\2\31", "\200\201"}
for round = 1, 3 do
  for i, w in ipairs(words) do
    local s, n = w:gsub('[%c"\\]', esc)
    print(round, i, s, n, (w:gsub('[%c"\\]', esc)), select(2, w:gsub('[%c"\\]', esc)))
  end
end

-- table values: strings, integers, floats, integral floats, false/nil keep the match
local vals = {a = "A", b = 12, c = 1.5, d = 3.0, e = false, f = 2^53, g = -0.0, h = 1e100, i = math.mininteger}
for _, s in ipairs({"abcdefghij", "jihgfedcba", "aaaa", "xyz", "a.b.c"}) do
  print(s:gsub("%a", vals))
  print(s:gsub("[a-e]", vals))
  print(s:gsub("a+", vals))
end

-- a dictionary-mode table (keys added at run time)
local dict = {}
for k = 1, 40 do dict["k" .. k] = "<" .. k .. ">" end
dict["x"] = "X"
print(("x y x z"):gsub("x", dict))
print(("a1b22c333"):gsub("%d+", {["1"] = "one", ["22"] = "two", ["333"] = 3}))

-- invalid values: the error comes from the general path, same message and position
for _, bad in ipairs({{}, true, print}) do
  local ok, err = pcall(function() return ("abc"):gsub("b", {b = bad}) end)
  print(ok, (tostring(err):gsub("0x%x+", "ADDR"):gsub("function: builtin: %x+", "FN")))
end

-- string replacements: plain texts, the same text (counting idiom), '%' escapes, runs
local text = "one;two;;three;"
for r = 1, 2 do
  print(select(2, text:gsub(";", ";")), text:gsub(";", ";"))
  print(text:gsub(";", ","), text:gsub(";;", "!"), text:gsub("o", "%0%0"), text:gsub("e+", "%%"))
  print(text:gsub("t", ""), text:gsub("xyz", "q"), ("aaa"):gsub("aa", "aa"), ("aaaa"):gsub("aa", "b"))
  print(text:gsub(";", ";", 2), text:gsub("[;o]", "-"), text:gsub("%a+", "w"))
end

-- a replacement table with a metatable: __index is called for missing keys
local mt = setmetatable({a = "1"}, {__index = function(_, k) return "<" .. k .. ">" end})
print(("abc"):gsub("%a", mt))
local log = {}
local guarded = setmetatable({}, {__index = function(_, k) log[#log + 1] = k; return nil end})
print(("hello"):gsub("l", guarded), table.concat(log, ","))

-- numbers as subject and pattern; bad arguments keep their messages
print(("12321"):gsub(2, "two"), string.gsub(12321, "2", "Z"))
print(pcall(string.gsub, "abc", "b"))
print(pcall(string.gsub, nil, "b", "x"))
print(pcall(string.gsub, "abc", "[b", "x"))

local function ret(s) return s:gsub("a", {a = "b"}) end
print(ret("banana"))
local t = {("banana"):gsub("n", "N")}
print(#t, t[1], t[2])
