-- long brackets of several levels; the first newline is skipped; no escapes inside
local a = [[
first line
second ]] .. "|"
print(a)
print([==[contains ]] and ]=] but ends here]==])
print([[\n is not an escape]], #[[

x]])
print([=[
]=] == "", [[a
b]] == "a\nb")
local s = [[
  indented
    more]]
print(s)
print(#[[]], [[]] == "")
