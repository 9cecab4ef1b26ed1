-- Deep recursion past the compiled tier's JS stack budget: compiled frames are unwound into interpreter
-- frames at their calls (runtime.ts viaInterp/unwound), at many depths and with different frame shapes.

-- plain non-tail recursion, the result used after the call
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
for _, n in ipairs({10, 3000, 7000, 20000}) do print('depth', n, depth(n)) end

-- several registers live across the call, multiple results
local function multi(n, a, b)
  if n == 0 then return a, b, 'end' end
  local x, y, z = multi(n - 1, a + 1, b * 2 % 1000003)
  return x + 1, y, z
end
print('multi', multi(9000, 0, 1))

-- varargs frames
local function va(n, ...)
  if n == 0 then return select('#', ...), ... end
  local c, first, second = va(n - 1, ...)
  return c + n % 2, first, second
end
print('varargs', va(6000, 'a', 'b', 'c'))

-- method calls on an object, with a field updated after each call
local obj = { count = 0 }
function obj:down(n)
  if n == 0 then return self.count end
  local r = self:down(n - 1)
  self.count = self.count + 1
  return r + 1
end
print('method', obj:down(8000), obj.count)

-- generic for over a Lua iterator whose calls recurse
local function iter(s, i) if i < 3 then return i + 1 end end
local function forrec(n)
  if n == 0 then return 0 end
  local s = 0
  for i in iter, nil, 0 do s = s + i end
  return s + forrec(n - 1)
end
print('tforcall', forrec(6000))

-- a loop of calls at each level of a deep recursion (work above the unwinding point runs compiled again)
local function leaf(x) return x + 1 end
local function rec(d) if d == 0 then return 0 end local s = 0 for i = 1, 20 do s = leaf(s) end return rec(d - 1) + s end
print('loops', rec(6000))

-- pcall in between, errors raised far above the unwinding point, with their position and a traceback
local function thrower(n, at)
  if n == at then error('boom at ' .. n) end
  if n == 0 then return 'no error' end
  local r = thrower(n - 1, at)
  return r
end
for _, at in ipairs({1, 100, 2500, 5000}) do
  print('pcall', at, pcall(thrower, 6000, at))
end
local function nested(n)
  if n == 0 then error({code = 42}) end
  if n % 1500 == 0 then
    local ok, e = pcall(nested, n - 1)
    return 'caught ' .. tostring(ok) .. ' ' .. (type(e) == 'table' and e.code or tostring(e)) .. ' at ' .. n
  end
  local r = nested(n - 1)
  return r
end
print('nested', nested(7000))
local ok, tb = xpcall(thrower, debug.traceback, 5000, 3)
print('traceback', ok, (tb:gsub('\n.-\n', '\n', 1):match('^[^\n]*')))
print('traceback levels', select(2, tb:gsub('unwind.lua:5[0-9]: in ', '')))

-- to-be-closed variables in frames that are unwound, closed in order on return and on error
local closed = {}
local function closer(n, fail)
  local c <close> = setmetatable({}, { __close = function(_, e) closed[#closed + 1] = n end })
  if n == 0 then if fail then error('fail') end return 0 end
  local r = closer(n - 1, fail)
  return r + 1
end
print('close', closer(3000, false), #closed, closed[1], closed[#closed])
closed = {}
-- (an error closes each variable from its own C-level call: fewer than LUAI_MAXCCALLS of them, above a deep
-- recursion of plain frames that is unwound)
local function under(n) if n == 0 then return pcall(closer, 150, true) end local a, b = under(n - 1) return a, b end
print('close error', under(3000))
print('closed', #closed, closed[1], closed[#closed])

-- debug.getinfo levels and current lines from deep frames
local function info(n)
  if n == 0 then
    local t = {}
    for lv = 1, 4 do local i = debug.getinfo(lv, 'l') t[#t + 1] = i and i.currentline or -1 end
    return table.concat(t, ',')
  end
  local r = info(n - 1)
  return r
end
print('getinfo', info(5000))

-- tail calls mixed with non-tail calls
local tailer
local function nontail(n) if n == 0 then return 0 end return 1 + tailer(n - 1) end
function tailer(n) if n == 0 then return 0 end return nontail(n) end
print('tail', nontail(9000))

-- a closure capturing a local of each frame (registers in the stack)
local function cap(n)
  local v = n
  local get = function() return v end
  if n == 0 then return get() end
  local r = cap(n - 1)
  v = v + r
  return get()
end
print('captured', cap(4000))

-- deep recursion without end: Lua's own "stack overflow", catchable
local function inf(n) return 1 + inf(n + 1) end
local ok2, msg = pcall(inf, 1)
print('overflow', ok2, (tostring(msg):gsub('^.-:%d+: ', '')))
