-- A Richards-like operating-system scheduler simulation: objects with metatables, method calls,
-- linked queues of packets and a task dispatcher (after Martin Richards' benchmark; written afresh).
-- quick: 1
local reps = tonumber(arg and arg[1]) or 40

local IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
local KIND_DEVICE, KIND_WORK = 0, 1
local DATA_SIZE = 4

local Packet = {}
Packet.__index = Packet
function Packet.new(link, id, kind)
  local p = setmetatable({link = link, id = id, kind = kind, a1 = 0, a2 = {}}, Packet)
  for i = 1, DATA_SIZE do p.a2[i] = 0 end
  return p
end
function Packet:append(queue)
  self.link = nil
  if queue == nil then return self end
  local p = queue
  while p.link ~= nil do p = p.link end
  p.link = self
  return queue
end

-- Task states are three flags: packet pending, task waiting, task holding.
local Task = {}
Task.__index = Task
function Task.new(sched, id, pri, queue, fn, data)
  local t = setmetatable({sched = sched, id = id, pri = pri, queue = queue, fn = fn, data = data,
    pending = queue ~= nil, waiting = false, holding = false}, Task)
  t.link = sched.list
  sched.list = t
  sched.tasks[id] = t
  return t
end
function Task:heldOrSuspended() return self.holding or (not self.pending and self.waiting) end
function Task:waitingWithPacket() return self.pending and self.waiting and not self.holding end
function Task:checkPriorityAdd(current, packet)
  if self.queue == nil then
    self.queue = packet
    self.pending = true
    if self.pri > current.pri then return self end
  else
    self.queue = packet:append(self.queue)
  end
  return current
end

local Scheduler = {}
Scheduler.__index = Scheduler
function Scheduler.new() return setmetatable({list = nil, tasks = {}, current = nil, currentId = 0, queueCount = 0, holdCount = 0}, Scheduler) end
function Scheduler:holdSelf()
  self.holdCount = self.holdCount + 1
  self.current.holding = true
  return self.current.link
end
function Scheduler:waitSelf()
  self.current.waiting = true
  return self.current
end
function Scheduler:release(id)
  local t = self.tasks[id]
  if t == nil then return t end
  t.holding = false
  if t.pri > self.current.pri then return t end
  return self.current
end
function Scheduler:queue(packet)
  local t = self.tasks[packet.id]
  if t == nil then return t end
  self.queueCount = self.queueCount + 1
  packet.link = nil
  packet.id = self.currentId
  return t:checkPriorityAdd(self.current, packet)
end
function Scheduler:run()
  local t = self.list
  while t ~= nil do
    if t:heldOrSuspended() then
      t = t.link
    else
      self.current = t
      self.currentId = t.id
      local packet
      if t:waitingWithPacket() then
        packet = t.queue
        t.queue = packet.link
        t.pending = t.queue ~= nil
        t.waiting = false
      end
      t = t.fn(self, t, packet)
    end
  end
end

local function idleFn(s, t, packet)
  local d = t.data
  d.count = d.count - 1
  if d.count == 0 then return s:holdSelf() end
  if d.control % 2 == 0 then
    d.control = d.control / 2
    return s:release(DEVICE_A)
  end
  d.control = (d.control - 1) / 2
  -- emulate (control >> 1) ~ 0xD008 with arithmetic only (luajit has no bit operators)
  local x, y, r, bit = d.control, 53256, 0, 1
  while x > 0 or y > 0 do
    if (x % 2) ~= (y % 2) then r = r + bit end
    x = (x - x % 2) / 2; y = (y - y % 2) / 2; bit = bit * 2
  end
  d.control = r
  return s:release(DEVICE_B)
end
local function workerFn(s, t, packet)
  local d = t.data
  if packet == nil then return s:waitSelf() end
  if d.dest == HANDLER_A then d.dest = HANDLER_B else d.dest = HANDLER_A end
  packet.id = d.dest
  packet.a1 = 0
  for i = 1, DATA_SIZE do
    d.count = d.count + 1
    if d.count > 26 then d.count = 1 end
    packet.a2[i] = d.count
  end
  return s:queue(packet)
end
local function handlerFn(s, t, packet)
  local d = t.data
  if packet ~= nil then
    if packet.kind == KIND_WORK then d.work = packet:append(d.work) else d.device = packet:append(d.device) end
  end
  if d.work ~= nil then
    local work = d.work
    local count = work.a1
    if count < DATA_SIZE then
      if d.device ~= nil then
        local dev = d.device
        d.device = dev.link
        dev.a1 = work.a2[count + 1]
        work.a1 = count + 1
        return s:queue(dev)
      end
    else
      d.work = work.link
      return s:queue(work)
    end
  end
  return s:waitSelf()
end
local function deviceFn(s, t, packet)
  local d = t.data
  if packet == nil then
    if d.pending == nil then return s:waitSelf() end
    local v = d.pending
    d.pending = nil
    return s:queue(v)
  end
  d.pending = packet
  return s:holdSelf()
end

local function runOnce()
  local s = Scheduler.new()
  Task.new(s, IDLE, 0, nil, idleFn, {control = 1, count = 10000})
  local q = Packet.new(nil, WORKER, KIND_WORK)
  q = Packet.new(q, WORKER, KIND_WORK)
  Task.new(s, WORKER, 1000, q, workerFn, {dest = HANDLER_A, count = 0})
  q = Packet.new(nil, DEVICE_A, KIND_DEVICE)
  q = Packet.new(q, DEVICE_A, KIND_DEVICE)
  q = Packet.new(q, DEVICE_A, KIND_DEVICE)
  Task.new(s, HANDLER_A, 2000, q, handlerFn, {})
  q = Packet.new(nil, DEVICE_B, KIND_DEVICE)
  q = Packet.new(q, DEVICE_B, KIND_DEVICE)
  q = Packet.new(q, DEVICE_B, KIND_DEVICE)
  Task.new(s, HANDLER_B, 3000, q, handlerFn, {})
  Task.new(s, DEVICE_A, 4000, nil, deviceFn, {})
  Task.new(s, DEVICE_B, 5000, nil, deviceFn, {})
  -- the scheduler runs tasks in list order, highest priority first: sort the list by priority
  local all = {}
  local t = s.list
  while t do all[#all + 1] = t; t = t.link end
  table.sort(all, function(a, b) return a.pri > b.pri end)
  for i = 1, #all do all[i].link = all[i + 1] end
  s.list = all[1]
  s:run()
  return s.queueCount, s.holdCount
end

local qc, hc = 0, 0
for i = 1, reps do
  local a, b = runOnce()
  qc = qc + a; hc = hc + b
end
print(string.format("richards x%d: queue count %d, hold count %d", reps, qc, hc))
