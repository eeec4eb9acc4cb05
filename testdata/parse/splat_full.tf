a = var.list[*]
