a = var.l.*.b[0]
