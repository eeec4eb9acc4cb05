a = 1
b = 2 c = 3
d = [1 2]
e = (1
f = "ok"
