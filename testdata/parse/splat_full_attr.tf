a = var.list[*].id
