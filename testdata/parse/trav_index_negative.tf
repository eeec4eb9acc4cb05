a = var.list[-1]
