-- setmetatable from compiled call sites (its fast entry) must do everything the general entry does:
-- return the table, remove with nil, mark finalizers and weak modes, and raise the general entry's errors.
local mt = { __index = function(_, k) return "mt:" .. k end }
local objs = {}
for i = 1, 5 do
  local t = setmetatable({ id = i }, mt)
  objs[i] = t
  print(i, t.id, t.other, getmetatable(t) == mt, select("#", setmetatable(t, mt)))
end
-- removing a metatable
for i = 1, 3 do
  local t = setmetatable(objs[i], nil)
  print("removed", i, t == objs[i], getmetatable(t), t.other)
end
-- one argument, wrong types, protected metatables: the general entry's messages and positions
local protected = setmetatable({}, { __metatable = "locked" })
local cases = {
  function() return setmetatable({}) end,
  function() return setmetatable(1, mt) end,
  function() return setmetatable({}, 2) end,
  function() return setmetatable(protected, mt) end,
  function() return setmetatable(protected, nil) end,
  function() return setmetatable("s", nil) end,
}
for round = 1, 3 do
  for i, f in ipairs(cases) do print(round, i, pcall(f)) end
end
-- extra arguments are ignored
for i = 1, 3 do print("extra", getmetatable(setmetatable({}, mt, "x", 4)) == mt) end
-- __gc set through compiled sites: finalizers run, in reverse order of marking
do
  local log = {}
  local gcmt = { __gc = function(o) log[#log + 1] = o.n end }
  for i = 1, 4 do setmetatable({ n = i }, gcmt) end
  collectgarbage()
  collectgarbage()
  table.sort(log)
  print("finalized", table.concat(log, ","))
end
-- __mode set through compiled sites: weak tables are cleared
do
  local weak
  for i = 1, 3 do weak = setmetatable({}, { __mode = "k" }) end
  weak[{}] = true
  weak[objs[5]] = true
  collectgarbage()
  local n = 0
  for _ in pairs(weak) do n = n + 1 end
  print("weak entries", n)
end
-- a cached method lookup sees the metatable change made through the fast entry
do
  local A = { who = function() return "A" end }
  A.__index = A
  local B = { who = function() return "B" end }
  B.__index = B
  local o = setmetatable({}, A)
  for i = 1, 4 do
    if i == 3 then setmetatable(o, B) end
    print("who", i, o.who())
  end
end
