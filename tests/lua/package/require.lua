-- require: searchers, package.loaded semantics, loader data, error messages
package.path = "tests/lua/package/fixtures/?.lua;tests/lua/package/fixtures/?/init.lua"
package.cpath = "tests/lua/package/fixtures/?.so"

local a, file = require("mod_a")
print(a.name, a.file, a.answer, file)
print(require("mod_a") == a, select("#", require("mod_a")), package.loaded.mod_a == a)
print(require("mod_nil"))
print(require("mod_nil"), package.loaded.mod_nil)
print(require("mod_sets"))
print(require("mod_false"))
print(package.loaded.mod_false)
print(require("pkg"))
print(require("pkg.sub"))
print(require("shebang"))

print(pcall(require, "mod_bad"))
print(pcall(require, "mod_err"))
print(package.loaded.mod_err)
print(pcall(require, "missing"))
print(pcall(require, "missing.sub"))
print(pcall(require))
print(pcall(require, {}))

-- preload, and a loader's second argument
package.preload.virtual = function(...) print("preload loader", ...) return "virtual!" end
print(require("virtual"))
package.preload.virtual = nil
print(require("virtual"))

-- custom searchers and their messages
table.insert(package.searchers, 2, function(name)
  if name == "magic" then return function(n, extra) return "magic:" .. n .. ":" .. extra end, "EXTRA" end
  return "\n\tno magic for '" .. name .. "'"
end)
print(require("magic"))
print(pcall(require, "nothing"))
table.remove(package.searchers, 2)
table.insert(package.searchers, function() return nil end)
table.insert(package.searchers, function() return 42 end)
print(pcall(require, "nothing2"))

-- paths of the wrong type, searchers gone
package.path = 42
print(pcall(require, "zz"))
package.path = {}
print(pcall(require, "zz"))
package.path = "tests/lua/package/fixtures/?.lua"
local searchers = package.searchers
package.searchers = nil
print(pcall(require, "zz"))
package.searchers = searchers

-- package.loaded is the registry's _LOADED and holds the standard libraries
print(package.loaded._G == _G, package.loaded.string == string, package.loaded.package == package)
print(package.loaded["io"] == io, package.loaded.os == os, package.loaded.table == table)
