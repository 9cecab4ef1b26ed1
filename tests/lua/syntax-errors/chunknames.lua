-- how chunk names appear in syntax error messages
local function check(src, name)
  local f, err = load(src, name)
  print(err or "ok")
end

check("x = = 1", "=custom")
check("x = = 1", "@file.lua")
check("x = = 1", "plain")
check("x = = 1", "a very long chunk name that goes on and on and on and on and on and on")
check("\nx = = 1")
check("line1\nline2 = = 1")
check("x = = 1 -- a long chunk source string that exceeds the limit of the chunk id buffer in messages")
check("x = = 1", "=")
check("x = = 1", "@")
check("x = = 1", "=a very long chunk name that goes on and on and on and on and on and on and on")
check("x = = 1", "@a/very/long/path/name/that/goes/on/and/on/and/on/and/on/and/on/and/on/file.lua")
