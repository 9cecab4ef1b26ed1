-- functions capture _ENV as an upvalue
local function mk(env)
  local _ENV = env
  return function() return value end
end
local f1 = mk({value = "one"})
local f2 = mk({value = "two"})
print(f1(), f2())
local code = load("return value")
print(code())
local c2 = load("return value", "chunk", "t", {value = "env value"})
print(c2())
print(debug.setupvalue(code, 1, {value = "replaced"}), code())
