-- upvalues stay alive and mutable after the creating function returns
local function make()
  local list = {}
  local function add(x) list[#list + 1] = x end
  local function dump() return table.concat(list, ",") end
  return add, dump
end
local add, dump = make()
add(1); add(2); add(3)
print(dump())
local function adder(x) return function(y) return x + y end end
local add5 = adder(5)
print(add5(1), adder(10)(20), add5(add5(0)))
