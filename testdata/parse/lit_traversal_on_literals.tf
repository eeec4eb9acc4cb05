a = 1.foo
b = true.x
c = null[0]
d = 1.5.x
e = false["k"]
