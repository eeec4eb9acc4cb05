a = var.list.*
