-- a syntax error in the script itself: reported without traceback
print("this line never runs")
local x = = 2
