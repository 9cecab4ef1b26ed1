-- Call sites in code running inside coroutines that want all results or three and more: natives' multi-result
-- fast entries and pairs' (a special function with fast entries); __pairs metamethods (also one that
-- yields), errors, and a site whose callee changes between pairs, a multi-result native, coroutine.yield
-- and a Lua function.

local function sorted(t)
  local ks = {}
  for k in pairs(t) do ks[#ks + 1] = tostring(k) end
  table.sort(ks)
  return table.concat(ks, ",")
end

local co = coroutine.wrap(function(t)
  local total = 0
  for round = 1, 200 do
    for k, v in pairs(t) do total = total + v end          -- pairs wanting three results
    for i, v in ipairs(t) do total = total + i * v end
    local f, s, c = pairs(t)
    total = total + (f == next and 1 or 0) + (s == t and 1 or 0) + (c == nil and 1 or 0)
    total = total + select("#", pairs(t)) + select("#", ipairs(t))
    local a, b, c2, d = string.find("hello world", "(o)(r)")
    total = total + a + b + #c2 + #d
    local x, y, z = string.byte("abc", 1, 3)
    total = total + x + y + z
    local p = table.pack(string.byte("abcdef", 1, -1))
    total = total + p.n
    if round % 50 == 0 then coroutine.yield(total) end
  end
  return "end", total
end)
local tab = { 10, 20, 30, x = 1, y = 2 }
for _ = 1, 5 do print(co(tab)) end

-- __pairs: the general path, including a metamethod that yields
local proxied = setmetatable({}, { __pairs = function(t)
  coroutine.yield("in __pairs")
  return function(_, k) if k == nil then return 1, "one" elseif k == 1 then return 2, "two" end end, t, nil
end })
local plainT = { p = 1 }
local co2 = coroutine.wrap(function()
  for _, t in ipairs({ plainT, proxied, plainT, proxied }) do
    local got = {}
    for k, v in pairs(t) do got[#got + 1] = tostring(k) .. "=" .. tostring(v) end
    coroutine.yield(table.concat(got, " "))
  end
  return "done"
end)
for _ = 1, 7 do print(co2()) end

-- errors through the multi-result sites
local co3 = coroutine.wrap(function()
  print(pcall(function() local a, b, c = pairs(nil) return a == next, b, c end))
  print(pcall(function() local a, b, c = pairs() return a, b, c end))
  print(pcall(function() local a, b, c = ipairs() return a, b, c end))
  print(pcall(function() local a, b, c = string.find("x", "(") return a, b, c end))
  print(pcall(function() return select(-5, 1, 2) end))
  return "errors done"
end)
print(co3())

-- one site, changing callees
local function lua3(t) return 7, 8, 9 end
local co4 = coroutine.wrap(function()
  local fs = { pairs, string.byte, coroutine.yield, lua3, pairs, select, coroutine.yield, string.find }
  local as = { { a = 1 }, "xyz", "yielded", nil, { b = 2 }, 2, "again", "abc" }
  for i = 1, #fs do
    local r = table.pack(fs[i](as[i], 1, 3))
    local parts = {}
    for j = 1, r.n do parts[j] = type(r[j]) == "table" and "table" or type(r[j]) == "function" and "function" or tostring(r[j]) end
    print(i, r.n, table.concat(parts, " "))
  end
  return "changing done"
end)
while true do
  local r = co4("resumed")
  print("->", r)
  if r == "changing done" then break end
end
print(sorted(tab))
