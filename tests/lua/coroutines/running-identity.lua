-- coroutine.running identity, and passing coroutines around
local captured
local co = coroutine.create(function() captured = coroutine.running(); coroutine.yield() end)
coroutine.resume(co)
print(captured == co, type(captured), coroutine.status(captured))
local t = {[co] = "value"}
print(t[captured])
coroutine.resume(co)
print(coroutine.status(co))
