-- utf8.codes in compiled loops (fast entries of its iterator): positions and codes, strict and lax modes,
-- one-variable loops, the iterator called by hand with unusual control values, errors mid-loop.
local function collect(s, lax)
  local out = {}
  for p, c in utf8.codes(s, lax) do out[#out + 1] = p .. ":" .. c end
  return table.concat(out, " ")
end
for _ = 1, 3 do
  print(collect("héllo, wörld €𝄞"))
  print(collect(""))
  print(collect("\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"))
  print(collect("\u{7FFFFFFF}\u{D800}", true))
  local n = 0
  for p in utf8.codes("añb") do n = n + p end
  print("sum of positions", n)
end
-- invalid sequences: the error is raised at the step that meets them, with the loop's position
for _, s in ipairs({"ab\xffcd", "a\u{D800}", "x\xC0\x80", "\x80abc", "ok\xE2\x82"}) do
  local seen = {}
  local ok, err = pcall(function()
    for p, c in utf8.codes(s) do seen[#seen + 1] = p .. ":" .. c end
  end)
  print(#seen, table.concat(seen, ","), ok, err)
end
-- lax mode accepts surrogates and 31-bit codes, never overlong ones
print(pcall(collect, "\u{D800}\u{DFFF}", true))
print(pcall(collect, "\xC0\x80", true))
-- the iterator called directly: integral floats, numeric strings, negatives, past the end
local iter, s, c0 = utf8.codes("aé€")
print(c0, iter(s, 0), iter(s, 1), iter(s, 2), iter(s, 4))
print(iter(s, 1.0), iter(s, "1"), iter(s, -1), iter(s, 6), iter(s, 100))
print(pcall(iter, s, 1.5))
print(pcall(iter, 42, 0))
print(pcall(iter, {}, 0))
-- a loop whose iterator changes from utf8's to another function at the same site
local function loop(f, st)
  local t = {}
  for p, c in f, st, 0 do t[#t + 1] = tostring(p) .. "=" .. tostring(c) end
  return table.concat(t, " ")
end
local function count3(_, i) if i < 3 then return i + 1, i * 10 end end
for i = 1, 4 do
  if i % 2 == 1 then print(loop(iter, "añ€")) else print(loop(count3, nil)) end
end
