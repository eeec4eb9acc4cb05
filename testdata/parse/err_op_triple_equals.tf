a = x === y
