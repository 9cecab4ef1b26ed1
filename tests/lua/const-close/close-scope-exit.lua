-- __close runs at the end of the block, in reverse order of declaration
local log = {}
local function res(name)
  return setmetatable({}, {__close = function(self, err) log[#log + 1] = name .. "(" .. tostring(err) .. ")" end})
end
do
  local a <close> = res("a")
  local b <close> = res("b")
  local c <close> = nil
  local d <close> = false
  log[#log + 1] = "body"
end
print(table.concat(log, " "))
