-- a number error value is converted to a string (no position added)
error(42.5)
