-- varargs forwarded through several calls keep trailing nils
local function count(...) return select("#", ...) end
local function fwd1(...) return count(...) end
local function fwd2(...) return fwd1(...) end
print(fwd2(), fwd2(nil), fwd2(1, nil), fwd2(nil, nil, nil))
local function wrap(f) return function(...) return f(...) end end
print(wrap(count)(1, 2, nil, nil))
local function tail(...) return ... end
print(select("#", tail(1, nil, nil)), tail(1, 2, 3))
local function mid(...) local x = {...}; return x[1], ..., "end" end
print(mid(1, 2, 3))
