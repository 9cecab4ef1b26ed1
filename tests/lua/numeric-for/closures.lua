-- closures capture each iteration's control variable
local fs = {}
for i = 1, 5, 2 do fs[#fs + 1] = function() i = i + 100; return i end end
print(fs[1](), fs[1](), fs[2](), fs[3]())
local gs = {}
for x = 0.5, 1.5, 0.5 do gs[#gs + 1] = function() return x end end
print(gs[1](), gs[2](), gs[3]())
