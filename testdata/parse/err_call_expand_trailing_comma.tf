a = max(var.l...,)
