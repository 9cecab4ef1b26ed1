-- producer/filter/consumer pipeline
local function producer()
  return coroutine.create(function()
    for i = 1, 10 do coroutine.yield(i) end
    return nil
  end)
end
local function filter(src, pred)
  return coroutine.create(function()
    while true do
      local ok, v = coroutine.resume(src)
      if not v then return nil end
      if pred(v) then coroutine.yield(v * v) end
    end
  end)
end
local function consume(src)
  local out = {}
  while true do
    local ok, v = coroutine.resume(src)
    if not v then break end
    out[#out + 1] = v
  end
  return table.concat(out, " ")
end
print(consume(filter(producer(), function(x) return x % 2 == 1 end)))
