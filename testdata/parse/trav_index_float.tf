a = var.l[1.5]
b = var.l[1e2]
