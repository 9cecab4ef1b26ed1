-- start, limit and step are evaluated once, before the loop
local calls = {}
local function v(name, x) calls[#calls + 1] = name; return x end
for i = v("start", 1), v("limit", 3), v("step", 1) do calls[#calls + 1] = "body" .. i end
print(table.concat(calls, ","))
local t = {n = 3}
for i = 1, t.n do t.n = t.n + 1 end
print(t.n)
