-- comments: short, long, nested-looking, at end of file without newline
print(1) -- trailing comment
--[[ a long
comment ]] print(2)
--[==[ level 2 ]] still comment ]==] print(3)
---[[ this is a short comment, so the next line runs
print(4)
--]]
print(5 --[[inline]] + --[=[another]=] 1)
--[[]]print(7)
-- last line comment without newline at end
-- this file ends with a comment and no newline
print("ok") -- end