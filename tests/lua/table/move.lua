-- table.move: overlapping ranges in both directions, other destinations, limits, metamethod order
local function show(t, i, j)
  local parts = {}
  for k = i or 1, j or #t do parts[#parts + 1] = tostring(t[k]) end
  return table.concat(parts, ",")
end

local a = {1, 2, 3, 4, 5}
print(table.move(a, 1, 3, 3) == a, show(a))
a = {1, 2, 3, 4, 5}
table.move(a, 3, 5, 1)
print(show(a))
a = {1, 2, 3, 4, 5}
table.move(a, 2, 4, 2)
print(show(a))
a = {1, 2, 3, 4, 5}
table.move(a, 1, 5, 6)
print(show(a), #a)
a = {1, 2, 3}
table.move(a, 1, 0, 2)
print(show(a))
a = {1, 2, 3}
table.move(a, 1, 3, -1)
print(show(a, -1, 3))

-- another destination table
local src = {"a", "b", "c"}
local dst = {"x", "y", "z", "w"}
print(table.move(src, 1, 3, 2, dst) == dst, show(dst), show(src))
print(show(table.move({1, 2, 3}, 1, 3, 1, {})))
print(show(table.move(src, 1, 3, 1, nil)))
local e = table.move({}, 1, 0, 1, {"kept"})
print(show(e))

-- limits and errors
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {}, -1, math.maxinteger, 2))
print(pcall(table.move, {}, 0, math.maxinteger, 2))
print(pcall(table.move, {}, math.mininteger, -1, 0))
print(pcall(table.move, {1, 2}, 1, 2, math.maxinteger))
print(select("#", table.move({}, math.maxinteger, math.maxinteger, 1)))
local hi = table.move({[math.maxinteger] = "top"}, math.maxinteger, math.maxinteger, 1)
print(hi[1])
local lo = table.move({"low"}, 1, 1, math.mininteger)
print(lo[math.mininteger])
print(pcall(table.move, {1}, 1, 1, 1, 5))
print(pcall(table.move, {1}, 1, 1))
print(pcall(table.move, {1}, "a", 1, 1))
print(pcall(table.move, {1}, 1, 1.5, 1))
print(pcall(table.move, nil, 1, 1, 1))
print(pcall(table.move, "abc", 1, 1, 1))
print(pcall(function() return table.move({}, 1, math.maxinteger, 2) end))

-- access order through metamethods (forward and backward copies)
local log = {}
local function tracked(name, data)
  return setmetatable({}, {
    __index = function(_, k) log[#log + 1] = name .. "[" .. k .. "]"; return data[k] end,
    __newindex = function(_, k, v) log[#log + 1] = name .. "[" .. k .. "]=" .. tostring(v); data[k] = v end,
  })
end
local d1 = {10, 20, 30, 40}
local p1 = tracked("t", d1)
table.move(p1, 1, 3, 2)
print(table.concat(log, " "))
print(show(d1))
log = {}
table.move(p1, 2, 4, 1)
print(table.concat(log, " "))
print(show(d1))
log = {}
local d2 = {}
table.move(tracked("s", {7, 8}), 1, 2, 5, tracked("d", d2))
print(table.concat(log, " "), d2[5], d2[6])

-- __eq decides whether two different tables count as the same destination
log = {}
local mteq = {__eq = function() return true end}
local data = {1, 2, 3}
local x = setmetatable({}, {__index = function(_, k) log[#log + 1] = "r" .. k; return data[k] end,
                            __newindex = function(_, k, v) log[#log + 1] = "w" .. k; data[k] = v end,
                            __eq = mteq.__eq})
local y = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = "W" .. k end, __eq = mteq.__eq})
table.move(x, 1, 3, 2, y)
print(table.concat(log, " "))

-- big moves
local big = {}
for i = 1, 1000 do big[i] = i end
table.move(big, 1, 1000, 501)
print(#big, big[1], big[500], big[501], big[1500])
table.move(big, 501, 1500, 1)
print(#big, big[1], big[1000], big[1001])
