-- os.time with tables: normalisation of out-of-range fields like mktime, errors, difftime
local function show(t)
  return string.format("%d-%d-%d %d:%d:%d wday=%d yday=%d isdst=%s",
    t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, tostring(t.isdst))
end
local function try(t)
  local ok, r = pcall(os.time, t)
  print(ok, r, ok and show(t) or "")
end
try{year = 2000, month = 1, day = 1}
try{year = 2000, month = 1, day = 1, hour = 0}
try{year = 2005, month = 1, day = 1, hour = 1, min = 0, sec = -3602}
try{year = 2020, month = 14, day = -40, hour = -5, min = 100, sec = -7}
try{year = 2020, month = 0, day = 0, hour = 0}
try{year = 2020, month = -11, day = 400, hour = 25, min = 61, sec = 61}
try{year = 2020, month = 2, day = 30}
try{year = 2019, month = 2, day = 29}
try{year = 1970, month = 1, day = 1, hour = 0}
try{year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 59}
try{year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 58}
try{year = 1, month = 1, day = 1, hour = 0}
try{year = -5, month = 1, day = 1}
try{year = 3000, month = 6, day = 15, isdst = false}
try{year = 2020, month = 1, day = 1, hour = 12, isdst = true}
try{year = "2020", month = "3", day = "1", hour = "0"}
try{year = 2020, month = 3, day = 1.0, hour = 0}
try{year = (1 << 31) + 1899, month = 12, day = 31, hour = 23, min = 59, sec = 59}
try{year = (1 << 31) + 1899, month = 12, day = 31, hour = 23, min = 59, sec = 60}
try{year = -(1 << 31) + 1900, month = 1, day = 1, hour = 0}
try{year = 1970, month = 1, day = 0, sec = (1 << 31) - 1}
try{year = 1970, month = 1, day = 1, sec = -(1 << 31)}
-- errors
try{hour = 12}
try{year = 2020}
try{year = 2020, month = 1}
try{year = 2020, month = 1, day = 1.5}
try{year = 2020, month = 1, day = 1, hour = "x"}
try{year = 2020, month = 1, day = 1, min = {}}
try{year = (1 << 31) + 1900, month = 1, day = 1}
try{year = -(1 << 31) + 1899, month = 1, day = 1}
try{year = 0, month = 1, day = 1 << 32}
try{year = 0, month = -((1 << 31) + 1), day = 1}
try{year = 2^60, month = 1, day = 1}
print(pcall(os.time, 42))
print(pcall(os.time, "x"))
-- a table with metamethods is read and written through them
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = k; return ({year = 2001, month = 2, day = 3})[k] end,
  __newindex = function(t, k, v) rawset(t, k, v) end,
})
print(os.time(proxy), table.concat(log, ","), rawget(proxy, "wday"))

-- round trips
for _, t in ipairs{0, 1, 1000, 0x7fffffff, 0x80000000, 1e9, -1e9, 4e9} do
  local d = os.date("*t", t)
  io.write(tostring(os.time(d) == t), " ")
end
print()

-- difftime and time()
print(os.difftime(10, 5), os.difftime(5, 10), os.difftime(0, 0), math.type(os.difftime(1, 1)))
print(os.difftime(math.maxinteger, math.mininteger))
print(pcall(os.difftime, 5))
print(pcall(os.difftime, 1.5, 1))
print(math.type(os.time()), os.time() > 1.6e9)
print(math.type(os.clock()), os.clock() >= 0)
