-- a doubly linked list with metatables: insertion, removal, iteration, __len, __tostring
local List = {}
List.__index = List
function List.new() local l = setmetatable({n = 0}, List); l.head = {}; l.tail = {}; l.head.next = l.tail; l.tail.prev = l.head; return l end
function List:push(v) local node = {v = v, prev = self.tail.prev, next = self.tail}; node.prev.next = node; self.tail.prev = node; self.n = self.n + 1; return node end
function List:remove(node) node.prev.next = node.next; node.next.prev = node.prev; self.n = self.n - 1 end
function List:items() local cur = self.head return function() cur = cur.next; if cur ~= self.tail then return cur.v end end end
List.__len = function(self) return self.n end
List.__tostring = function(self) local t = {} for v in self:items() do t[#t + 1] = tostring(v) end return "[" .. table.concat(t, ", ") .. "]" end
local l = List.new()
local nodes = {}
for i = 1, 10 do nodes[i] = l:push(i * i) end
l:remove(nodes[1]); l:remove(nodes[5]); l:remove(nodes[10])
print(#l, tostring(l))
