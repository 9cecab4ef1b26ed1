-- comparing different types: == is false, ordering raises errors
print(1 == "1", "1" == 1, nil == false, {} == {}, print == print, 1 ~= "1")
local function try(f) print(pcall(f)) end
try(function() return 1 < "2" end)
try(function() return "1" < 2 end)
try(function() return {} < {} end)
try(function() return nil < 1 end)
try(function() return true <= false end)
try(function() return print > print end)
try(function() local a, b = {}, 1; return a >= b end)
try(function() return 1 < nil end)
