-- xpcall passes extra arguments to the function
print(xpcall(function(...) return select("#", ...), ... end, print, 1, nil, 3))
print(xpcall(string.rep, print, "ab", 3))
print(xpcall(string.rep, function(m) return "H:" .. m end))
print(xpcall(math.max, function(m) return "H:" .. m end))
