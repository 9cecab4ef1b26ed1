-- error with level 2 blames the caller
local function validate(v)
  if type(v) ~= "number" then error("expected a number, got " .. type(v), 2) end
  return v
end
print(validate(5))
print(validate("five"))
