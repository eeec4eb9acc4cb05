a = -abs(x)
b = !contains(l, "k")
c = -(1 + 2)
d = !(a || b)
