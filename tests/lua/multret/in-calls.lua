-- results passed directly as arguments
local function two() return "a", "b" end
local function count(...) return select("#", ...) end
print(count(two()), count(two(), two()), count((two())), count(two(), nil))
print(string.format("%s-%s", two()))
print(math.max(two and 1, 2), select(2, two()))
local function ret(...) return ... end
print(count(ret()), count(ret(nil)), count(ret(ret(1, 2))))
