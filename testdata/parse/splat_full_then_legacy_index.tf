a = var.l[*].0
b = var.l[*].b.0
