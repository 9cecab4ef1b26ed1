-- __call makes tables callable; the object is the first argument
local counter = setmetatable({n = 0}, {__call = function(self, inc, ...)
  self.n = self.n + (inc or 1)
  return self.n, select("#", ...)
end})
print(counter(), counter(5), counter(1, "a", "b"))
print(pcall(counter, 2))
local nested = setmetatable({}, {__call = counter})
print(pcall(nested, 10))
local f = setmetatable({}, {__call = function(_, a, b) return a + b end})
print(f(2, 3), select("#", f(1, 1)))
local t = {method = f}
print(t.method(10, 20))
print(pcall(setmetatable({}, {}), 1))
