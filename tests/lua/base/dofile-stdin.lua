-- dofile() with no argument reads standard input (empty here: returns nothing)
print(select("#", dofile()))
print(type(loadfile()))
