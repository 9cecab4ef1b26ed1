-- rawget/rawset/rawlen/rawequal at compiled call sites (fast entries), with arguments that change type and
-- metatables that must not be consulted; errors come from the general entries with PUC's messages.
local log = {}
local mt = {
  __index = function(t, k) log[#log + 1] = "index " .. tostring(k); return "meta" end,
  __newindex = function(t, k, v) log[#log + 1] = "newindex " .. tostring(k) end,
  __len = function() log[#log + 1] = "len"; return 99 end,
  __eq = function() log[#log + 1] = "eq"; return true end,
}
local function get(t, k) return rawget(t, k) end
local function set(t, k, v) return rawset(t, k, v) end
local function len(v) return rawlen(v) end
local function eq(a, b) return rawequal(a, b) end
for round = 1, 3 do
  local t = setmetatable({10, 20, x = "y"}, mt)
  local u = setmetatable({}, mt)
  print(get(t, 1), get(t, "x"), get(t, "nope"), get(t, 3), t.nope, get(t, 1.0), get(t, 2^53))
  print(set(t, "z", 5) == t, set(t, 3, 30) == t, set(t, 1.5, "f") == t, set(t, 2.0, "two") == t)
  print(get(t, "z"), get(t, 3), get(t, 1.5), get(t, 2), len(t), #t, len(u), #u, len("abc"), len(""))
  print(eq(t, t), eq(t, u), t == u, eq(1, 1.0), eq(0, -0.0), eq("1", 1), eq(nil, false), eq(0/0, 0/0), eq(2^53, 2^53 + 1.0))
  set(t, "x", nil)
  print(get(t, "x"), next({}), len({n = 1}))
  -- arguments of other types: the general entries raise
  for _, bad in ipairs({"str", 42, true}) do
    print(pcall(get, bad, 1))
    print(pcall(set, bad, 1, 2))
  end
  print(pcall(len, 42), pcall(len, nil))
  print(pcall(set, t, nil, 1))
  print(pcall(set, t, 0/0, 1))
  print(pcall(rawget, t), pcall(rawset, t, 1), pcall(rawequal, 1), pcall(rawlen))
  print(select('#', rawget(t, 1)), select('#', rawset(t, 9, 9)), select('#', rawlen(t)), select('#', rawequal(1, 2)))
  print(table.concat(log, ","))
  log = {}
end
-- a watched table (a metatable's __index table) changed through rawset: later lookups see the new value
local base = {greet = "hi"}
local obj = setmetatable({}, {__index = base})
local function greet(o) return o.greet end
for i = 1, 4 do
  print(greet(obj))
  rawset(base, "greet", "hello" .. i)
end
rawset(obj, "greet", "own")
print(greet(obj))
