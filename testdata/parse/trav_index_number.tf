a = var.list[0]
b = var.list[42]
