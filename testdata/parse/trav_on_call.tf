a = f(x).attr[0]
b = element(var.l, 1).id
c = f()[0]
