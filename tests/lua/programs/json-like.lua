-- a tiny serializer with sorted keys and a round trip through load
local function ser(v, indent)
  indent = indent or ""
  local t = type(v)
  if t == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b)
      if type(a) == type(b) then return a < b end
      return type(a) == "number"
    end)
    local parts = {}
    for _, k in ipairs(keys) do
      local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k or "[" .. ser(k) .. "]"
      parts[#parts + 1] = indent .. "  " .. ks .. " = " .. ser(v[k], indent .. "  ")
    end
    return "{\n" .. table.concat(parts, ",\n") .. "\n" .. indent .. "}"
  elseif t == "string" then return string.format("%q", v)
  else return tostring(v) end
end
local data = {name = "moon", list = {1, 2.5, "three", true}, nested = {a = {b = {c = "deep"}}}, [10] = "ten", ["key with space"] = 1}
local s = ser(data)
print(s)
local back = load("return " .. s)()
print(ser(back) == s)
