a = var.map["key"]
b = var.map["with space"]["nested"]
