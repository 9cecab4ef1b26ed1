-- __close runs on return, after the return values are computed
local log = {}
local function res(name)
  return setmetatable({v = name}, {__close = function(self) log[#log + 1] = "close " .. self.v end})
end
local function f()
  local r <close> = res("r")
  log[#log + 1] = "returning"
  return r.v, #log
end
print(f())
print(table.concat(log, ", "))
log = {}
local function g(n)
  local x <close> = res("x" .. n)
  if n > 0 then return g(n - 1) end
  return "bottom"
end
print(g(2))
print(table.concat(log, ", "))
