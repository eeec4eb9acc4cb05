a = [for x in var.list : x.name if x.enabled]
