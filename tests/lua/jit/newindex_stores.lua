-- Stores of the JS tier on tables with metatables: raw unless __newindex exists (it may come and go)
local log = {}
local mt = {}
local t = setmetatable({}, mt)
for i = 1, 30 do
  if i == 10 then mt.__newindex = function(t, k, v) log[#log+1] = tostring(k) rawset(t, k, v) end end
  if i == 20 then mt.__newindex = nil end
  t[i] = i; t["s" .. i] = i; t[i + 0.5] = i
  local ok, e = pcall(function() t[nil] = 1 end) if i % 10 == 5 then print(ok, e) end
  local ok2, e2 = pcall(function() t[0/0] = 1 end) if i % 10 == 5 then print(ok2, e2) end
end
print(#t, #log, table.concat(log, ","))
local prox = setmetatable({}, {__newindex = {}})
prox[1] = 5; prox.x = 3
print(rawget(prox, 1), rawget(prox, "x"), getmetatable(prox).__newindex[1])
