#!/usr/bin/env lua5.4 this first line is ignored
print("shebang skipped")
print(select("#", ...))
