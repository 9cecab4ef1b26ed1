-- whitespace characters between tokens: space, tab, vertical tab, form feed
local	x	=	1
local y =2 local z= 3
print(x,y,z)
print(x
+
y
+
z)
print(  (  x  )  )
;;; print("semicolons") ;
local a = {1,2,3,} print(#a)
local b = {1;2;3;} print(#b)
local a=1
print(a)
