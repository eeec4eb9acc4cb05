a = var.m["${var.k}"]
b = var.m["pre-${var.k}"]
