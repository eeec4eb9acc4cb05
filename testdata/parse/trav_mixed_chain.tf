a = var.a.b[0]["k"][var.x]
