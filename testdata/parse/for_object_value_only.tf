a = {for v in var.list : v.id => v}
