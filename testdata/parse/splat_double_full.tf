a = var.l[*][*]
