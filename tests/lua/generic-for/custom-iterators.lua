-- stateless and stateful iterators, and the 4th (closing) value
local function range(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end
end
for i in range(4) do io.write(i, " ") end print()
local function iter(s, c) if c < s then return c + 1, c * c end end
for i, sq in iter, 5, 0 do io.write(i, ":", sq, " ") end print()
local function chars(s)
  return function(str, i)
    i = i + 1
    if i <= #str then return i, str:sub(i, i) end
  end, s, 0
end
for i, c in chars("lua") do io.write(i, c, " ") end print()
-- extra values returned by the iterator are visible
for a, b, c in function(_, x) if not x then return 1, 2, 3 end end do print(a, b, c) end
