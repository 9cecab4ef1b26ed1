-- partial unwinds (runtime.ts resumeCut): a deep chain of frames whose levels each dive past the JS stack
-- budget; after the first unwind, the dives convert only their top frames, which the compiled frame below
-- them continues: results of every count through that frame, errors, tracebacks, getinfo levels, hooks
-- set deep inside, frames that must finish interpreted, and the stack overflow error
local function dive(d, k)  -- several results, the last depending on the depth
  if d == 0 then return k, k * 2, 'bottom' end
  local a, b, c = dive(d - 1, k + 1)
  return a, b + 1, c
end

local function chain(n, width, acc)
  if n == 0 then return acc end
  local r = chain(n - 1, width, acc)
  local a, b, c = dive(width + n, n)
  local m = select('#', dive(width - n, 1))
  return r + a + b + m + #c
end
print('chain', chain(600, 2600, 0))
print('chain', chain(1500, 3000, 7))

-- a dive whose bottom raises: caught at each level of the chain, then the chain dives again
local function raiser(d)
  if d == 0 then error({ depth = d }) end
  local v = raiser(d - 1)
  return v + 1
end
local function pchain(n)
  if n == 0 then return 0 end
  local r = pchain(n - 1)
  local ok, e = pcall(raiser, 2500 + n * 3)
  local a = dive(2800, 0)
  return r + (ok and 1 or 0) + e.depth + a
end
print('pchain', pchain(400))

-- tracebacks and getinfo levels at the bottom of dives started deep in the chain
local function tdive(d)
  if d == 0 then
    local tb = debug.traceback('here', 1)
    local lines = 0
    for _ in tb:gmatch('\n') do lines = lines + 1 end
    local skip = tb:match('%.%.%.\t%(skipping (%d+) levels%)')
    local info = debug.getinfo(3000, 'Sl')
    return lines, skip, info and info.short_src, info and info.currentline
  end
  local a, b, c, e = tdive(d - 1)
  return a, b, c, e
end
local function tchain(n)
  if n == 0 then return '' end
  local s = tchain(n - 1)
  if n % 50 == 0 then
    local a, b, c, e = tdive(2400 + n * 4)
    -- (a, the traceback's line count, differs when the chunk runs through string.dump + load)
    s = s .. ' ' .. (a > 20 and 'n' or 'short') .. ':' .. tostring(b) .. ':' .. tostring(c) .. ':' .. tostring(e)
  else
    dive(2300, n)
  end
  return s
end
print('tchain', tchain(300))

-- a dive whose frames change the type of a register while waiting (a float instead of an integer): their
-- resumed code cannot take it and the frames finish in the interpreter
local function fdive(d, x)
  if d == 0 then return x end
  local y = d % 97 == 0 and x + 0.5 or x
  local r = fdive(d - 1, y)
  return r + y
end
local function fchain(n)
  if n == 0 then return 0 end
  local r = fchain(n - 1)
  return r + fdive(2600 + n, n)
end
print('fchain', fchain(300))

-- a call hook set at the bottom of a dive counts the returns of the frames above the chain
local calls = 0
local function hdive(d, set)
  if d == 0 then
    if set then debug.sethook(function() calls = calls + 1 end, 'r') end
    return 1
  end
  return 1 + hdive(d - 1, set)
end
local function hchain(n)
  if n == 0 then return 0 end
  local r = hchain(n - 1)
  return r + hdive(2500 + n, n == 150)
end
local total = hchain(200)
debug.sethook()
print('hchain', total, calls)

-- a dive that never ends: Lua's stack overflow, caught at one level of the chain
local function forever(n) return 1 + forever(n + 1) end
local function ochain(n)
  if n == 0 then return 0 end
  local r = ochain(n - 1)
  if n == 90 then
    local ok, e = pcall(forever, 1)
    print('overflow', ok, e)
  end
  return r + dive(2500, n)
end
print('ochain', ochain(100))

-- frames waiting at a generic for's iterator call (TFORCALL: no resume variant) finish interpreted (one
-- level in 25: such calls count as C levels, at most 200)
local function idive(d)
  if d == 0 then return 1 end
  if d % 25 ~= 0 then return idive(d - 1) + 1 end
  local s = 0
  for v in function(_, c) if c == nil then return idive(d - 1) + 1 end end do s = s + v end
  return s
end
local function ichain(n)
  if n == 0 then return 0 end
  local r = ichain(n - 1)
  return r + idive(2400 + n)
end
print('ichain', ichain(200))
