a = var.l [0]
b = var.m [ "k" ]
