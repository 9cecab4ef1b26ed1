-- string.format: every conversion with flags, widths and precisions, %q literals that load back, %s with
-- __tostring and __name, and every error message
local vals = {0, -1, 42, 255, -255, math.maxinteger, math.mininteger, 3.5, -2.25, 0.1, 1/3, 2.5, 0.5, 1.5, 1e300,
  -0.0, 1.0, 1e15, 1e16, 123456789012, 2^53, 2^63, 5e-324, 2^-1022, 1/0, -1/0, 0/0, -(0/0), 100, 1e-5, 123.456}
local fmts = {"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%x", "%X", "%#x", "%o", "%#o", "%u", "%i",
  "%e", "%.3e", "%E", "%#.0e", "%f", "%.0f", "%#.0f", "%10.4f", "%-10.2f|", "%+.2f", "% 010.3f", "%g", "%.3g",
  "%#g", "%G", "%.14g", "%.17g", "%.0g", "%a", "%A", "%.2a", "%#a", "%020a", "%+.1a", "%q", "%s", "%.20s", "%.99f"}
for _, f in ipairs(fmts) do
  local out = {}
  for _, v in ipairs(vals) do
    local ok, s = pcall(string.format, f, v)
    out[#out + 1] = ok and s or "E"
  end
  print(f, table.concat(out, " "))
end

-- conversions on strings and strings as numbers
print(string.format("%d %x %5.1f %s %g", "10", "0x1F", "2.25", 12, "1e3"))
print(string.format("[%5s][%-5s][%.2s][%5.1s][%.0s][%s]", "abc", "abc", "abc", "abc", "abc", "a\0b"))
print(string.format("%c%c%c", 76, 117, 97), #string.format("%c", 0), string.format("[%5c][%-5c]", 65, 66))
print(string.format("%s %s %s %s %s", nil, true, false, 1, 1.0))
print(string.format("%10s|%-10s|", 1.5, math.mininteger))
print(string.format("%s|%s", setmetatable({}, {__tostring = function() return "TS" end}), setmetatable({}, {__tostring = function() return 42 end})))
print(pcall(string.format, "%s", setmetatable({}, {__tostring = function() return {} end})))
print(string.format("%.3s|", setmetatable({}, {__tostring = function() return "abcdef" end})))
print((string.format("%s", setmetatable({}, {__name = "MyType"})):gsub("0x%x+", "ADDR")))
print(pcall(string.format, "%%|%5%%|%-%", 1))
print(string.format("a%%b%%c"), string.format("no conversions"), string.format(""))
print(#string.format("%099d", 7), #string.format("%.99f", 1e308), #string.format("%s", string.rep("x", 1000)))
print(string.format("%5.3s|%-99.99s|", "abcdef", "x") == "  abc|x" .. string.rep(" ", 98) .. "|")

-- %q
local samples = {"plain", "quote\"s", "back\\slash", "new\nline", "\r\0\1\127\255", "tab\there", "\0001", "\0009", "\1a\0012",
  string.rep("\200", 3)}
for _, s in ipairs(samples) do
  local q = string.format("%q", s)
  print(q, load("return " .. q)() == s)
end
for _, v in ipairs({0, -0.0, 1.0, 0.1, -1.5e300, 2^63, math.mininteger, math.maxinteger, 1/0, -1/0, 5e-324, nil, true, false}) do
  local q = string.format("%q", v)
  local back = load("return " .. q)()
  print(q, back == v or (v ~= v and back ~= back), math.type(back))
end
print(string.format("%q", 0/0))

-- errors
local bad = {"%10.123d", "%123d", "%0100d", "%.100f", "%+x", "% x", "%#d", "%+u", "%05s", "%.3c", "%+c", "%#s", "%10q",
  "%y", "%F", "%ld", "%lld", "%hd", "%n", "%p5", "%1.1.1d", "%..1d", "%.1.d", "%", "abc%", "%5.2%", "%-+ #0d", "%#p",
  "%12345678901234567890d", "%-----------------------5d", "%.s"}
for _, f in ipairs(bad) do print(f, pcall(string.format, f, 1)) end
print(pcall(string.format, "%d"))
print(pcall(string.format, "%d %d", 1))
print(pcall(string.format, "%d", 1.5))
print(pcall(string.format, "%d", "1.5"))
print(pcall(string.format, "%d", "x"))
print(pcall(string.format, "%d", 2^63))
print(pcall(string.format, "%x", {}))
print(pcall(string.format, "%f", "x"))
print(pcall(string.format, "%c", "x"))
print(pcall(string.format, "%5s", "a\0b"))
print(pcall(string.format, "%q", {}))
print(pcall(string.format, "%q", print))
print(pcall(string.format))
print(pcall(string.format, {}))
print(pcall(function() return ("%d"):format("x") end))
print(pcall(function() return string.format("%d", nil) end))
