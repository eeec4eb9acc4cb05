a = -(x)
b = !(x)
c = (a) + (b)
