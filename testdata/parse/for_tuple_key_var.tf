a = [for i, x in var.list : "${i}:${x}"]
