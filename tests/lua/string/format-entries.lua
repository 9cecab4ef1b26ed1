-- string.format at call sites wanting one result (compiled code may answer common formats without the
-- general call): conversions of integers, floats and strings, bad specs, missing arguments.
local fmts = {"%d", "%d:%s;", "x%sy%sz", "%5.2f|%s", "%.14g", "%g %g", "%e", "%10.3E", "%G", "%-8g|", "%+.3f",
  "% f", "%#g", "%i", "%s", "%%%d%%", "%.3s", "%5s", "%x", "%d %d %d", "%q", "%099d", "%.123f", "%y", "%", "%d %"}
local vals = {0, -7, 42, 2^53, 3.25, -0.5, 1e300, 1/0, -1/0, 0/0, 1e-310, "str", "12", "", 2^63, -0.0, 1e15, 123456789012}
local function f1(f, a) local s = string.format(f, a) return s end
local function f2(f, a, b) local s = string.format(f, a, b) return s end
local function f3(f, a, b, c) local s = string.format(f, a, b, c) return s end
for _, f in ipairs(fmts) do
  for i, v in ipairs(vals) do
    local w = vals[(i * 7) % #vals + 1]
    local r = {}
    for rep = 1, 3 do
      local ok, s = pcall(f1, f, v)
      local ok2, s2 = pcall(f2, f, v, w)
      local ok3, s3 = pcall(f3, f, v, w, v)
      r[rep] = tostring(ok) .. " " .. tostring(s) .. " | " .. tostring(ok2) .. " " .. tostring(s2) .. " | " ..
        tostring(ok3) .. " " .. tostring(s3)
    end
    print(string.format("%q", f), r[1], r[2] == r[1] and r[3] == r[1])
  end
end
print(pcall(f1, "%d"))
-- a __tostring on strings applies to %s
local smt = getmetatable("")
smt.__tostring = function(s) return "<<" .. s .. ">>" end
local lens = {}
for i = 1, 3 do lens[#lens + 1] = #f1("%s", "abc") lens[#lens + 1] = #f2("%d:%s", 1, "abcd") end
smt.__tostring = nil
print(table.concat(lens, " "))
