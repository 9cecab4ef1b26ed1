-- An error unwinding thousands of frames that each hold a to-be-closed variable: every __close runs, in
-- order, once, and the original error reaches pcall (each close is one nested call, not a growing nest).
local closed, order = 0, {}
local function mk(d)
  return setmetatable({}, {__close = function(_, e)
    closed = closed + 1
    if d % 1000 == 0 then order[#order + 1] = d .. ":" .. tostring(e) end
  end})
end
local function f(d)
  local x <close> = mk(d)
  if d == 0 then error("boom") end
  return (f(d - 1))
end
for _, depth in ipairs({10, 250, 3000, 12000}) do
  closed, order = 0, {}
  local ok, e = pcall(f, depth)
  print(depth, ok, e, closed, table.concat(order, " "))
end

-- a __close that raises replaces the error; the others still run
local function g(d, bad)
  local x <close> = setmetatable({}, {__close = function(_, e)
    closed = closed + 1
    if d == bad then error("close " .. d .. " after " .. tostring(e), 0) end
  end})
  if d == 0 then error("deep", 0) end
  return (g(d - 1, bad))
end
closed = 0
local ok, e = pcall(g, 2000, 700)
print(ok, e, closed)

-- closes that yield while an error unwinds inside a coroutine
local co = coroutine.wrap(function()
  local function h(d)
    local x <close> = setmetatable({}, {__close = function() coroutine.yield(d) end})
    if d == 0 then error("in co", 0) end
    return (h(d - 1))
  end
  return "done", pcall(h, 500)
end)
local got, last = 0, nil
while true do
  local a, b, c = co()
  if a == "done" then last = tostring(b) .. " " .. tostring(c) break end
  got = got + 1
end
print(got, last)

-- leaving blocks normally closes too, at every depth
local n = 0
local function k(d)
  local x <close> = setmetatable({}, {__close = function() n = n + 1 end})
  if d > 0 then k(d - 1) end
end
k(5000)
print(n)
