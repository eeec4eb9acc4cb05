a = { (var.key) = 1, (local.prefix) = 2, ("lit") = 3, (1 + 1) = 4 }
