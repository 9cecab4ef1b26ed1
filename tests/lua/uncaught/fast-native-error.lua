-- An uncaught error raised at a call site that used a native's fast entry before (runtime/fastnative.ts): the
-- message and the traceback name the native and the Lua frames exactly as lua5.4.
local function deep(s) return string.rep(s, 2) .. s:upper() end
for i = 1, 5 do deep("x") end
print(deep(nil))
