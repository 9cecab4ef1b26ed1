-- table constructors expand only the last call
local function mr() return "x", "y", "z" end
local t1 = {mr()}
local t2 = {mr(), mr()}
local t3 = {mr(), 1}
local t4 = {[1] = "keyed", mr()}
local t5 = {(mr())}
print(#t1, #t2, #t3, t4[1], #t5)
print(table.concat(t2, ","))
