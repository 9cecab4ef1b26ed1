-- the length operator on strings counts bytes
print(#"", #"a", #"hello", #"\0\0\0", #"é", #"\u{10FFFF}", #[[
]], #("x"):rep(1000))
local s = "abc"
print(#s, #s .. s, -#s, #s == 3)
