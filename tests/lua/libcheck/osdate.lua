local convs = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%"
for _, t in ipairs({0, 86399, 951782400, 1234567890, 1700000000, -86400, 4102444800, 1009843200, 1104537600, 1230768000}) do
  local out = {}
  for c in convs:gmatch(".") do out[#out+1] = c .. "=" .. os.date("!%" .. c, t) end
  print(table.concat(out, " "))
  print(os.date("!%Ec %EC %Ex %EX %Ey %EY %Od %Oe %OH %OI %Om %OM %OS %Ou %OU %OV %Ow %OW %Oy", t))
end
print(os.date("!%Y-%m-%d %H:%M:%S", 0), os.date("%Y-%m-%d %H:%M:%S", 3600))
print(pcall(os.date, "%Q", 0)) print(pcall(os.date, "%E", 0)) print(pcall(os.date, "%Ez", 0)) print(pcall(os.date, "%O", 0)) print(pcall(os.date, "%", 0))
print(pcall(os.date, "!%5d", 0))
print(os.date("!", 0) == "", os.date("!x%%y", 0), os.date("!%d\0%m", 0):len())
local function dump(t) local ks = {"year", "month", "day", "hour", "min", "sec", "wday", "yday", "isdst"} local o = {} for _, k in ipairs(ks) do o[#o+1] = k .. "=" .. tostring(t[k]) end print(table.concat(o, " ")) end
dump(os.date("!*t", 1234567890)) dump(os.date("*t", 1234567890)) dump(os.date("!*t", 0)) dump(os.date("!*t", -1))
print(pcall(os.date, "*t", 2^60)) print(pcall(os.date, "!%Y", 1.5)) print(pcall(os.date, "!%Y", "x")) print(os.date("!%Y", "100"))
print(os.time({year = 2000, month = 1, day = 1, hour = 0}), os.time({year = 2000, month = 1, day = 1}), os.time({year = 1970, month = 1, day = 1, hour = 0}))
print(os.time({year = 2024, month = 14, day = 35, hour = 25, min = 61, sec = 61}), os.time({year = 2024, month = 0, day = 0}), os.time({year = 2024, month = 3, day = -400, hour = -5}))
local t = {year = 2024, month = 14, day = 35, hour = 25, min = 61, sec = 61, isdst = false} os.time(t) dump(t)
local t2 = {year = 2023, month = 2, day = 29, hour = 12} os.time(t2) dump(t2)
print(pcall(os.time, {year = 2000})) print(pcall(os.time, {year = 2000, month = 1})) print(pcall(os.time, {year = "x", month = 1, day = 1}))
print(pcall(os.time, {year = 2000, month = 1.5, day = 1})) print(os.time({year = "2000", month = "1", day = "1.0"}))
print(pcall(os.time, {year = 2^40, month = 1, day = 1})) print(pcall(os.time, {year = 2000, month = 2^40, day = 1}))
print(pcall(os.time, {year = -2^31, month = 1, day = 1, hour = 0}))
print(pcall(os.time, 5)) print(math.type(os.time()), math.type(os.time({year = 2000, month = 1, day = 1})))
print(os.difftime(10, 5), pcall(os.difftime, 5), math.type(os.difftime(10, 5)), pcall(os.difftime), pcall(os.difftime, "a", 1))
print(os.date("!%c", os.time({year = 2020, month = 2, day = 29, hour = 23, min = 59, sec = 60})))
print(pcall(os.time, {year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 59}), os.time({year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 58}))
print(os.time({year = 1900, month = 1, day = 1, hour = 0}), os.time({year = 3000, month = 1, day = 1, hour = 0}))
