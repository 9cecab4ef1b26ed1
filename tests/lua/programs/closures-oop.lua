-- objects built from closures (no metatables): a bank account
local function account(balance)
  local history = {}
  local self = {}
  function self.deposit(x) balance = balance + x; history[#history + 1] = "+" .. x end
  function self.withdraw(x)
    if x > balance then error("insufficient funds", 2) end
    balance = balance - x; history[#history + 1] = "-" .. x
  end
  function self.balance() return balance end
  function self.history() return table.concat(history, " ") end
  return self
end
local a = account(100)
a.deposit(50); a.withdraw(30)
print(a.balance(), a.history())
print(pcall(a.withdraw, 1000))
local b = account(0)
b.deposit(1)
print(a.balance(), b.balance())
