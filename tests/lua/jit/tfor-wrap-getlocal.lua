-- A generic for over a coroutine.wrap iterator: the call site caches the wrap function's switching entry, which
-- runs Lua code, so the loop's frame must be spilled for debug.getlocal (and the collector) during the switch,
-- unlike a native iterator's fast entry (jit/codegen.ts inlineIter).
local main = coroutine.running()
local it = coroutine.wrap(function()
  for i = 1, 4 do
    local seen = {}
    for level = 0, 1 do
      for k = 1, 12 do
        local n, v = debug.getlocal(main, level, k)
        if not n then break end
        if n == "acc" or n == "v" then seen[#seen + 1] = level .. ":" .. n .. "=" .. tostring(v) end
      end
    end
    print(i, table.concat(seen, " "))
    coroutine.yield(i)
  end
end)
local acc = 0
for v in it do acc = acc + v * 10 end
print(acc)
