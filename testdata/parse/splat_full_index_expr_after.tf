a = var.l[*].tags[var.k]
