a = f (1)
b = join (",", ["a"])
c = f	()
