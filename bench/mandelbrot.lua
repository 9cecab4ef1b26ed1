-- Mandelbrot set: counts points inside the set on an N x N grid (float inner loop, no bit operations).
-- quick: 120
local N = tonumber(arg and arg[1]) or 1200
local iter = 50
local inside, checksum = 0, 0
for y = 0, N - 1 do
  local ci = 2.0 * y / N - 1.0
  for x = 0, N - 1 do
    local cr = 2.0 * x / N - 1.5
    local zr, zi, zr2, zi2 = 0.0, 0.0, 0.0, 0.0
    local escaped = false
    for i = 1, iter do
      zi = 2.0 * zr * zi + ci
      zr = zr2 - zi2 + cr
      zr2 = zr * zr
      zi2 = zi * zi
      if zr2 + zi2 > 4.0 then escaped = true; checksum = (checksum + i * (x + 1)) % 1000000007; break end
    end
    if not escaped then inside = inside + 1 end
  end
end
print(string.format("mandelbrot %d: %d inside, checksum %d", N, inside, checksum))
