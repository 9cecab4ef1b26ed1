-- Weak tables: "k", "v" and "kv"; strings, numbers and booleans are values and are never removed.
local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

local wk = setmetatable({}, {__mode = "k"})
local keep = {}
wk[keep] = "kept"
wk[{}] = "dropped"
wk[1] = {}
wk["s"] = {}
wk[true] = {}
wk[2.5] = {}
collectgarbage()
print("k:", count(wk), wk[keep], type(wk[1]), type(wk.s), type(wk[true]), type(wk[2.5]))

local wv = setmetatable({}, {__mode = "v"})
wv[1] = {}
wv[2] = keep
wv[3] = "str"
wv[4] = 42
wv.x = {}
wv.y = function() end
wv[{}] = 1          -- key strong in a weak-value table: this entry stays
wv[keep] = {}
wv[5] = string.rep("long string ", 10)
collectgarbage()
print("v:", count(wv), wv[1], wv[2] == keep, wv[3], wv[4], wv.x, wv.y, wv[keep], #wv[5])

local wkv = setmetatable({}, {__mode = "kv"})
wkv[1] = {}
wkv[keep] = keep
wkv[{}] = 1
wkv.a = "b"
wkv[keep] = nil
wkv[2] = keep
collectgarbage()
print("kv:", count(wkv), wkv[1], wkv[2] == keep, wkv.a)

-- a weak table behaves as a normal table between collections
local w = setmetatable({}, {__mode = "k"})
for i = 1, 10 do w[{}] = i end
print("before collection:", count(w))
collectgarbage()
print("after collection:", count(w))

-- functions and coroutines are collectable too
local wf = setmetatable({}, {__mode = "v"})
wf[1] = function() return 1 end
wf[2] = coroutine.create(function() end)
wf[3] = print
collectgarbage()
print("functions/threads:", wf[1], wf[2], wf[3] == print)

-- the mode is read at each collection: a table becomes weak when its metatable gets __mode
local mt = {}
local late = setmetatable({}, mt)
late[1] = {}
collectgarbage()
print("not weak yet:", type(late[1]))
mt.__mode = "v"
collectgarbage()
print("now weak:", late[1])

-- clearing during a traversal keeps next() working
local t = setmetatable({}, {__mode = "v"})
for i = 1, 20 do t["k" .. i] = (i % 2 == 0) and {} or i end
local seen = 0
for k in pairs(t) do
  seen = seen + 1
  if seen == 3 then collectgarbage() end
end
print("odd entries left:", count(t))
