-- a traceback through several named functions, a method and a field function
local M = {}
function M.field(x) return x.missing.deeper end
local obj = {}
function obj:method() return M.field({}) end
local function localfn() return obj:method() + 1 end
function globalfn() return (localfn()) end
globalfn()
