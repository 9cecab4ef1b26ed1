-- A DeltaBlue-like incremental constraint solver (after Freeman-Benson, Maloney and Borning's algorithm;
-- written afresh, smaller than the classic benchmark): class hierarchies with metatables, polymorphic
-- method calls, many small object allocations. Runs the chain and projection tests.
-- quick: 10
local reps = tonumber(arg and arg[1]) or 250
local N = 100

-- Strengths: smaller is stronger.
local REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = 0, 1, 2, 3, 4, 5, 6
local function stronger(a, b) return a < b end
local function weaker(a, b) return a > b end
local function weakestOf(a, b) if a > b then return a end return b end

local NONE, FORWARD, BACKWARD = 0, 1, 2
local planner

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  return c
end

-- A growable list with O(1) removal from the front (a queue) and plain iteration.
local function queue(first) return {first, head = 1, n = first and 1 or 0} end
local function push(q, v) q.n = q.n + 1; q[q.n] = v end
local function pop(q) local v = q[q.head]; q[q.head] = nil; q.head = q.head + 1; return v end
local function empty(q) return q.head > q.n end

local Variable = class()
function Variable.new(name, value)
  return setmetatable({name = name, value = value, constraints = {}, determinedBy = nil, mark = 0,
    walkStrength = WEAKEST, stay = true}, Variable)
end
function Variable:addConstraint(c) local cs = self.constraints; cs[#cs + 1] = c end
function Variable:removeConstraint(c)
  local cs = self.constraints
  for i = #cs, 1, -1 do if cs[i] == c then table.remove(cs, i) end end
  if self.determinedBy == c then self.determinedBy = nil end
end

local Constraint = class()
function Constraint:addConstraint()
  self:addToGraph()
  planner:incrementalAdd(self)
end
function Constraint:satisfy(mark)
  self:chooseMethod(mark)
  if not self:isSatisfied() then
    if self.strength == REQUIRED then error("Could not satisfy a required constraint") end
    return nil
  end
  self:markInputs(mark)
  local out = self:output()
  local overridden = out.determinedBy
  if overridden then overridden:markUnsatisfied() end
  out.determinedBy = self
  if not planner:addPropagate(self, mark) then error("Cycle encountered") end
  out.mark = mark
  return overridden
end
function Constraint:destroyConstraint()
  if self:isSatisfied() then planner:incrementalRemove(self) end
  self:removeFromGraph()
end
function Constraint:isInput() return false end

local UnaryConstraint = class(Constraint)
function UnaryConstraint.init(self, v, strength)
  self.myOutput, self.strength, self.satisfied = v, strength, false
  self:addConstraint()
  return self
end
function UnaryConstraint:addToGraph() self.myOutput:addConstraint(self); self.satisfied = false end
function UnaryConstraint:chooseMethod(mark)
  self.satisfied = self.myOutput.mark ~= mark and stronger(self.strength, self.myOutput.walkStrength)
end
function UnaryConstraint:isSatisfied() return self.satisfied end
function UnaryConstraint:markInputs(mark) end
function UnaryConstraint:output() return self.myOutput end
function UnaryConstraint:recalculate()
  local out = self.myOutput
  out.walkStrength = self.strength
  out.stay = not self:isInput()
  if out.stay then self:execute() end
end
function UnaryConstraint:markUnsatisfied() self.satisfied = false end
function UnaryConstraint:inputsKnown() return true end
function UnaryConstraint:removeFromGraph()
  if self.myOutput then self.myOutput:removeConstraint(self) end
  self.satisfied = false
end

local StayConstraint = class(UnaryConstraint)
function StayConstraint.new(v, s) return UnaryConstraint.init(setmetatable({}, StayConstraint), v, s) end
function StayConstraint:execute() end

local EditConstraint = class(UnaryConstraint)
function EditConstraint.new(v, s) return UnaryConstraint.init(setmetatable({}, EditConstraint), v, s) end
function EditConstraint:isInput() return true end
function EditConstraint:execute() end

local BinaryConstraint = class(Constraint)
function BinaryConstraint.init(self, v1, v2, strength)
  self.v1, self.v2, self.strength, self.direction = v1, v2, strength, NONE
  self:addConstraint()
  return self
end
function BinaryConstraint:chooseMethod(mark)
  local v1, v2 = self.v1, self.v2
  if v1.mark == mark then
    self.direction = (v2.mark ~= mark and stronger(self.strength, v2.walkStrength)) and FORWARD or NONE
  end
  if v2.mark == mark then
    self.direction = (v1.mark ~= mark and stronger(self.strength, v1.walkStrength)) and BACKWARD or NONE
  end
  if weaker(v1.walkStrength, v2.walkStrength) then
    self.direction = stronger(self.strength, v1.walkStrength) and BACKWARD or NONE
  else
    self.direction = stronger(self.strength, v2.walkStrength) and FORWARD or BACKWARD
  end
end
function BinaryConstraint:addToGraph() self.v1:addConstraint(self); self.v2:addConstraint(self); self.direction = NONE end
function BinaryConstraint:isSatisfied() return self.direction ~= NONE end
function BinaryConstraint:markInputs(mark) self:input().mark = mark end
function BinaryConstraint:input() if self.direction == FORWARD then return self.v1 end return self.v2 end
function BinaryConstraint:output() if self.direction == FORWARD then return self.v2 end return self.v1 end
function BinaryConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walkStrength = weakestOf(self.strength, ihn.walkStrength)
  out.stay = ihn.stay
  if out.stay then self:execute() end
end
function BinaryConstraint:markUnsatisfied() self.direction = NONE end
function BinaryConstraint:inputsKnown(mark)
  local i = self:input()
  return i.mark == mark or i.stay or i.determinedBy == nil
end
function BinaryConstraint:removeFromGraph()
  if self.v1 then self.v1:removeConstraint(self) end
  if self.v2 then self.v2:removeConstraint(self) end
  self.direction = NONE
end

local EqualityConstraint = class(BinaryConstraint)
function EqualityConstraint.new(a, b, s) return BinaryConstraint.init(setmetatable({}, EqualityConstraint), a, b, s) end
function EqualityConstraint:execute() self:output().value = self:input().value end

local ScaleConstraint = class(BinaryConstraint)
function ScaleConstraint.new(src, scale, offset, dest, s)
  local c = setmetatable({scale = scale, offset = offset}, ScaleConstraint)
  return BinaryConstraint.init(c, src, dest, s)
end
function ScaleConstraint:addToGraph()
  BinaryConstraint.addToGraph(self)
  self.scale:addConstraint(self); self.offset:addConstraint(self)
end
function ScaleConstraint:removeFromGraph()
  BinaryConstraint.removeFromGraph(self)
  if self.scale then self.scale:removeConstraint(self) end
  if self.offset then self.offset:removeConstraint(self) end
end
function ScaleConstraint:markInputs(mark)
  BinaryConstraint.markInputs(self, mark)
  self.scale.mark = mark; self.offset.mark = mark
end
function ScaleConstraint:execute()
  if self.direction == FORWARD then
    self.v2.value = self.v1.value * self.scale.value + self.offset.value
  else
    self.v1.value = (self.v2.value - self.offset.value) / self.scale.value
  end
end
function ScaleConstraint:recalculate()
  local ihn, out = self:input(), self:output()
  out.walkStrength = weakestOf(self.strength, ihn.walkStrength)
  out.stay = ihn.stay and self.scale.stay and self.offset.stay
  if out.stay then self:execute() end
end

local Planner = class()
function Planner.new() return setmetatable({currentMark = 0}, Planner) end
function Planner:newMark() self.currentMark = self.currentMark + 1; return self.currentMark end
function Planner:incrementalAdd(c)
  local mark = self:newMark()
  local overridden = c:satisfy(mark)
  while overridden do overridden = overridden:satisfy(mark) end
end
function Planner:incrementalRemove(c)
  local out = c:output()
  c:markUnsatisfied()
  c:removeFromGraph()
  local unsatisfied = self:removePropagateFrom(out)
  local strength = REQUIRED
  repeat
    for i = 1, #unsatisfied do
      local u = unsatisfied[i]
      if u.strength == strength then self:incrementalAdd(u) end
    end
    strength = strength + 1
  until strength == WEAKEST
end
function Planner:addConstraintsConsumingTo(v, coll)
  local determining = v.determinedBy
  local cs = v.constraints
  for i = 1, #cs do
    local c = cs[i]
    if c ~= determining and c:isSatisfied() then push(coll, c) end
  end
end
function Planner:makePlan(sources)
  local mark = self:newMark()
  local plan = {}
  local todo = sources
  while not empty(todo) do
    local c = pop(todo)
    local out = c:output()
    if out.mark ~= mark and c:inputsKnown(mark) then
      plan[#plan + 1] = c
      out.mark = mark
      self:addConstraintsConsumingTo(out, todo)
    end
  end
  return plan
end
function Planner:extractPlanFromConstraints(constraints)
  local sources = queue()
  for i = 1, #constraints do
    local c = constraints[i]
    if c:isInput() and c:isSatisfied() then push(sources, c) end
  end
  return self:makePlan(sources)
end
function Planner:addPropagate(c, mark)
  local todo = queue(c)
  while not empty(todo) do
    local d = pop(todo)
    if d:output().mark == mark then
      self:incrementalRemove(c)
      return false
    end
    d:recalculate()
    self:addConstraintsConsumingTo(d:output(), todo)
  end
  return true
end
function Planner:removePropagateFrom(out)
  out.determinedBy = nil
  out.walkStrength = WEAKEST
  out.stay = true
  local unsatisfied = {}
  local todo = queue(out)
  while not empty(todo) do
    local v = pop(todo)
    local cs = v.constraints
    for i = 1, #cs do
      if not cs[i]:isSatisfied() then unsatisfied[#unsatisfied + 1] = cs[i] end
    end
    local determining = v.determinedBy
    for i = 1, #cs do
      local nextc = cs[i]
      if nextc ~= determining and nextc:isSatisfied() then
        nextc:recalculate()
        push(todo, nextc:output())
      end
    end
  end
  return unsatisfied
end

local function executePlan(plan) for i = 1, #plan do plan[i]:execute() end end

local function chainTest(n)
  planner = Planner.new()
  local prev, first, last
  for i = 0, n do
    local v = Variable.new("v" .. i, 0)
    if prev then EqualityConstraint.new(prev, v, REQUIRED) end
    if i == 0 then first = v end
    if i == n then last = v end
    prev = v
  end
  StayConstraint.new(last, STRONG_DEFAULT)
  local edit = EditConstraint.new(first, PREFERRED)
  local plan = planner:extractPlanFromConstraints({edit})
  local sum = 0
  for i = 0, 99 do
    first.value = i
    executePlan(plan)
    if last.value ~= i then error("Chain test failed") end
    sum = sum + last.value
  end
  edit:destroyConstraint()
  return sum
end

local function change(v, newValue)
  local edit = EditConstraint.new(v, PREFERRED)
  local plan = planner:extractPlanFromConstraints({edit})
  for i = 1, 10 do v.value = newValue; executePlan(plan) end
  edit:destroyConstraint()
end

local function projectionTest(n)
  planner = Planner.new()
  local scale, offset = Variable.new("scale", 10), Variable.new("offset", 1000)
  local src, dst
  local dests = {}
  for i = 0, n - 1 do
    src = Variable.new("src" .. i, i)
    dst = Variable.new("dst" .. i, i)
    dests[#dests + 1] = dst
    StayConstraint.new(src, NORMAL)
    ScaleConstraint.new(src, scale, offset, dst, REQUIRED)
  end
  change(src, 17)
  if dst.value ~= 1170 then error("Projection 1 failed") end
  change(dst, 1050)
  if src.value ~= 5 then error("Projection 2 failed") end
  change(scale, 5)
  for i = 0, n - 2 do if dests[i + 1].value ~= i * 5 + 1000 then error("Projection 3 failed") end end
  change(offset, 2000)
  local sum = 0
  for i = 0, n - 2 do
    if dests[i + 1].value ~= i * 5 + 2000 then error("Projection 4 failed") end
    sum = sum + dests[i + 1].value
  end
  return sum
end

local total = 0
for r = 1, reps do total = total + chainTest(N) + projectionTest(N) end
print(string.format("deltablue x%d: checksum %d", reps, total))
