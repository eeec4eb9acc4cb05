a = var.list[var.i]
b = var.list[count.index + 1]
c = var.m[local.k].attr
