-- String building and pattern functions: concatenation in loops, table.concat, string.rep, gsub with
-- strings/tables/functions, find, format.
-- quick: 100
local reps = tonumber(arg and arg[1]) or 5000
local check = 0
for r = 1, reps do
  local buf = {}
  for i = 1, 300 do buf[#buf + 1] = string.format("%d:%s;", i, string.rep("x", i % 7)) end
  local s = table.concat(buf)
  local t = ""
  for i = 1, 200 do t = t .. (i % 10) end
  local u = s:gsub("x+", function(m) return #m end)
  local v = u:gsub("(%d+):(%d*)", "%2=%1")
  local w = v:gsub("%d", {["1"] = "one", ["2"] = "two"})
  local count = select(2, w:gsub(";", ";"))
  local pos, n = 1, 0
  while true do
    local a, b = w:find("one", pos, true)
    if not a then break end
    n = n + 1; pos = b + 1
  end
  local up = w:upper():lower():reverse()
  check = (check + #s + #t + #u + #v + #w + count + n + up:byte(1) + #up) % 1000000007
end
print(string.format("string-build x%d: checksum %d", reps, check))
