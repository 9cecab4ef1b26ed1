-- os.date with fixed times: every C-locale conversion, UTC ('!') and local (the runner sets TZ=UTC)
local F = "%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%"
local E = "%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy"
for _, t in ipairs{0, 1, 86399, 86400 * 365, 951782400, 1e9, 1234567890, 1609459199, 1609459200, 2^31 - 1, 2^31,
                   -1, -86400 * 366, -2208988800, -62135596800, 253402300799, 4102444800, 1 << 40} do
  print(t, os.date("!" .. F, t))
  print(os.date("!" .. E, t))
  print(os.date(F, t) == os.date("!" .. F, t):gsub("GMT", "UTC"))
end
print(os.date("!%c", 0), os.date("%c", 0))
print(os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365))

-- ISO 8601 weeks and the Sunday/Monday week numbers around year ends
for y = 2019, 2027 do
  for _, d in ipairs{{12, 28}, {12, 29}, {12, 30}, {12, 31}, {1, 1}, {1, 2}, {1, 3}, {1, 4}} do
    local t = os.time{year = d[1] == 1 and y + 1 or y, month = d[1], day = d[2], hour = 12}
    io.write(os.date("!%F %a %G-W%V-%u %U %W %j|", t))
  end
  print()
end

-- date tables
local function show(t)
  return string.format("%d-%d-%d %d:%d:%d wday=%d yday=%d isdst=%s",
    t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, tostring(t.isdst))
end
print(show(os.date("!*t", 0)))
print(show(os.date("*t", 1e9)))
print(show(os.date("!*t", -1)))
print(show(os.date("!*t", 2^40)))
local n = 0
for k in pairs(os.date("*t", 0)) do n = n + 1 end
print(n)

-- odd formats
print(os.date("!"), os.date(""), os.date("\0%Y\0", 0) == "\0" .. "1970\0")
print(os.date("!%%%%%H%%", 3600))
print(#os.date(string.rep("a", 10000)), os.date(string.rep("%%", 50), 0))
print(os.date("!%Y", 2^55), os.date("!%Y", -2^55))

-- errors
for _, f in ipairs{"%", "%E", "%O", "%Ea", "%Oa", "%Q", "%5d", "%-d", "%Ez abc", "%#c", "%+Y"} do
  print(pcall(os.date, f, 0))
end
print(pcall(os.date, "%Y", 2^60))
print(pcall(os.date, "%Y", 0.5))
print(pcall(os.date, "%Y", "x"))
print(pcall(os.date, {}))
