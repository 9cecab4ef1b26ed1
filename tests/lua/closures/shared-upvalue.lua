-- closures created in the same scope share upvalues
local function pair()
  local v = 0
  local function get() return v end
  local function set(x) v = x end
  return get, set
end
local get, set = pair()
print(get()); set(10); print(get())
local g2, s2 = pair()
s2(5)
print(get(), g2())
