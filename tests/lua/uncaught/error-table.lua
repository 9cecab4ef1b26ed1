-- an error object without __tostring is reported by type
print("start")
error({code = 42})
