-- debug.getlocal / debug.setlocal: named locals, parameters of function values, varargs, temporaries,
-- C temporaries, coroutines, errors
local function names(level)
  local out = {}
  for i = 1, 50 do
    local n, v = debug.getlocal(level + 1, i)
    if not n then break end
    local tv = type(v)
    out[#out + 1] = n .. "=" .. ((tv == "function" or tv == "table") and tv or tostring(v))
  end
  return table.concat(out, " ")
end

local function f(a, b, ...)
  local c = a + b
  do local inner = "x"; print("inside do", names(1)) end
  print("after do", names(1))
  for i = 1, 2 do
    print("in for", i, names(1))
  end
  return c
end
f(1, 2, "v1", "v2")

-- parameter names of a function value
local function params(x, y, ...) local z end
print(debug.getlocal(params, 1), debug.getlocal(params, 2), debug.getlocal(params, 3), debug.getlocal(params, 0))
print(debug.getlocal(print, 1))
print(select('#', debug.getlocal(params, 1)))

-- varargs as negative indices
local function va(...)
  for i = 1, select('#', ...) + 1 do print("vararg", -i, debug.getlocal(1, -i)) end
  print(debug.setlocal(1, -2, "changed"))
  print(...)
  print(debug.setlocal(1, -5, "nothing"))
end
va(10, 20, 30)
va()
local function nova(a) print("no varargs", debug.getlocal(1, -1)) end
nova(1)

-- setlocal
local function setter()
  local x, y = 1, 2
  print(debug.setlocal(1, 2, "two"))
  print(debug.setlocal(1, 1, "one"))
  print(debug.setlocal(1, 10, "none"))
  print(x, y)
end
setter()
local function outer()
  local v = "outer"
  local function inner() print(debug.setlocal(2, 1, "from inner")) end
  inner()
  print(v)
end
outer()

-- temporaries of a Lua frame, C temporaries of a native frame (level 0 is getlocal itself)
local function temps()
  return (function ()
    local n1, v1 = debug.getlocal(2, 1)
    local n2, v2 = debug.getlocal(2, 2)
    return n1, type(v1), n2, type(v2)
  end)()
end
print(temps())
print(debug.getlocal(0, 1))
print(debug.getlocal(0, 2))
print(debug.getlocal(0, 3))
print(debug.getlocal(0, 0))
local function g(a, b) return (a + 1) + (function () return select(2, debug.getlocal(2, 3)) end)() end
print(g(10, 0))

-- coroutines
local co = coroutine.create(function (p)
  local q = p + 1
  coroutine.yield()
  print("resumed sees", p, q)
end)
coroutine.resume(co, 5)
print(debug.getlocal(co, 1, 1))
print(debug.getlocal(co, 1, 2))
print(debug.getlocal(co, 1, 3))
print(debug.setlocal(co, 1, 2, 100))
print(debug.getlocal(co, 0, 1))
print(pcall(debug.getlocal, co, 2, 1))
print(debug.getlocal(co, params, 2))
coroutine.resume(co)

-- errors
print(pcall(debug.getlocal, 100, 1))
print(pcall(debug.getlocal, -1, 1))
print(pcall(debug.setlocal, 100, 1, 1))
print(pcall(debug.setlocal, 1, 1))
print(pcall(debug.getlocal, 1))
print(pcall(debug.getlocal, 1, "x"))
print(pcall(debug.getlocal))
print(pcall(debug.setlocal, "x", 1, 1))
