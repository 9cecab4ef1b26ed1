-- __close receives the error object when the block exits by an error
local log = {}
local function res(name)
  return setmetatable({}, {__close = function(_, err) log[#log + 1] = name .. ":" .. tostring(err) end})
end
local ok, err = pcall(function()
  local a <close> = res("a")
  local b <close> = res("b")
  error("oops", 0)
end)
print(ok, err, table.concat(log, " "))
log = {}
ok, err = pcall(function()
  local a <close> = res("a")
  error({code = 1})
end)
print(ok, type(err), err.code, (log[1]:gsub("0x%x+", "ADDR")))
