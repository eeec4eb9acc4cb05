locals { ids = [for x in var.list : x.id if x.enabled] }
