-- each backward jump creates a fresh local for closures
local fs = {}
local i = 1
::again::
local v = i * 2
fs[#fs + 1] = function() return v end
i = i + 1
if i <= 3 then goto again end
print(fs[1](), fs[2](), fs[3]())
