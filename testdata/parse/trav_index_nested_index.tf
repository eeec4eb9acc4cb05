a = var.l[var.m[var.k]]
