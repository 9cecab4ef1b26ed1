-- a small state machine built with goto
local input = "aabbbaab"
local pos, count_a, count_b = 1, 0, 0
::read::
if pos > #input then goto finish end
do
  local c = input:sub(pos, pos)
  pos = pos + 1
  if c == "a" then goto on_a else goto on_b end
end
::on_a::
count_a = count_a + 1
goto read
::on_b::
count_b = count_b + 1
goto read
::finish::
print(count_a, count_b)
