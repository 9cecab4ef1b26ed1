-- JSON encode/decode of generated documents: string building, string.byte/sub scanning, recursion.
-- quick: 1 40
local reps = tonumber(arg and arg[1]) or 4
local seed = 7
local function rand(n) seed = seed * 16807.0 % 2147483647; return math.floor(seed % n) end

local escapes = {['"'] = '\\"', ['\\'] = '\\\\', ['\n'] = '\\n', ['\t'] = '\\t', ['\r'] = '\\r'}
local function encode(v, out)
  local t = type(v)
  if t == "table" then
    if v[1] ~= nil or next(v) == nil then
      out[#out + 1] = "["
      for i = 1, #v do
        if i > 1 then out[#out + 1] = "," end
        encode(v[i], out)
      end
      out[#out + 1] = "]"
    else
      local keys = {}
      for k in pairs(v) do keys[#keys + 1] = k end
      table.sort(keys)
      out[#out + 1] = "{"
      for i, k in ipairs(keys) do
        if i > 1 then out[#out + 1] = "," end
        encode(k, out)
        out[#out + 1] = ":"
        encode(v[k], out)
      end
      out[#out + 1] = "}"
    end
  elseif t == "string" then
    out[#out + 1] = '"' .. v:gsub('[%c"\\]', escapes) .. '"'
  elseif t == "number" then
    if v == math.floor(v) and v > -1e15 and v < 1e15 then out[#out + 1] = string.format("%d", v)
    else out[#out + 1] = string.format("%.14g", v) end
  elseif t == "boolean" then out[#out + 1] = tostring(v)
  else out[#out + 1] = "null" end
end

local decodeValue
local function skip(s, i)
  local _, e = s:find("^[ \n\r\t]*", i)
  return e + 1
end
local function decodeString(s, i)
  local parts = {}
  local j = i + 1
  while true do
    local c = s:byte(j)
    if c == 34 then return table.concat(parts), j + 1 end
    if c == 92 then
      local n = s:sub(j + 1, j + 1)
      local map = {n = "\n", t = "\t", r = "\r", ['"'] = '"', ["\\"] = "\\", ["/"] = "/"}
      parts[#parts + 1] = map[n]
      j = j + 2
    else
      local k = s:find('["\\]', j)
      parts[#parts + 1] = s:sub(j, k - 1)
      j = k
    end
  end
end
function decodeValue(s, i)
  i = skip(s, i)
  local c = s:sub(i, i)
  if c == "{" then
    local obj = {}
    i = skip(s, i + 1)
    if s:sub(i, i) == "}" then return obj, i + 1 end
    while true do
      local k
      k, i = decodeString(s, skip(s, i))
      i = skip(s, i) + 1
      obj[k], i = decodeValue(s, i)
      i = skip(s, i)
      local d = s:sub(i, i)
      i = i + 1
      if d == "}" then return obj, i end
    end
  elseif c == "[" then
    local arr = {}
    i = skip(s, i + 1)
    if s:sub(i, i) == "]" then return arr, i + 1 end
    while true do
      arr[#arr + 1], i = decodeValue(s, i)
      i = skip(s, i)
      local d = s:sub(i, i)
      i = i + 1
      if d == "]" then return arr, i end
    end
  elseif c == '"' then return decodeString(s, i)
  elseif c == "t" then return true, i + 4
  elseif c == "f" then return false, i + 5
  elseif c == "n" then return nil, i + 4
  else
    local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
    return tonumber(num), i + #num
  end
end

local words = {"alpha", "beta", "gamma", "delta", "line\nbreak", 'quote"d', "tab\tbed", "back\\slash", "unicode-ish \200\201"}
local function gen(depth)
  local r = rand(10)
  if depth > 4 or r < 3 then
    local k = rand(5)
    if k == 0 then return rand(100000) - 50000
    elseif k == 1 then return rand(1000000) / 1000
    elseif k == 2 then return words[1 + rand(#words)]
    elseif k == 3 then return rand(2) == 0
    else return words[1 + rand(#words)] .. rand(100) end
  elseif r < 6 then
    local a = {}
    for i = 1, 1 + rand(8) do a[i] = gen(depth + 1) end
    return a
  else
    local o = {}
    for i = 1, 1 + rand(8) do o["key" .. rand(50)] = gen(depth + 1) end
    return o
  end
end

local docs = {}
local ndocs = tonumber(arg and arg[2]) or 200
for i = 1, ndocs do docs[i] = gen(0) end
local check, bytes = 0, 0
for r = 1, reps do
  for i = 1, #docs do
    local out = {}
    encode(docs[i], out)
    local s = table.concat(out)
    local back = decodeValue(s, 1)
    local out2 = {}
    encode(back, out2)
    local s2 = table.concat(out2)
    if s2 ~= s then error("round trip mismatch in document " .. i) end
    bytes = bytes + #s
    check = (check * 31 + #s + s:byte(math.floor(#s / 2) + 1)) % 1000003
  end
end
print(string.format("json x%d: %d bytes, checksum %d", reps, bytes, check))
