-- table.unpack and table.pack: ranges, counts, limits, metamethods
print(table.unpack({1, 2, 3}))
print(table.unpack({1, 2, 3}, 2))
print(table.unpack({1, 2, 3}, 2, 3))
print(table.unpack({1, 2, 3}, 3, 2))
print(select("#", table.unpack({1, 2, 3}, 3, 2)))
print(table.unpack({1, 2, 3}, -1, 1))
print(table.unpack({1, 2, 3}, 0))
print(select("#", table.unpack({}, 1, 5)))
print(table.unpack({1, nil, 3}))
print(select("#", table.unpack({n = 3})))
print(table.unpack({[0] = "zero", "one"}, 0, 1))
print(table.unpack({1, 2, 3}, "2", 3.0))
print(table.unpack({}, math.maxinteger, math.maxinteger))
print(table.unpack({}, math.mininteger, math.mininteger))
print(select("#", table.unpack({}, math.maxinteger - 2, math.maxinteger)))
print(select("#", table.unpack({}, math.mininteger, math.mininteger + 1)))

-- errors
print(pcall(table.unpack, {}, 1, 1e8))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
print(pcall(table.unpack, {}, 0, math.maxinteger))
print(pcall(table.unpack, {}, 1.5))
print(pcall(table.unpack, {}, 1, "x"))
print(pcall(table.unpack, nil))
print(pcall(table.unpack, nil, 1, 2))
print(pcall(table.unpack))
print(pcall(table.unpack, 5, 1, 0))
print(pcall(function() return table.unpack(nil) end))

-- many values
local many = {}
for i = 1, 5000 do many[i] = i end
local function count(...) return select("#", ...), (select(5000, ...)) end
print(count(table.unpack(many)))
local function sum(...)
  local s = 0
  for i = 1, select("#", ...) do s = s + (select(i, ...)) end
  return s
end
print(sum(table.unpack(many, 100, 200)))

-- metamethods
local proxy = setmetatable({}, {__index = function(_, i) return i * i end, __len = function() return 4 end})
print(table.unpack(proxy))
print(table.unpack(proxy, 3, 6))
local strlen = setmetatable({}, {__len = function() return "2" end, __index = function(_, i) return -i end})
print(table.unpack(strlen))
print(pcall(table.unpack, setmetatable({}, {__len = function() return 1.5 end})))
print(table.unpack("abc", 1, 0))
print(pcall(table.unpack, "abc", 1, 1))

-- pack
local p = table.pack()
print(p.n, #p, next(p))
p = table.pack(nil)
print(p.n, p[1])
p = table.pack(1, nil, 3, nil)
print(p.n, p[1], p[2], p[3], p[4])
p = table.pack("a", "b", "c")
print(p.n, #p, table.concat(p, ","))
p = table.pack(table.unpack(many))
print(p.n, p[5000])
local q = table.pack(1, 2)
q.n = nil
print(#q, q.n)
-- pack/unpack round trip with n
local function roundtrip(...)
  local t = table.pack(...)
  return table.unpack(t, 1, t.n)
end
print(roundtrip(1, nil, nil, 4, nil))
print(select("#", roundtrip(nil, nil)))
