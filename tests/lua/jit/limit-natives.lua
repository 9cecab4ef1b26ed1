-- natives, metamethods, error handling and deopts at every level of recursions deeper than the JS stack
-- budget of compiled frames (runtime.ts MAX_RESERVE): results as lua5.4's, never a JS RangeError
local T = setmetatable({}, { __tostring = function(t) return 'T!' end,
  __index = function(t, k) return k * 2 end, __lt = function(a, b) return true end,
  __concat = function(a, b) return 'cc' end })
local arr = {}
for i = 1, 40 do arr[i] = (i * 7919) % 41 end
local acc = 0
local function act(n)
  local s = string.format('%5.2f|%s|%d|%q', n / 3, 'x', n, 'q\n')
  s = s .. (string.gsub('abcabc', '%w', function(c) return c:upper() end))
  local a, b = string.find(string.rep('a', 150), string.rep('a?', 150) .. '$')
  local c = select(2, string.gsub(string.rep('ab', 50), '(a)(b)', '%2%1'))
  local t = {table.unpack(arr)}
  table.sort(t, function(x, y) return x > y end)
  local ok, e = pcall(error, { code = n })
  local ok2, e2 = pcall(error, 'msg ' .. n, 1)
  local ok3, tb = xpcall(function() local x = nil; return x.y end, function(m) return m .. '|' .. (n % 50 == 0 and #debug.traceback('h', 1) or 0) end)
  local u = tostring(T) .. T[n] .. (T .. T) .. tostring(T < T)
  local d = n % 2 == 0 and 1.5 or 2   -- type flips: deopts at depth
  local v = (d + n) // 1
  local g = string.rep('z', 3, ',')
  local ok4, e4 = pcall(string.rep)
  acc = acc + #s + a + b + c + t[1] + t[40] + e.code + #e2 + #u + v + #g + #e4 + (ok3 and 0 or 1) + (tb:find('attempt') and 1 or 0)
end
local function rec(n)
  if n == 0 then return 0 end
  local r = rec(n - 1)
  act(n)
  return r + 1
end
print(rec(3000), acc)
acc = 0
local function rec2(n)  -- actions before the call: at the deepest compiled level too
  if n == 0 then return 0 end
  act(n)
  return rec2(n - 1) + 1
end
print(rec2(3000), acc)
io.write('done ', tostring(acc), '\n')
