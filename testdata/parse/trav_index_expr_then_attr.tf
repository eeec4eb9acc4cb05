a = x[var.i].a.b
b = x[var.i][0]
c = x[var.i][var.j]
