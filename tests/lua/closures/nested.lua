-- upvalues through several levels of nesting
local function outer()
  local a = 1
  return function()
    local b = 2
    return function()
      local c = 3
      return function()
        a = a + 1; b = b + 1; c = c + 1
        return a + b + c
      end
    end
  end
end
local f = outer()()()
print(f(), f(), f())
local g = outer()
local h1, h2 = g()(), g()()
print(h1(), h2(), h1())
