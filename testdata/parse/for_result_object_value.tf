a = [for x in var.l : { name = x, id = index(var.l, x) }]
