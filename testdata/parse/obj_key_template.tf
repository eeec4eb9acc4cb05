a = { "${var.p}-key" = 1, "${var.k}" = 2 }
