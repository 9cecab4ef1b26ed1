-- matrix multiplication and determinant with integers and floats
local function mat(n, f) local m = {} for i = 1, n do m[i] = {} for j = 1, n do m[i][j] = f(i, j) end end return m end
local function mul(a, b)
  local n = #a
  return mat(n, function(i, j) local s = 0 for k = 1, n do s = s + a[i][k] * b[k][j] end return s end)
end
local function det(m)
  local n = #m
  local a = mat(n, function(i, j) return m[i][j] + 0.0 end)
  local d = 1.0
  for c = 1, n do
    local p = c
    for r = c + 1, n do if math.abs(a[r][c]) > math.abs(a[p][c]) then p = r end end
    if a[p][c] == 0 then return 0.0 end
    if p ~= c then a[p], a[c] = a[c], a[p]; d = -d end
    d = d * a[c][c]
    for r = c + 1, n do
      local f = a[r][c] / a[c][c]
      for k = c, n do a[r][k] = a[r][k] - f * a[c][k] end
    end
  end
  return d
end
local A = mat(4, function(i, j) return i * j + (i == j and 1 or 0) end)
local B = mat(4, function(i, j) return (i + j) % 3 end)
local C = mul(A, B)
for i = 1, 4 do print(table.concat(C[i], " ")) end
print(string.format("%.6f", det(A)), string.format("%.6f", det(mat(3, function(i, j) return i + j end))))
