-- identifiers: underscores, digits, case sensitivity, keywords used as field names
local _ = 1
local _x1, X1, x1 = 2, 3, 4
local And, NIL, End = 5, 6, 7
print(_, _x1, X1, x1, And, NIL, End)
local t = {}
t["end"] = 1; t["while"] = 2; t["nil"] = 3; t["goto"] = 4
print(t["end"], t["while"], t["nil"], t["goto"])
local _ENV2 = 8
print(_ENV2, type(_ENV))
local goto_ = 9
print(goto_)
local a_very_long_identifier_name_that_goes_on_and_on_and_on_for_a_while = 10
print(a_very_long_identifier_name_that_goes_on_and_on_and_on_for_a_while)
