-- chains of indexing, method calls and calls on results
local obj = {
  data = {list = {10, 20, 30}, map = {k = "v"}},
  get = function(self, k) return self.data.map[k] end,
  make = function() return {inner = function() return "inner!" end} end,
}
print(obj.data.list[2], obj["data"]["map"].k, obj:get("k"), obj.make().inner())
print(#obj.data.list, obj.data.list[#obj.data.list])
local key = "list"
print(obj.data[key][1] + obj.data[key][3])
obj.data.list[4] = obj.data.list[1] * 4
print(obj.data.list[4])
