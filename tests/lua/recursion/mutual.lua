-- mutual recursion: a recursive-descent expression evaluator
local src, pos
local expr
local function peek() return src:sub(pos, pos) end
local function number()
  local s, e = src:find("^%d+", pos)
  pos = e + 1
  return tonumber(src:sub(s, e))
end
local function factor()
  if peek() == "(" then pos = pos + 1; local v = expr(); pos = pos + 1; return v end
  if peek() == "-" then pos = pos + 1; return -factor() end
  return number()
end
local function term()
  local v = factor()
  while peek() == "*" or peek() == "/" do
    local op = peek(); pos = pos + 1
    local r = factor()
    if op == "*" then v = v * r else v = v // r end
  end
  return v
end
function expr()
  local v = term()
  while peek() == "+" or peek() == "-" do
    local op = peek(); pos = pos + 1
    local r = term()
    if op == "+" then v = v + r else v = v - r end
  end
  return v
end
for _, s in ipairs({"1+2*3", "(1+2)*3", "-(4-10)/2", "2*(3+(4*(5+6)))", string.rep("(", 500) .. "7" .. string.rep(")", 500)}) do
  src, pos = s, 1
  print(#s > 30 and "deep" or s, expr())
end
