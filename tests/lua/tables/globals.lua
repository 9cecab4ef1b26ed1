-- globals live in _ENV (= _G by default)
x = 10
print(x, _G.x, _ENV.x, _G == _ENV)
_G.y = 20
print(y)
local function setg(name, v) _ENV[name] = v end
setg("z", 30)
print(z, rawget(_G, "z"))
x = nil
print(x, rawget(_G, "x"))
do
  local _ENV = {print = print}
  a = 1
  print(a, _ENV.a)
end
print(a)
local function withenv()
  local _ENV = setmetatable({}, {__index = _G})
  b = 5
  return b, _G.b
end
print(withenv())
