-- implementation limits that produce syntax errors (stable messages only)
local function check(src, name)
  local f, err = load(src, name)
  print(err or "ok")
end

-- too many local variables (limit 200)
local parts = {}
for i = 1, 201 do parts[#parts + 1] = "local v" .. i .. " = " .. i end
check(table.concat(parts, "\n"))
parts = {}
for i = 1, 199 do parts[#parts + 1] = "local v" .. i .. " = " .. i end
check(table.concat(parts, "\n"))
-- too many upvalues (limit 255)
parts = {}
for i = 1, 256 do parts[#parts + 1] = "local u" .. i .. " = " .. i end
local body = {}
for i = 1, 256 do body[#body + 1] = "u" .. i end
local src = "local function mk()\n" .. table.concat(parts, "\n", 1, 150) .. "\nreturn function()\n" ..
  table.concat(parts, "\n", 151, 256) .. "\nreturn function() return " .. table.concat(body, "+") .. " end end end"
check(src)
-- deeply nested parentheses
-- (the exact message of the overflow depends on the C stack; print only whether it failed)
local f, err = load("return " .. string.rep("(", 1000) .. "1" .. string.rep(")", 1000))
print(f == nil, type(err), string.find(err, "overflow") ~= nil)
check("return " .. string.rep("(", 40) .. "1" .. string.rep(")", 40))
-- a long chain of concatenations is fine
check("return " .. string.rep("'a'..", 60) .. "'b'")
