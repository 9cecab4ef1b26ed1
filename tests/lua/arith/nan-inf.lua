-- properties of nan and inf (printing of nan is platform text; we print comparisons)
local nan = 0 / 0
local inf = math.huge
print(nan == nan, nan ~= nan, nan < nan, nan <= nan, nan > 1, nan < 1)
print(inf > math.maxinteger, -inf < math.mininteger, inf == inf, inf - inf ~= inf - inf)
print(math.type(nan), math.type(inf), inf + 1 == inf, -inf * -1 == inf)
local t = {}
print(pcall(function() t[nan] = 1 end))
print(t[nan], rawget(t, nan))
local okf, fl = pcall(math.floor, nan)
print(math.floor(3.5), math.ceil(3.5), okf, fl ~= fl, math.type(fl))
print(tostring(inf), tostring(-inf), string.format("%.1f", inf), string.format("%5.1f", -inf))
print(math.max(1, inf), math.min(-inf, 1), math.fmod(1, inf))
