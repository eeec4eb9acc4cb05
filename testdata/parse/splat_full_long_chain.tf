a = var.l[*].a.b[0].c["d"].e
