a = format("%s-%s-%d", var.a, var.b, 3)
