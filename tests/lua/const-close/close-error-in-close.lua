-- an error inside __close replaces the original error; the other closes still run
local log = {}
local function ok_res(name)
  return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. ":" .. tostring(err) end})
end
local function bad_res(name)
  return setmetatable({}, {__close = function(_, err) log[#log + 1] = name; error(name .. " failed", 0) end})
end
print(pcall(function()
  local a <close> = ok_res("a")
  local b <close> = bad_res("b")
  local c <close> = ok_res("c")
  return "normal"
end))
print(table.concat(log, " "))
log = {}
print(pcall(function()
  local a <close> = ok_res("a")
  local b <close> = bad_res("b")
  local c <close> = bad_res("c")
  error("original", 0)
end))
print(table.concat(log, " "))
