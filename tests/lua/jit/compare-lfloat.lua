-- Generic EQ/LT/LE (operands of unknown type) with integral-valued floats (boxed) against integers,
-- non-integral floats and each other, in both operand orders; two strings (LT/LE inline: byte order);
-- and the kinds that take the general path (bigints, mixed string/number errors, tables, __eq/__lt).
-- Every function runs many times so the JS tier compiles it with mixed operand types.
local function eq(a, b) return a == b, a ~= b end
local function lt(a, b) return a < b, a <= b end
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do t[i] = tostring(t[i]) end
  return table.concat(t, " ")
end

local nums = {3, 3.0, -0.0, 0, 0.0, 2.5, -7, -7.0, 1e15, -1e15, 2^53, math.huge, -math.huge,
  math.maxinteger, math.mininteger, math.maxinteger + 0.0, 9007199254740993, 0/0, 1/3}
local out = {}
for _ = 1, 30 do
  for i = 1, #nums do
    for j = 1, #nums do
      local a, b = nums[i], nums[j]
      local e1, e2 = eq(a, b)
      local l1, l2 = lt(a, b)
      out[#out + 1] = (e1 and "1" or "0") .. (e2 and "1" or "0") .. (l1 and "1" or "0") .. (l2 and "1" or "0")
    end
  end
end
-- one line per left operand (the last repetition)
local n = #nums
for i = 1, n do
  local row = {}
  for j = 1, n do row[j] = out[#out - n * n + (i - 1) * n + j] end
  print(string.format("%-22s", tostring(nums[i])), table.concat(row, " "))
end

-- the json encoder's test: v == math.floor(v) and range checks with float constants
local function intlike(v) return v == math.floor(v) and v > -1e15 and v < 1e15 end
local got = {}
for _, v in ipairs({1, 2.0, 2.5, -3.0, 1e15, 1e14, -1e15 + 1, 0.0, -0.0, 1e300}) do
  for _ = 1, 20 do intlike(v) end
  got[#got + 1] = tostring(intlike(v))
end
print(table.concat(got, " "))

-- other kinds mixed with floats
local mt = {__eq = function() return true end, __lt = function() return true end, __le = function() return false end}
local t1, t2 = setmetatable({}, mt), setmetatable({}, mt)
for _ = 1, 20 do eq(t1, t2); eq(2.0, "2"); eq("2", 2.0) end
print(show(eq(t1, t2)), show(eq(2.0, "2")), show(eq("2", 2.0)), show(eq(t1, 2.0)), show(eq(2.0, t1)))
print(show(lt(t1, t2)), show(pcall(lt, 2.0, "3")), show(pcall(lt, "3", 2.0)))
print(show(lt(2^63, math.maxinteger)), show(lt(math.maxinteger, 2^63)), show(eq(2^63, math.mininteger)))

-- strings: byte order (high bytes, embedded zeros, prefixes), through the same generic LT/LE
local strs = {"", "a", "ab", "a\0", "a\0b", "b", "B", "\200", "\127", "abc", "ab\255", "Z", "0", "10", "9"}
local rows = {}
for _ = 1, 20 do
  for i = 1, #strs do
    local row = {}
    for j = 1, #strs do
      local l1, l2 = lt(strs[i], strs[j])
      row[j] = (l1 and "1" or "0") .. (l2 and "1" or "0")
    end
    rows[i] = table.concat(row, " ")
  end
end
for i = 1, #strs do print(string.format("%q", strs[i]), rows[i]) end
-- a site that saw strings, then numbers and mixed kinds
local function cmp(a, b) return pcall(lt, a, b) end
local res = {}
for _, p in ipairs({{"x", "y"}, {"y", "x"}, {1, 2}, {2.0, 1}, {"1", 2}, {1, "2"}, {"b", "a"}}) do
  for _ = 1, 10 do cmp(p[1], p[2]) end
  res[#res + 1] = show(cmp(p[1], p[2]))
end
print(table.concat(res, " | "))
