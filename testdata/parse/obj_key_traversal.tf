a = { a.b = 1 }
b = { var.x = 2, x[0] = 3 }
