-- errors are caught by the innermost pcall
local log = {}
local ok, e = pcall(function()
  local ok2, e2 = pcall(function() error("inner", 0) end)
  log[#log + 1] = tostring(ok2) .. ":" .. e2
  error("outer", 0)
end)
log[#log + 1] = tostring(ok) .. ":" .. e
print(table.concat(log, " "))
local function safe(f, ...) local r = table.pack(pcall(f, ...)); return r.n, r[1], r[2] end
print(safe(error, "e"), safe(function() return end), safe(safe, error, "z"))
